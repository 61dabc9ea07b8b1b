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
  void servesTheAdminEndpointWithTokensFromAFile() throws Exception {
    StringWriter tokenOut = new StringWriter();
    CommandLine tokenCli = DentCommand.newCommandLine();
    tokenCli.setOut(new PrintWriter(tokenOut));
    assertThat(tokenCli.execute("admin-token", "--name", "otto", "--role", "operator")).isZero();
    String[] lines = tokenOut.toString().split("\\R");
    String operatorToken = lines[0].substring("token=".length());
    assertThat(lines[1]).startsWith("otto operator sha256:").doesNotContain(operatorToken);
    Path tokens = Files.writeString(dir.resolve("tokens"), lines[1] + "\n"
        + org.dent.server.admin.AdminTokens.fileLine("vera", org.dent.server.admin.AdminRole.VIEWER, "viewer-secret")
        + "\n");
    Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    String key = Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe());
    CommandLine cli = cli();
    BppCommand command = cli.getSubcommands().get("bpp").getCommand();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread thread = new Thread(() -> exit.set(cli.execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1",
        "--subscriber-id", "bpp.example", "--ukid", "k1", "--key", key, "--admin-port", "0",
        "--admin-token-file", tokens.toString())), "bpp-cli");
    thread.start();
    try {
      command.started.get(30, TimeUnit.SECONDS);
      String base = command.admin.baseUrl() + "/admin/assets/vv-bess-01";
      assertThat(out.toString()).contains("admin endpoint listening on " + command.admin.baseUrl() + "/admin/");
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
      String patch = "{\"pricing\": {\"model\": \"fixed\", \"currency\": \"INR\", \"fixed-fee\": \"5.00\"}}";
      assertThat(adminCall(http, base, null, null)).isEqualTo(401);
      assertThat(adminCall(http, base, "viewer-secret", null)).isEqualTo(200);
      assertThat(adminCall(http, base, "viewer-secret", patch)).isEqualTo(403);
      assertThat(adminCall(http, base, operatorToken, patch)).isEqualTo(200);
    } finally {
      command.stop();
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(exit.get()).isZero();
    assertThat(out.toString() + err).doesNotContain(operatorToken).doesNotContain("viewer-secret");
  }

  static int adminCall(okhttp3.OkHttpClient http, String url, String token, String patch) throws Exception {
    okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(url);
    if (token != null) {
      rb.header("Authorization", "Bearer " + token);
    }
    if (patch != null) {
      rb.patch(okhttp3.RequestBody.create(patch, okhttp3.MediaType.get("application/json")));
    }
    try (okhttp3.Response r = http.newCall(rb.build()).execute()) {
      return r.code();
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
