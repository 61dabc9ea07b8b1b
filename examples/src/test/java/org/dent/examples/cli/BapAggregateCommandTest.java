package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.dent.client.registry.RegistryServer;
import org.dent.examples.readme.BppExample;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dent bap aggregate} against the reference BPP (four assets, at most 2,000 kWh usable each) over loopback. */
class BapAggregateCommandTest {
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  RegistryServer registry;
  BppEngine engine;
  StringWriter out;
  StringWriter err;
  final Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(34));
  final Instant to = from.plus(Duration.ofHours(8));
  @TempDir Path dir;

  @BeforeEach
  void start() {
    registry = RegistryServer.ofSubscriptions(List.of(BapCommandTest.sub("bap.cli", "BAP", bapKey),
        BapCommandTest.sub("bpp.example", "BPP", bppKey))).start();
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
    List<String> all = new java.util.ArrayList<>(List.of("bap", "aggregate", "--bpp", engine.bppUri().toString(),
        "--lat", "12.97", "--lon", "77.59", "--radius-km", "25", "--from", from.toString(), "--to", to.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--registry", registry.url(), "--subscriber-id", "bap.cli", "--ukid", "k1",
        "--key", Base64.getEncoder().encodeToString(bapKey.exportSeedUnsafe())));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void aNeedLargerThanAnyOfferIsReservedAcrossTwoAndReported() throws Exception {
    Path report = dir.resolve("portfolio.html");
    int exit = run("--energy", "2500 kWh", "--budget", "INR", "20000", "--report", report.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("4 offer(s) found").contains("plan (optimal)")
        .containsPattern("portfolio: [2-4] legs, 2500 kWh").contains("CONFIRMED").contains("report written to");
    String html = Files.readString(report);
    assertThat(html).contains("<svg").doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void planOnlyReservesNothingAndAnImpossibleNeedFails() {
    assertThat(run("--energy", "2500 kWh", "--plan-only")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("plan (optimal)").doesNotContain("CONFIRMED");
    assertThat(run("--energy", "4000 kWh")).isEqualTo(1);
    assertThat(err.toString()).contains("ERROR 40002");
  }
}
