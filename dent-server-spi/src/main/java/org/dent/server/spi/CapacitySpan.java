package org.dent.server.spi;

import java.time.Duration;
import java.util.Objects;
import org.dent.core.units.Energy;

/**
 * One stretch of a contract's capacity-time: {@code reserved} energy held for {@code duration}. A contract that was
 * never modified has one span (its reserved energy over its whole window); each modification during the window
 * closes the span of the old terms at the change time and opens one for the new terms (docs/BPP-GUIDE.md,
 * "Contract modification"). Capacity-time prices are charged per span.
 *
 * @param reserved the energy reserved during the span
 * @param duration how long it was (or will be) reserved, never negative
 */
public record CapacitySpan(Energy reserved, Duration duration) {
  public CapacitySpan {
    Objects.requireNonNull(reserved, "reserved");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a capacity span cannot be negative: " + duration);
    }
  }
}
