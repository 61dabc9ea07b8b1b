package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.client.bap.DentClient;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.store.jdbc.DataKeys;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dent bpp --store}: PostgreSQL with credentials from the environment, never printed; usage errors. */
class BppStoreOptionTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final SigningKey bppKey = SigningKey.generate();
  final SigningKey bapKey = SigningKey.generate();

  CommandLine cli(Map<String, String> env) {
    CommandLine cli = DentCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    BppCommand command = cli.getSubcommands().get("bpp").getCommand();
    command.env = env::get;
    return cli;
  }

  @Test
  void runsOnPostgresWithCredentialsFromTheEnvironment() throws Exception {
    String password = "s3cret-" + System.nanoTime();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        RegistryServer registry = RegistryServer.ofSubscriptions(List.of(Subscription.builder("bap.example")
            .type("BAP").keyId("k1").signingKey(bapKey.publicKey()).build())).start()) {
      try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        s.execute("CREATE ROLE dent LOGIN PASSWORD '" + password + "'");
        s.execute("CREATE DATABASE dent OWNER dent");
      }
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/dent";
      String keys = DataKeys.generate("k1");
      CommandLine cli = cli(Map.of("DENT_STORE_USER", "dent", "DENT_STORE_PASSWORD", password,
          "DENT_STORE_KEYS", keys));
      BppCommand command = cli.getSubcommands().get("bpp").getCommand();
      AtomicInteger exit = new AtomicInteger(-1);
      String key = Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe());
      Thread thread = new Thread(() -> exit.set(cli.execute("bpp", "--port", "0", "--registry", registry.url(),
          "--subscriber-id", "bpp.example", "--ukid", "k1", "--key", key, "--store", url)), "bpp-cli");
      thread.start();
      BppEngine engine = command.started.get(60, TimeUnit.SECONDS);
      try (DentClient bap = BppCommandTest.client("bap.example", bapKey, StaticKeyResolver.builder()
          .add("bpp.example", "k1", bppKey.publicKey()).build())) {
        var window = TimeWindow.of(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)),
            Duration.ofHours(8));
        OnSearchCallback found = bap.search(StorageRequirement.of(Energy.ofKwh("50"), window).toIntent(),
            List.of(engine.bppUri())).first().get(10, TimeUnit.SECONDS);
        assertThat(StorageOffer.fromCatalog(found.message().catalog())).hasSize(4);
      } finally {
        command.stop();
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(exit.get()).isZero();
      try (var c = pg.getDatabase("dent", "dent").getConnection(); var s = c.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM dent_asset")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4); // the operator read its books from the store
      }
      assertThat(out + err.toString()).doesNotContain(password).doesNotContain(keys.substring(3));
    }
  }

  @Test
  void storeUsageErrorsExitTwo() {
    String key = Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe());
    assertThat(cli(Map.of()).execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id",
        "b", "--ukid", "k1", "--key", key, "--store", "mysql://x")).isEqualTo(2);
    assertThat(err.toString()).contains("--store: memory or jdbc:postgresql:");
    assertThat(cli(Map.of()).execute("bpp", "--port", "0", "--registry", "http://127.0.0.1:1", "--subscriber-id",
        "b", "--ukid", "k1", "--key", key, "--store", "jdbc:postgresql://127.0.0.1:1/x?password=hunter2"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("DENT_STORE_KEYS").doesNotContain("hunter2");
  }
}
