package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.examples.readme.BppExample;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dent bap} against a reference BPP over loopback, as a person would use it. */
class BapCommandTest {
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  RegistryServer registry;
  BppEngine engine;
  StringWriter out;
  StringWriter err;
  final Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(34));
  final Instant to = from.plus(Duration.ofHours(8));

  static Subscription sub(String id, String type, SigningKey key) {
    return Subscription.builder(id).type(type).domain("dent:energy-storage:0.1.0").keyId("k1")
        .signingKey(key.publicKey()).status(Subscription.SUBSCRIBED).validFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .validUntil(Instant.parse("2099-01-01T00:00:00Z")).build();
  }

  @BeforeEach
  void start() {
    registry = RegistryServer.ofSubscriptions(List.of(sub("bap.cli", "BAP", bapKey), sub("bpp.example", "BPP",
        bppKey))).start();
    engine = BppExample.startProvider(bppKey, java.net.URI.create(registry.url()));
  }

  @AfterEach
  void stop() {
    engine.close();
    registry.close();
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = DentCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--registry", registry.url(), "--subscriber-id", "bap.cli", "--ukid", "k1",
        "--key", Base64.getEncoder().encodeToString(bapKey.exportSeedUnsafe())));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void searchPrintsTheOffersTable() {
    int exit = run("bap", "search", "--bpp", engine.bppUri().toString(), "--lat", "12.97", "--lon", "77.59",
        "--radius-km", "10", "--energy", "50 kWh", "--from", from.toString(), "--to", to.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1 BPP(s) answered").contains("voltvault/vv-bess-01").contains("kWh");
  }

  @Test
  void selectThenConfirmThenStatus() {
    String[] target = {"--bpp", engine.bppUri().toString(), "--bpp-id", "bpp.example", "--transaction-id",
        java.util.UUID.randomUUID().toString()};
    String[] reservation = {"--provider", "voltvault", "--item", "vv-bess-01", "--energy", "50 kWh", "--from",
        from.toString(), "--to", to.toString()};
    assertThat(run(concat(new String[] {"bap", "select"}, target, reservation))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("quote from bpp.example").contains("total");
    assertThat(run(concat(new String[] {"bap", "init"}, target, reservation))).as(err.toString()).isZero();
    assertThat(run(concat(new String[] {"bap", "confirm"}, target, reservation))).as(err.toString()).isZero();
    String orderId = out.toString().lines().filter(l -> l.contains("order ")).findFirst().orElseThrow()
        .trim().split("\\s+")[1];
    assertThat(run(concat(new String[] {"bap", "status", "--order-id", orderId}, target))).isZero();
    assertThat(out.toString()).contains("state RESERVED");
    assertThat(run(concat(new String[] {"bap", "status", "--order-id", "nope", "--json"}, target))).isEqualTo(1);
    assertThat(err.toString()).contains("ERROR 30010");
  }

  static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
