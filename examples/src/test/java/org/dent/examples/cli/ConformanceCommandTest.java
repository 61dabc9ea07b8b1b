package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.core.model.Catalog;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.server.engine.BppEngine;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConformanceCommandTest {
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  RegistryServer registry;
  BppEngine engine;
  final StringWriter out = new StringWriter();

  static Subscription sub(String id, String type, SigningKey key) {
    return Subscription.builder(id).type(type).domain("dent:energy-storage:0.1.0").keyId("k1")
        .signingKey(key.publicKey()).status("SUBSCRIBED").validFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .validUntil(Instant.parse("2099-01-01T00:00:00Z")).build();
  }

  @BeforeEach
  void start() {
    registry = RegistryServer.ofSubscriptions(List.of(sub("bap.cli", "BAP", bapKey), sub("bpp.cli", "BPP", bppKey)))
        .start();
    engine = BppEngine.builder().subscriberId("bpp.cli").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url()))
            .acceptedTypes(Set.of("BAP")).build())
        .operator(new StorageOperator() {
          @Override
          public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
            return new OnSearchCallback.Message(Catalog.builder().providers(List.of()).build());
          }
        }).build();
  }

  @AfterEach
  void stop() {
    engine.close();
    registry.close();
  }

  int run(String... args) {
    CommandLine cli = DentCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void printsOneLinePerScenarioAndTheTotals() {
    int exit = run("conformance", "--bpp", engine.bppUri().toString(), "--registry", registry.url(),
        "--bpp-id", "bpp.cli", "--subscriber-id", "bap.cli", "--ukid", "k1",
        "--key", Base64.getEncoder().encodeToString(bapKey.exportSeedUnsafe()), "--only", "protocol.");
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).last().isEqualTo((lines.size() - 1) + " passed, 0 failed");
    assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.startsWith("PASS protocol."));
    assertThat(exit).isZero();
  }

  @Test
  void anUnknownBapIdentityMakesScenariosFailAndExitOne() {
    int exit = run("conformance", "--bpp", engine.bppUri().toString(), "--registry", registry.url(),
        "--bpp-id", "bpp.cli", "--subscriber-id", "bap.cli", "--ukid", "k1",
        "--key", Base64.getEncoder().encodeToString(SigningKey.generate().exportSeedUnsafe()),
        "--only", "protocol.search-ack-callback,protocol.schema-violation");
    assertThat(out.toString().lines()).contains("0 passed, 2 failed");
    assertThat(exit).isEqualTo(1);
  }

  @Test
  void missingOptionIsAUsageError() {
    assertThat(run("conformance", "--bpp", "http://127.0.0.1:1")).isEqualTo(2);
  }
}
