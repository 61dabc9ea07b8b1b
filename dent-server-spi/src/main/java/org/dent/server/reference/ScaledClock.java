package org.dent.server.reference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Simulated time that runs {@code scale} times faster than a base clock, starting where the base clock stood when
 * it was made: {@code now = origin + (base.now − origin) × scale}. A demo at scale 720 lives an hour of storage
 * operation in five seconds. Thread-safe and monotonic when the base clock is.
 */
public final class ScaledClock extends Clock {
  private final Clock base;
  private final double scale;
  private final Instant origin;

  private ScaledClock(Clock base, double scale, Instant origin) {
    this.base = base;
    this.scale = scale;
    this.origin = origin;
  }

  /**
   * Simulated time from now on.
   *
   * @throws IllegalArgumentException unless {@code scale} is positive and finite
   */
  public static ScaledClock of(Clock base, double scale) {
    Objects.requireNonNull(base, "base");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be positive: " + scale);
    }
    return new ScaledClock(base, scale, base.instant());
  }

  /** The speed-up factor. */
  public double scale() {
    return scale;
  }

  /** The simulated length of {@code wall} real time. */
  public Duration simulated(Duration wall) {
    return Duration.ofNanos((long) (wall.toNanos() * scale));
  }

  @Override
  public Instant instant() {
    long elapsed = Duration.between(origin, base.instant()).toNanos();
    return origin.plusNanos((long) (elapsed * scale));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ScaledClock(base.withZone(zone), scale, origin);
  }

  @Override
  public String toString() {
    return "ScaledClock[" + scale + "x " + base + "]";
  }
}
