package org.dent.core.units;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.units.QuantityException.Reason;

/**
 * A half-open time window {@code [start, end)} with {@code start < end}: a storage window, an availability, a
 * transfer slot. {@code end} itself is outside, so {@code [10:00, 12:00)} and {@code [12:00, 14:00)}
 * {@linkplain #abuts abut} without {@linkplain #overlaps overlapping}.
 *
 * @param start first instant inside the window
 * @param end first instant after the window
 */
public record TimeWindow(Instant start, Instant end) {
  /**
   * Validates the window.
   *
   * @throws QuantityException EMPTY_WINDOW unless {@code start < end}
   */
  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new QuantityException(Reason.EMPTY_WINDOW, null,
          "window start must precede end: [" + WireTime.format(start) + ", " + WireTime.format(end) + ")");
    }
  }

  /**
   * The window of {@code duration} starting at {@code start}.
   *
   * @throws QuantityException unless positive
   */
  public static TimeWindow of(Instant start, Duration duration) {
    return new TimeWindow(start, start.plus(duration));
  }

  /**
   * Reads a Beckn {@code time.range{start, end}} in RFC 3339.
   *
   * @throws QuantityException MALFORMED_TIME or EMPTY_WINDOW
   */
  public static TimeWindow parse(String start, String end) {
    return new TimeWindow(WireTime.parseInstant(start), WireTime.parseInstant(end));
  }

  /** {@code end − start}, always positive. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** True when {@code start <= instant < end}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** True when {@code other} lies entirely inside this window (a window contains itself). */
  public boolean contains(TimeWindow other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  /** True when the two windows share at least one instant. Symmetric; false for abutting windows. */
  public boolean overlaps(TimeWindow other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /** True when one window ends exactly where the other starts. Symmetric; never true together with overlaps. */
  public boolean abuts(TimeWindow other) {
    return end.equals(other.start) || other.end.equals(start);
  }

  /** The instants in both windows, empty unless they {@linkplain #overlaps overlap}. */
  public Optional<TimeWindow> intersection(TimeWindow other) {
    if (!overlaps(other)) {
      return Optional.empty();
    }
    Instant s = start.isAfter(other.start) ? start : other.start;
    Instant e = end.isBefore(other.end) ? end : other.end;
    return Optional.of(new TimeWindow(s, e));
  }

  /**
   * True when start and end both fall on whole multiples of {@code granularity} counted from the epoch
   * ({@code PT15M}: :00, :15, :30, :45).
   *
   * @throws QuantityException OUT_OF_RANGE when {@code granularity} is not positive
   */
  public boolean isAlignedTo(Duration granularity) {
    if (granularity.isNegative() || granularity.isZero()) {
      throw new QuantityException(Reason.OUT_OF_RANGE, granularity.toString(),
          "granularity must be positive: " + granularity);
    }
    BigInteger g = QuantityText.nanos(granularity).toBigIntegerExact();
    return onGrid(start, g) && onGrid(end, g);
  }

  /** {@code [start, end)} in RFC 3339 UTC. */
  @Override
  public String toString() {
    return "[" + WireTime.format(start) + ", " + WireTime.format(end) + ")";
  }

  private static boolean onGrid(Instant t, BigInteger granularityNanos) {
    BigInteger nanos = BigInteger.valueOf(t.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(t.getNano()));
    return nanos.mod(granularityNanos).signum() == 0;
  }
}
