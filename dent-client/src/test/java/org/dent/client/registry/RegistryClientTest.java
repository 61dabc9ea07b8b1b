package org.dent.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.dent.core.json.DentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryClientTest {
  final Subscription bap1 = Subs.bap("bap.example", "k1").build();
  final Subscription bap2 = Subs.bap("bap.example", "k2").city("std:011").build();
  final Subscription bpp = Subs.bap("bpp.example", "k1").type("BPP").build();
  final RegistryServer server = RegistryServer.ofSubscriptions(List.of(bap1, bap2, bpp)).start();
  HttpServer raw;

  @AfterEach
  void stop() {
    server.close();
    if (raw != null) {
      raw.stop(0);
    }
  }

  @Test
  void looksUpBySubscriberAndKey() {
    RegistryClient client = RegistryClient.create(server.url());
    assertThat(client.lookup(LookupRequest.key("bap.example", "k2"))).containsExactly(bap2);
    assertThat(client.lookup(LookupRequest.subscriber("bap.example"))).containsExactly(bap1, bap2);
    assertThat(client.lookup(LookupRequest.subscriber("nobody.example"))).isEmpty();
    assertThat(server.lookupCount()).isEqualTo(3);
  }

  @Test
  void filtersByTypeDomainAndCity() {
    RegistryClient client = RegistryClient.create(server.url());
    assertThat(client.lookup(new LookupRequest(null, "bpp", null, null, null))).containsExactly(bpp);
    assertThat(client.lookup(LookupRequest.subscriber("bap.example").withCity("std:011"))).containsExactly(bap2);
    assertThat(client.lookup(new LookupRequest(null, null, "dent:energy-storage:0.1.0", null, null)))
        .containsExactly(bap1, bap2, bpp);
    assertThat(client.lookup(LookupRequest.subscriber("bap.example").withDomain("other"))).isEmpty();
  }

  @Test
  void requestBodyOmitsUnsetFilters() {
    byte[] body = DentCodec.standard().mapper().writeValueAsBytes(
        LookupRequest.key("bap.example", "k1").withType("BAP"));
    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo("{\"subscriber_id\":\"bap.example\",\"type\":\"BAP\",\"unique_key_id\":\"k1\"}");
  }

  @Test
  void baseUrlMayEndWithASlashOrHaveAPath() throws IOException {
    assertThat(RegistryClient.create(server.url() + "/").lookupUrl()).isEqualTo(server.url() + "/lookup");
    assertThat(RegistryClient.create("https://reg.example/beckn/").lookupUrl())
        .isEqualTo("https://reg.example/beckn/lookup");
    assertThat(RegistryClient.create(server.url() + "/").lookup(LookupRequest.key("bpp.example", "k1")))
        .containsExactly(bpp);
    assertThatThrownBy(() -> RegistryClient.create("ftp://x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorStatusNamesUrlAndStatus() {
    RegistryClient client = RegistryClient.create(server.url() + "/wrong");
    assertThatThrownBy(() -> client.lookup(LookupRequest.subscriber("bap.example")))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.reason()).isEqualTo(RegistryException.Reason.HTTP_STATUS);
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.registryUrl()).isEqualTo(server.url() + "/wrong/lookup");
          assertThat(e.code()).isEqualTo("40000");
        })
        .hasMessage("registry " + server.url() + "/wrong/lookup answered HTTP 404");
  }

  @Test
  void unreachableRegistryIsARegistryException() {
    String url = server.url();
    server.close();
    RegistryClient client = RegistryClient.builder(url).connectTimeout(Duration.ofSeconds(2)).build();
    assertThatThrownBy(() -> client.lookup(LookupRequest.subscriber("bap.example")))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNREACHABLE);
          assertThat(e.httpStatus()).isZero();
        })
        .hasMessageStartingWith("registry " + url + "/lookup unreachable: ");
  }

  @Test
  void bodyThatIsNotAnArrayOfSubscriptionsIsABadResponse() throws IOException {
    String url = rawServer("{\"message\":{\"ack\":{\"status\":\"ACK\"}}}");
    assertThatThrownBy(() -> RegistryClient.create(url).lookup(LookupRequest.subscriber("x")))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.BAD_RESPONSE))
        .hasMessageStartingWith("registry " + url + "/lookup (HTTP 200) answered a body that is not a JSON array");
  }

  @Test
  void entryWithoutSubscriberIdIsABadResponse() throws IOException {
    String url = rawServer("[{\"key_id\":\"k1\"}]");
    assertThatThrownBy(() -> RegistryClient.create(url).lookup(LookupRequest.subscriber("x")))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.BAD_RESPONSE));
  }

  @Test
  void oversizedAnswerIsRefused() throws IOException {
    String url = rawServer("[" + "{\"subscriber_id\":\"s\"},".repeat(100) + "{\"subscriber_id\":\"s\"}]");
    RegistryClient small = RegistryClient.builder(url).maxResponseBytes(200).build();
    assertThatThrownBy(() -> small.lookup(LookupRequest.subscriber("s")))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.BAD_RESPONSE))
        .hasMessageContaining("more than 200 bytes");
    assertThat(RegistryClient.create(url).lookup(LookupRequest.subscriber("s"))).hasSize(101);
  }

  @Test
  void sharesOneHttpClientAcrossThreads() throws Exception {
    OkHttpClient http = new OkHttpClient();
    RegistryClient client = RegistryClient.builder(server.url()).httpClient(http)
        .readTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Subscription>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String ukid = i % 2 == 0 ? "k1" : "k2";
        results.add(pool.submit(() -> client.lookup(LookupRequest.key("bap.example", ukid))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).containsExactly(i % 2 == 0 ? bap1 : bap2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.lookupCount()).isEqualTo(64);
    assertThat(http.connectionPool().connectionCount()).isBetween(1, 8);
  }

  /** A server answering every request with 200 and {@code body}; returns its base URL. */
  String rawServer(String body) throws IOException {
    raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    raw.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    raw.start();
    return "http://127.0.0.1:" + raw.getAddress().getPort();
  }
}
