package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.client.registry.RegistryServer;
import org.dent.core.json.DentCodec;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class RegistryCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final String publicKey = SigningKey.generate().publicKey().toBase64();

  CommandLine cli() {
    CommandLine cli = new CommandLine(new DentCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli;
  }

  Path subscribers() throws IOException {
    Path file = dir.resolve("subscribers.json");
    Files.writeString(file, "[{\"subscriber_id\":\"bpp.example\",\"url\":\"https://bpp.example/dent\","
        + "\"type\":\"BPP\",\"domain\":\"dent:energy-storage:0.1.0\",\"key_id\":\"k1\","
        + "\"signing_public_key\":\"" + publicKey + "\",\"status\":\"SUBSCRIBED\"},"
        + "{\"subscriber_id\":\"bap.example\",\"type\":\"BAP\",\"key_id\":\"k1\","
        + "\"signing_public_key\":\"" + publicKey + "\",\"status\":\"SUBSCRIBED\"}]", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void servesLookupsUntilStopped() throws Exception {
    Path file = subscribers();
    CommandLine cli = cli();
    RegistryCommand command = cli.getSubcommands().get("registry").getCommand();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread thread = new Thread(
        () -> exit.set(cli.execute("registry", "--port", "0", "--file", file.toString())), "registry-cli");
    thread.start();
    RegistryServer server = command.started.get(30, TimeUnit.SECONDS);
    try {
      assertThat(out.toString()).isEqualTo("registry listening on http://127.0.0.1:" + server.port()
          + " (2 subscriptions from " + file + ")" + System.lineSeparator());

      Request lookup = new Request.Builder().url(server.url() + "/lookup")
          .post(RequestBody.create("{\"subscriber_id\":\"bpp.example\",\"type\":\"BPP\"}",
              MediaType.get("application/json")))
          .build();
      try (Response response = new OkHttpClient().newCall(lookup).execute()) {
        assertThat(response.code()).isEqualTo(200);
        JsonNode body = DentCodec.standard().mapper().readTree(response.body().bytes());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get(0).get("key_id").asString()).isEqualTo("k1");
        assertThat(body.get(0).get("signing_public_key").asString()).isEqualTo(publicKey);
      }
    } finally {
      command.stop();
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(thread.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBadFileExitsTwo() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{}");
    assertThat(cli().execute("registry", "--port", "0", "--file", file.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("dent registry: ").contains("not a JSON array of subscriptions");
    assertThat(cli().execute("registry", "--port", "0", "--file", dir.resolve("none.json").toString()))
        .isEqualTo(2);
  }

  @Test
  void aTakenPortExitsOne() throws IOException {
    Path file = subscribers();
    try (RegistryServer busy = RegistryServer.ofFile(file).start()) {
      assertThat(cli().execute("registry", "--port", String.valueOf(busy.port()), "--file", file.toString()))
          .isEqualTo(1);
      assertThat(err.toString()).startsWith("dent registry: cannot start registry server on 127.0.0.1:");
    }
  }

  @Test
  void fileIsRequired() {
    assertThat(cli().execute("registry")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--file=SUBSCRIBERS.json'");
  }
}
