package org.dent.server.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/** Peak of overlapping reservations: the check a store runs, inside its transaction, before it writes one. */
public final class Ledger {
  private Ledger() {}

  /** A reservation of {@code kwh} over {@code [start, end)}. */
  public record Booking(Instant start, Instant end, BigDecimal kwh) {}

  /** The highest sum of {@code bookings} at any instant of {@code [start, end)}. */
  public static BigDecimal peak(Collection<Booking> bookings, Instant start, Instant end) {
    TreeSet<Instant> points = new TreeSet<>();
    points.add(start);
    for (Booking b : bookings) {
      if (b.start().isAfter(start) && b.start().isBefore(end)) {
        points.add(b.start());
      }
    }
    BigDecimal peak = BigDecimal.ZERO;
    for (Instant t : points) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Booking b : bookings) {
        if (!b.start().isAfter(t) && b.end().isAfter(t)) {
          sum = sum.add(b.kwh());
        }
      }
      peak = peak.max(sum);
    }
    return peak;
  }
}
