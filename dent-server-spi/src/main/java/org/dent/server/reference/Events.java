package org.dent.server.reference;

import java.math.BigDecimal;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.jspecify.annotations.Nullable;

/** The immutable event payloads a contract's telemetry can carry. */
final class Events {
  private Events() {}

  /** Tag group {@code alert}: {@code threshold} and {@code value} as wire text. */
  record Alert(String code, @Nullable String threshold, String value) {}

  /**
   * Tag group {@code storage-receipt} of one finished (or cut) transfer: metered energy (in or out by direction),
   * conversion losses, and what is stored after it.
   */
  record Receipt(Transfer.Direction direction, Energy requested, BigDecimal energyKwh, BigDecimal lossesKwh,
      BigDecimal storedKwh) {
    /** Of transfer {@code tr} now, with {@code stored} left in the store. */
    static Receipt of(Transfer tr, BigDecimal stored) {
      return new Receipt(tr.direction, tr.energy, tr.doneKwh, tr.lossKwh, stored);
    }

    /** The metered energy as it travels: the request's spelling when moved in full, else kWh to the Wh. */
    Energy energy() {
      return requested.in(EnergyUnit.KWH).compareTo(energyKwh) == 0 ? requested : WireText.energy(energyKwh);
    }
  }

  /** Tag group {@code settlement}. */
  record Settlement(BigDecimal residualKwh, ResidualPolicy policy) {}

  /**
   * Cumulative meters of a contract, kWh: {@code stored = in − chargeLoss − out − dischargeLoss − selfDischarge −
   * boughtBack}, exactly.
   */
  record Meters(BigDecimal inKwh, BigDecimal outKwh, BigDecimal chargeLossKwh, BigDecimal dischargeLossKwh,
      BigDecimal selfDischargeKwh, BigDecimal boughtBackKwh) {}
}
