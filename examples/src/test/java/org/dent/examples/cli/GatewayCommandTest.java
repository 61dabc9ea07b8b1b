package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.client.bap.DentClient;
import org.dent.client.gateway.Gateway;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.NackException;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dent gateway} in front of {@code dent bpp --rate-limit}, both from the command line, over loopback. */
class GatewayCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final SigningKey bppKey = SigningKey.generate();
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bgKey = SigningKey.generate();

  CommandLine cli() {
    CommandLine cli = DentCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli;
  }

  static Subscription.Builder sub(String id, String type, SigningKey key) {
    return Subscription.builder(id).type(type).domain(StorageProfile.DOMAIN).keyId("k1")
        .signingKey(key.publicKey()).validFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .validUntil(Instant.parse("2099-01-01T00:00:00Z"));
  }

  Path keyFile(String name, SigningKey key) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, Base64.getEncoder().encodeToString(key.exportSeedUnsafe()));
    return file;
  }

  @Test
  void aSearchThroughTheGatewayCommandReachesTheBppCommandWhichLimitsTheBap() throws Exception {
    Path bppKeyFile = keyFile("bpp.key", bppKey);
    Path bgKeyFile = keyFile("bg.key", bgKey);
    try (RegistryServer registry = RegistryServer.ofSubscriptions(List.of(sub("bap.example", "BAP", bapKey)
        .build(), sub("bg.example", "BG", bgKey).build())).start()) {
      CommandLine bppCli = cli();
      BppCommand bppCommand = bppCli.getSubcommands().get("bpp").getCommand();
      AtomicInteger bppExit = new AtomicInteger(-1);
      Thread bppThread = new Thread(() -> bppExit.set(bppCli.execute("bpp", "--port", "0", "--registry",
          registry.url(), "--subscriber-id", "bpp.example", "--ukid", "k1", "--key",
          "@" + bppKeyFile, "--rate-limit", "0.01", "--burst", "1")), "bpp-cli");
      bppThread.start();
      BppEngine engine = bppCommand.started.get(30, TimeUnit.SECONDS);
      registry.put(sub("bpp.example", "BPP", bppKey).url(engine.bppUri().toString()).build());

      CommandLine gwCli = cli();
      GatewayCommand gwCommand = gwCli.getSubcommands().get("gateway").getCommand();
      AtomicInteger gwExit = new AtomicInteger(-1);
      Thread gwThread = new Thread(() -> gwExit.set(gwCli.execute("gateway", "--port", "0", "--registry",
          registry.url(), "--subscriber-id", "bg.example", "--ukid", "k1", "--key",
          "@" + bgKeyFile)), "gateway-cli");
      gwThread.start();
      Gateway gateway = gwCommand.started.get(30, TimeUnit.SECONDS);
      assertThat(out.toString()).contains("gateway bg.example listening on " + gateway.url());

      try (DentClient bap = DentClient.builder().subscriberId("bap.example").uniqueKeyId("k1").signingKey(bapKey)
          .registry(URI.create(registry.url())).gatewayUrl(gateway.url()).ttl(Duration.ofSeconds(10)).build()) {
        var window = TimeWindow.of(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)),
            Duration.ofHours(8));
        var intent = StorageRequirement.of(Energy.ofKwh("50"), window).toIntent();
        List<OnSearchCallback> answers = bap.search(intent, 1).all().get(20, TimeUnit.SECONDS);
        assertThat(answers).extracting(a -> a.context().bppId()).containsExactly("bpp.example");
        // the forwarded search took the BAP's only token: asked directly, the BPP now holds it off
        assertThatThrownBy(() -> bap.search(intent, List.of(engine.bppUri())).sent().get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(NackException.class, e -> {
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("40000");
            });
      } finally {
        gwCommand.stop();
        bppCommand.stop();
        gwThread.join(TimeUnit.SECONDS.toMillis(30));
        bppThread.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(gwExit.get()).isZero();
      assertThat(bppExit.get()).isZero();
    }
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(cli().execute("gateway", "--registry", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options");
    String key = Base64.getEncoder().encodeToString(bgKey.exportSeedUnsafe());
    assertThat(cli().execute("gateway", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "g",
        "--ukid", "k1", "--key", "not-a-key")).isEqualTo(2);
    assertThat(cli().execute("gateway", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "g",
        "--ukid", "k1", "--key", key, "--rate-limit", "0")).isEqualTo(2);
    assertThat(cli().execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "b",
        "--ukid", "k1", "--key", key, "--rate-limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate-limit").doesNotContain(key);
  }
}
