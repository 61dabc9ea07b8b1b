package org.dent.client.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an outbound POST is retried: only after I/O errors and 5xx answers (503 included), with exponential backoff
 * and full jitter, never after a 4xx or a NACK. Every attempt sends the same bytes with the same message_id,
 * freshly signed.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param initialBackoff delay before the first retry (before jitter)
 * @param maxBackoff cap on any single delay
 * @param multiplier growth factor between retries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
  /** Four attempts, 200 ms growing ×2 up to 2 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0);
  /** A single attempt. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1.0) {
      throw new IllegalArgumentException("backoff must be non-negative and multiplier >= 1");
    }
  }

  /** The delay before retry number {@code retry} (1-based): uniform in [0, min(max, initial × multiplier^(retry-1))]. */
  public Duration delayBefore(int retry) {
    double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
    long cap = (long) Math.min(maxBackoff.toNanos(), base);
    return cap <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
  }

  /** True for the HTTP statuses worth retrying: every 5xx. */
  public static boolean isRetryableStatus(int status) {
    return status >= 500 && status <= 599;
  }
}
