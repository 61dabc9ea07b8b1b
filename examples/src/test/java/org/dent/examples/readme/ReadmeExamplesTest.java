package org.dent.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.core.model.OnConfirmCallback;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.Test;

/** The README's two examples run against each other, and the README shows exactly their code. */
class ReadmeExamplesTest {
  static Subscription sub(String id, String type, SigningKey key) {
    return Subscription.builder(id).type(type).domain("dent:energy-storage:0.1.0").keyId("k1")
        .signingKey(key.publicKey()).status(Subscription.SUBSCRIBED).validFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .validUntil(Instant.parse("2099-01-01T00:00:00Z")).build();
  }

  @Test
  void theBapExampleReservesAtTheBppExample() throws Exception {
    SigningKey bapKey = SigningKey.generate();
    SigningKey bppKey = SigningKey.generate();
    try (RegistryServer registry = RegistryServer.ofSubscriptions(List.of(sub("bap.example", "BAP", bapKey),
        sub("bpp.example", "BPP", bppKey))).start()) {
      BppEngine engine = BppExample.startProvider(bppKey, URI.create(registry.url()));
      try {
        OnConfirmCallback confirmed = BapExample.reserveCheapest(bapKey, URI.create(registry.url()),
            engine.bppUri());
        assertThat(confirmed.message().order().id()).isNotBlank();
        assertThat(confirmed.message().order().status()).isEqualTo("ACTIVE");
        assertThat(engine.owner(confirmed.message().order().id()).bapId()).isEqualTo("bap.example");
      } finally {
        engine.close();
      }
    }
  }

  @Test
  void readmeShowsTheExamplesVerbatim() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    for (String file : List.of("BapExample.java", "BppExample.java")) {
      String source = Files.readString(Path.of("src/main/java/org/dent/examples/readme", file),
          StandardCharsets.UTF_8);
      String snippet = source.substring(source.indexOf('\n', source.indexOf("// README:")) + 1,
          source.indexOf("  // README:END"));
      assertThat(readme).as(file + " in README.md").contains(snippet.stripTrailing());
    }
  }
}
