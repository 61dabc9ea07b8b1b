package org.dent.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.core.json.DentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegistryServerTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  final JsonMapper mapper = DentCodec.standard().mapper();
  @TempDir Path dir;
  RegistryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Path writeFile(Subscription... subs) throws IOException {
    Path file = dir.resolve("subscribers.json");
    Files.write(file, mapper.writeValueAsBytes(List.of(subs)));
    return file;
  }

  record Answer(int status, String contentType, JsonNode body) {}

  Answer call(String method, String path, String body) throws IOException {
    Request.Builder r = new Request.Builder().url(server.url() + path);
    if (body != null) {
      r.method(method, RequestBody.create(body, MediaType.get("application/json")));
    } else {
      r.method(method, null);
    }
    try (Response response = HTTP.newCall(r.build()).execute()) {
      return new Answer(response.code(), response.header("Content-Type"),
          mapper.readTree(response.body().bytes()));
    }
  }

  @Test
  void fileModeSeesARewriteOnTheNextLookup() throws IOException {
    Subscription a = Subs.bap("a.example", "k1").build();
    Subscription b = Subs.bap("b.example", "k1").build();
    Path file = writeFile(a);
    server = RegistryServer.ofFile(file).start();
    RegistryClient client = RegistryClient.create(server.url());
    assertThat(client.lookup(LookupRequest.subscriber("b.example"))).isEmpty();

    writeFile(a, b); // longer, so the size changes even if the clock did not tick
    assertThat(client.lookup(LookupRequest.subscriber("b.example"))).containsExactly(b);
    assertThat(server.subscriptions()).containsExactly(a, b);
  }

  @Test
  void aBrokenRewriteKeepsTheLastGoodContent() throws IOException {
    Subscription a = Subs.bap("a.example", "k1").build();
    Path file = writeFile(a);
    server = RegistryServer.ofFile(file).start();
    Files.writeString(file, "[{\"subscriber_id\":\"a.example\",");
    assertThat(RegistryClient.create(server.url()).lookup(LookupRequest.subscriber("a.example")))
        .containsExactly(a);
    Files.delete(file);
    assertThat(server.subscriptions()).containsExactly(a);
  }

  @Test
  void aBadFileFailsAtCreation() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"subscriber_id\":\"a\"}");
    assertThatThrownBy(() -> RegistryServer.ofFile(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON array of subscriptions");
    assertThatThrownBy(() -> RegistryServer.ofFile(dir.resolve("missing.json")))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.json");
  }

  @Test
  void badRequestsGetJsonErrors() throws IOException {
    server = RegistryServer.ofSubscriptions(List.of(Subs.bap("a.example", "k1").build())).start();
    Answer notJson = call("POST", "/lookup", "{\"subscriber_id\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/json");
    assertThat(notJson.body().get("error").get("code").asString()).isEqualTo("30000");
    assertThat(notJson.body().get("error").get("message").asString()).startsWith("bad lookup request: ");

    assertThat(call("POST", "/lookup", "[]").status()).isEqualTo(400);
    assertThat(call("POST", "/lookup", "{\"subscriber_id\":42}").status()).isEqualTo(400);
    assertThat(call("POST", "/lookup", "").status()).isEqualTo(400);
    assertThat(call("POST", "/lookup", "{\"s\":\"" + "x".repeat(70_000) + "\"}").status()).isEqualTo(413);
    assertThat(call("GET", "/lookup", null).status()).isEqualTo(405);
    assertThat(call("POST", "/subscribe", "{}").status()).isEqualTo(404);
    assertThat(server.lookupCount()).isZero();

    Answer all = call("POST", "/lookup", "{}");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().size()).isEqualTo(1);
    assertThat(server.lookupCount()).isEqualTo(1);
  }

  @Test
  void acceptsKeyIdSpellingsInTheRequest() throws IOException {
    server = RegistryServer.ofSubscriptions(List.of(
        Subs.bap("a.example", "k1").build(), Subs.bap("a.example", "k2").build())).start();
    for (String member : new String[] {"unique_key_id", "key_id", "ukid"}) {
      Answer a = call("POST", "/lookup", "{\"subscriber_id\":\"a.example\",\"" + member + "\":\"k2\"}");
      assertThat(a.body().size()).as(member).isEqualTo(1);
      assertThat(a.body().get(0).get("key_id").asString()).as(member).isEqualTo("k2");
    }
  }

  @Test
  void inMemoryModePutsAndRemoves() {
    Subscription k1 = Subs.bap("a.example", "k1").build();
    server = RegistryServer.ofSubscriptions(List.of(k1)).start();
    RegistryClient client = RegistryClient.create(server.url());
    Subscription rotated = Subs.bap("a.example", "k1").build();
    Subscription k2 = Subs.bap("a.example", "k2").build();
    server.put(rotated);
    server.put(k2);
    assertThat(client.lookup(LookupRequest.subscriber("a.example"))).containsExactly(rotated, k2);
    assertThat(server.remove("a.example", "k1")).isTrue();
    assertThat(server.remove("a.example", "k1")).isFalse();
    assertThat(client.lookup(LookupRequest.subscriber("a.example"))).containsExactly(k2);
  }

  @Test
  void fileModeRefusesPut() throws IOException {
    server = RegistryServer.ofFile(writeFile()).start();
    assertThatThrownBy(() -> server.put(Subs.bap("a", "k").build())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void portAndUrlOnlyWhileStarted() {
    server = RegistryServer.ofSubscriptions(List.of());
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    server.start();
    assertThat(server.port()).isPositive();
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    server.close();
    server.close();
    assertThatThrownBy(server::url).isInstanceOf(IllegalStateException.class);
  }
}
