package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.dent.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

  @Test
  void aFullBucketThenOneTokenPerInterval() {
    RateLimiter limiter = RateLimiter.of(2, 4, clock); // a token every 500 ms
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.tryAcquire("a")).isZero();
    }
    assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofMillis(200));
    assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(300));
    clock.advance(Duration.ofMillis(300));
    assertThat(limiter.tryAcquire("a")).isZero();
    assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    RateLimiter limiter = RateLimiter.of(1, 1, clock);
    assertThat(limiter.tryAcquire("noisy")).isZero();
    assertThat(limiter.tryAcquire("noisy")).isPositive();
    assertThat(limiter.tryAcquire("quiet")).isZero();
  }

  @Test
  void aLongPauseFillsTheBucketOnlyToItsBurst() {
    RateLimiter limiter = RateLimiter.of(10, 3, clock);
    limiter.tryAcquire("a");
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a")).isZero();
    }
    assertThat(limiter.tryAcquire("a")).isPositive();
  }

  @Test
  void aClockSteppingBackGivesNothing() {
    RateLimiter limiter = RateLimiter.of(1, 1, clock);
    assertThat(limiter.tryAcquire("a")).isZero();
    clock.advance(Duration.ofSeconds(-30));
    assertThat(limiter.tryAcquire("a")).isPositive();
    clock.advance(Duration.ofSeconds(31));
    assertThat(limiter.tryAcquire("a")).isZero();
  }

  @Test
  void neverGrantsMoreThanBurstPlusRateTimesElapsed() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    RateLimiter limiter = RateLimiter.of(3, 5, clock);
    long granted = 0;
    Duration elapsed = Duration.ZERO;
    for (int i = 0; i < 5_000; i++) {
      Duration step = Duration.ofMillis(random.nextInt(50));
      clock.advance(step);
      elapsed = elapsed.plus(step);
      if (limiter.tryAcquire("k").isZero()) {
        granted++;
      }
      assertThat(granted).as("seed %d", seed).isLessThanOrEqualTo(5 + (long) Math.floor(3 * elapsed.toMillis()
          / 1000.0 + 1e-9));
    }
    assertThat(granted).as("seed %d", seed).isGreaterThanOrEqualTo((long) (3 * elapsed.toMillis() / 1000.0) - 1);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RateLimiter.of(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.of(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.of(Double.NaN, 1, clock)).isInstanceOf(IllegalArgumentException.class);
  }
}
