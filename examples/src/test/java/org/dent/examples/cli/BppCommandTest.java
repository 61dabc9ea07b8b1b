package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.client.bap.DentClient;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.ClientTls;
import org.dent.client.transport.NackException;
import org.dent.client.transport.OutboundSender;
import org.dent.core.testing.TestPki;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BppCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final SigningKey bppKey = SigningKey.generate();
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppTypedKey = SigningKey.generate();

  CommandLine cli() {
    CommandLine cli = DentCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli;
  }

  @Test
  void servesTheReferenceOperatorWithKeysFromTheRegistry() throws Exception {
    Path keyFile = dir.resolve("bpp.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe()));
    try (RegistryServer registry = RegistryServer.ofSubscriptions(List.of(
        Subscription.builder("bap.example").type("BAP").keyId("k1").signingKey(bapKey.publicKey()).build(),
        Subscription.builder("bpp.pretender").type("BPP").keyId("k1").signingKey(bppTypedKey.publicKey())
            .build())).start()) {
      CommandLine cli = cli();
      BppCommand command = cli.getSubcommands().get("bpp").getCommand();
      AtomicInteger exit = new AtomicInteger(-1);
      Thread thread = new Thread(() -> exit.set(cli.execute("bpp", "--port", "0", "--registry", registry.url(),
          "--subscriber-id", "bpp.example", "--ukid", "k1", "--key", "@" + keyFile, "--time-scale", "60")),
          "bpp-cli");
      thread.start();
      BppEngine engine = command.started.get(30, TimeUnit.SECONDS);
      StaticKeyResolver bppKeys = StaticKeyResolver.builder().add("bpp.example", "k1", bppKey.publicKey()).build();
      try (DentClient bap = client("bap.example", bapKey, bppKeys);
          DentClient pretender = client("bpp.pretender", bppTypedKey, bppKeys)) {
        assertThat(out.toString()).isEqualTo("bpp bpp.example listening on " + engine.bppUri()
            + System.lineSeparator());
        assertThat(engine.bppUri().toString()).startsWith("http://127.0.0.1:");
        var window = TimeWindow.of(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofDays(2)), Duration.ofHours(8));
        var intent = StorageRequirement.of(Energy.ofKwh("50"), window).toIntent();
        OnSearchCallback found = bap.search(intent, List.of(engine.bppUri())).first().get(10, TimeUnit.SECONDS);
        assertThat(StorageOffer.fromCatalog(found.message().catalog())).hasSize(4);
        // a subscriber registered as a BPP cannot act as a BAP here
        assertThatThrownBy(() -> pretender.search(intent, List.of(engine.bppUri())).sent().get(10,
            TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(NackException.class);
      } finally {
        command.stop();
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(thread.isAlive()).isFalse();
      assertThat(exit.get()).isZero();
    }
  }

  static DentClient client(String id, SigningKey key, StaticKeyResolver keys) {
    return DentClient.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key).keyResolver(keys)
        .domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(10)).build();
  }

  @Test
  void servesHttpsFromAKeyStoreWithThePasswordFromAFileAndTheKeyFromAFile() throws Exception {
    Path keyFile = dir.resolve("bpp.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe()));
    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path password = Files.writeString(dir.resolve("tls.pw"), TestPki.PASSWORD + "\n");
    Path keystore = TestPki.file(dir, "server.p12");
    try (RegistryServer registry = RegistryServer.ofSubscriptions(List.of(
        Subscription.builder("bap.example").type("BAP").keyId("k1").signingKey(bapKey.publicKey()).build()))
        .start()) {
      CommandLine cli = cli();
      BppCommand command = cli.getSubcommands().get("bpp").getCommand();
      AtomicInteger exit = new AtomicInteger(-1);
      Thread thread = new Thread(() -> exit.set(cli.execute("bpp", "--port", "0", "--registry", registry.url(),
          "--subscriber-id", "bpp.example", "--ukid", "k1", "--key", "file:" + keyFile, "--tls-keystore",
          keystore.toString(), "--tls-password", "file:" + password, "--tls-trust",
          TestPki.file(dir, "ca.pem").toString())), "bpp-cli");
      thread.start();
      BppEngine engine = command.started.get(30, TimeUnit.SECONDS);
      StaticKeyResolver bppKeys = StaticKeyResolver.builder().add("bpp.example", "k1", bppKey.publicKey()).build();
      okhttp3.OkHttpClient trusting = ClientTls.pemCertificates(TestPki.file(dir, "ca.pem"))
          .apply(OutboundSender.defaultHttpClient());
      try (DentClient bap = DentClient.builder().subscriberId("bap.example").uniqueKeyId("k1").signingKey(bapKey)
          .keyResolver(bppKeys).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(10)).httpClient(trusting)
          .build()) {
        assertThat(engine.bppUri().toString()).startsWith("https://127.0.0.1:");
        var window = TimeWindow.of(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofDays(2)), Duration.ofHours(8));
        OnSearchCallback found = bap.search(StorageRequirement.of(Energy.ofKwh("50"), window).toIntent(),
            List.of(engine.bppUri())).first().get(10, TimeUnit.SECONDS);
        assertThat(StorageOffer.fromCatalog(found.message().catalog())).hasSize(4);
      } finally {
        command.stop();
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(exit.get()).isZero();
    }
  }

  @Test
  void tlsUsageErrorsExitTwoWithoutThePassword() throws Exception {
    String key = Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe());
    Path keystore = TestPki.file(dir, "server.p12");
    assertThat(cli().execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "b",
        "--ukid", "k1", "--key", key, "--tls-keystore", keystore.toString(), "--tls-password", "wrong-secret"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("cannot open key store").doesNotContain("wrong-secret");
    assertThat(cli().execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "b",
        "--ukid", "k1", "--key", "env:DENT_TEST_SURELY_UNSET_VARIABLE")).isEqualTo(2);
    assertThat(err.toString()).contains("DENT_TEST_SURELY_UNSET_VARIABLE is not set");
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(cli().execute("bpp", "--registry", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options");
    String key = Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe());
    Path bad = dir.resolve("fleet.json");
    Files.writeString(bad, "{\"provider\": {}}");
    assertThat(cli().execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "b",
        "--ukid", "k1", "--key", key, "--fleet", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("dent bpp: fleet ").doesNotContain(key);
    assertThat(cli().execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id", "b",
        "--ukid", "k1", "--key", "not-a-key")).isEqualTo(2);
  }
}
