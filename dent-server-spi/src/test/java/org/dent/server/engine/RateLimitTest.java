package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.testing.MutableClock;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-subscriber token buckets on a real engine over HTTP: a noisy BAP is held to its rate (503 {@code 40000} with
 * {@code Retry-After}) while another BAP keeps being served. The clock is moved by hand, so this is deterministic.
 */
class RateLimitTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  final SigningKey noisyKey = SigningKey.generate();
  final SigningKey quietKey = SigningKey.generate();
  final ReferenceOperator operator = ReferenceOperator.builder().clock(clock).build();
  final BppEngine engine = BppEngine.builder().subscriberId("bpp.voltvault.example").uniqueKeyId("k1")
      .signingKey(SigningKey.generate())
      .keyResolver(StaticKeyResolver.builder().add("bap.noisy.example", "k1", noisyKey.publicKey(), "BAP")
          .add("bap.quiet.example", "k1", quietKey.publicKey(), "BAP").build())
      .operator(operator).clock(clock).callbackRetryPolicy(RetryPolicy.NONE)
      .rateLimit(0.5, 3) // one request per 2 s, bursts of 3
      .build();
  final Signer noisy = Signer.builder(noisyKey, "bap.noisy.example", "k1").clock(clock).build();
  final Signer quiet = Signer.builder(quietKey, "bap.quiet.example", "k1").clock(clock).build();

  @AfterEach
  void stop() {
    engine.close();
    operator.close();
  }

  Wire.Answer search(Signer signer) {
    byte[] body = Wire.message("01-search", clock, c -> c.put("bap_id", signer.subscriberId())
        .put("bap_uri", "http://127.0.0.1:9/dent"));
    return Wire.post(engine.bppUri(), "search", body, signer, null);
  }

  @Test
  void aNoisyBapIsThrottledWhileAnotherIsServed() {
    for (int i = 0; i < 3; i++) {
      assertThat(search(noisy).isAck()).as("burst request %d", i).isTrue();
    }
    for (int i = 0; i < 20; i++) {
      Wire.Answer refused = search(noisy);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.code()).isEqualTo("40000");
      assertThat(refused.retryAfter()).isEqualTo("2");
      assertThat(refused.paths()).containsExactly("Authorization");
      assertThat(search(quiet).isAck() || i >= 3).as("quiet request %d", i).isTrue();
    }
    clock.advance(Duration.ofSeconds(1));
    Wire.Answer halfway = search(noisy);
    assertThat(halfway.status()).isEqualTo(503);
    assertThat(halfway.retryAfter()).isEqualTo("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(search(noisy).isAck()).isTrue();
    assertThat(search(noisy).status()).isEqualTo(503);
  }

  @Test
  void theQuietBapKeepsItsOwnFullBucket() {
    for (int i = 0; i < 10; i++) {
      search(noisy);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(search(quiet).isAck()).isTrue();
    }
    assertThat(search(quiet).status()).isEqualTo(503);
  }
}
