package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;

/**
 * How the reference operator writes quantities it computed: energies in kWh to the Wh (3 decimals, HALF_EVEN),
 * exact figures (free energy) and powers without trailing zeros. Exact values stay inside; only the wire rounds.
 */
final class WireText {
  private WireText() {}

  static Energy energy(BigDecimal kwh) {
    return Energy.of(kwh.setScale(3, RoundingMode.HALF_EVEN), EnergyUnit.KWH);
  }

  /** An exact kWh value without trailing zeros, e.g. {@code 300 kWh}. */
  static Energy exactKwh(BigDecimal kwh) {
    return Energy.of(plain(kwh), EnergyUnit.KWH);
  }

  static Power power(BigDecimal kw) {
    return Power.of(plain(kw), PowerUnit.KW);
  }

  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
