package org.dent.client.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Token buckets, one per key (a subscriber id): each holds at most {@code burst} tokens and gains
 * {@code permitsPerSecond} per second; a request takes one token or is refused with the time until the next one.
 * So one noisy sender is held to its rate while every other sender keeps its own full bucket.
 *
 * <p>Kept exactly in integer nanoseconds as the time at which the bucket would be full again (the "generic cell
 * rate" form of a token bucket: a bucket is full when that time is not after now, and a request fits when it is at
 * most {@code (burst - 1)} token intervals ahead). A clock that steps back grants nothing extra.
 *
 * <p>Time comes from the given {@link Clock} (tests move it; nothing sleeps). Buckets live in a bounded cache
 * (default 100,000 keys) and are dropped after being untouched for as long as an empty bucket takes to fill up, so
 * dropping one never gives its key more than it would have had. Thread-safe.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double permitsPerSecond;
  private final int burst;
  private final long interval;
  private final long tolerance;
  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  private RateLimiter(double permitsPerSecond, int burst, Clock clock, long maximumKeys) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be a positive number");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / permitsPerSecond));
    this.tolerance = Math.multiplyExact(interval, (long) (burst - 1));
    long fillNanos = Math.multiplyExact(interval, (long) burst);
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maximumKeys)
        .ticker(this::nanos)
        .expireAfterAccess(Duration.ofNanos(Math.max(fillNanos, NANOS_PER_SECOND)))
        .build();
  }

  /** A limiter of {@code permitsPerSecond} per key with bursts up to {@code burst}, timed by {@code clock}. */
  public static RateLimiter of(double permitsPerSecond, int burst, Clock clock) {
    return new RateLimiter(permitsPerSecond, burst, clock, 100_000);
  }

  /** As {@link #of(double, int, Clock)}, holding at most {@code maximumKeys} buckets (least recently used go). */
  public static RateLimiter of(double permitsPerSecond, int burst, Clock clock, long maximumKeys) {
    if (maximumKeys < 1) {
      throw new IllegalArgumentException("maximumKeys must be positive");
    }
    return new RateLimiter(permitsPerSecond, burst, clock, maximumKeys);
  }

  /** Tokens gained per second. */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /** Most tokens a bucket holds. */
  public int burst() {
    return burst;
  }

  /**
   * Takes one token from {@code key}'s bucket.
   *
   * @return {@link Duration#ZERO} when a token was taken; otherwise how long until one is available (nothing taken)
   */
  public Duration tryAcquire(String key) {
    Objects.requireNonNull(key, "key");
    long now = nanos();
    Bucket b = buckets.get(key, k -> new Bucket(now));
    return Duration.ofNanos(b.take(now, interval, tolerance));
  }

  private long nanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * NANOS_PER_SECOND + i.getNano();
  }

  @Override
  public String toString() {
    return "RateLimiter[" + permitsPerSecond + "/s, burst " + burst + "]";
  }

  private static final class Bucket {
    /** When the bucket is full again; each token taken moves it one interval later. */
    private long full;

    Bucket(long now) {
      this.full = now;
    }

    /** 0 when a token was taken, else nanoseconds until the next token. */
    synchronized long take(long now, long interval, long tolerance) {
      long start = Math.max(full, now);
      long ahead = start - now;
      if (ahead > tolerance) {
        return ahead - tolerance;
      }
      full = start + interval;
      return 0;
    }
  }
}
