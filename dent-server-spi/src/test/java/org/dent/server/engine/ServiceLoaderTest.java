package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.dent.core.model.Action;
import org.dent.signing.KeyResolver;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {
  @Test
  void theEngineInstallsTheOperatorServiceLoaderFinds() {
    KeyResolver none = (sub, ukid) -> {
      throw KeyResolver.unknownKey(sub, ukid);
    };
    try (BppEngine engine = BppEngine.builder().subscriberId("bpp.loaded").uniqueKeyId("k1")
        .signingKey(SigningKey.generate()).keyResolver(none).useServiceLoader().build()) {
      assertThat(engine.offers(Action.SEARCH)).isTrue();
      assertThat(engine.offers(Action.SELECT)).isFalse(); // inherited SPI default: not offered, 40001
    }
  }
}
