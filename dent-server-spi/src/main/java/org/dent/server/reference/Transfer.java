package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;

/**
 * One accepted transfer of a contract: a charge (energy metered in) or a discharge (energy metered out) at a
 * constant power from {@code start}; {@code plannedEnd = start + energy ÷ power}. Mutable progress, guarded by the
 * asset lock.
 */
final class Transfer {
  enum Direction {
    CHARGE("charge"), DISCHARGE("discharge");

    final String wire;

    Direction(String wire) {
      this.wire = wire;
    }
  }

  final Direction direction;
  final Energy energy;
  final Power power;
  final BigDecimal energyKwh;
  final BigDecimal powerKw;
  final Instant start;
  final Instant plannedEnd;
  /** Grid-side energy moved so far (in for a charge, out for a discharge). */
  BigDecimal doneKwh = BigDecimal.ZERO;
  /** Conversion losses of this transfer so far. */
  BigDecimal lossKwh = BigDecimal.ZERO;

  Transfer(Direction direction, Energy energy, Power power, BigDecimal energyKwh, BigDecimal powerKw, Instant start,
      Instant plannedEnd) {
    this.direction = direction;
    this.energy = energy;
    this.power = power;
    this.energyKwh = energyKwh;
    this.powerKw = powerKw;
    this.start = start;
    this.plannedEnd = plannedEnd;
  }

  BigDecimal remainingKwh() {
    return energyKwh.subtract(doneKwh);
  }

  /** The schedule as the wire shows it ({@code transfer-schedule}). */
  Schedule schedule() {
    return new Schedule(direction, energy, power, start, plannedEnd);
  }

  /** An accepted schedule, immutable. */
  record Schedule(Direction direction, Energy energy, Power power, Instant start, Instant end) {}
}
