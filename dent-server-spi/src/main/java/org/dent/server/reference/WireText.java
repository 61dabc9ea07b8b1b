package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;

/**
 * How the reference operator prints quantities it computed: energies in kWh with 3 decimals (1 Wh), fractions as
 * given, states of charge with 4 decimals, all {@code HALF_EVEN}. Exact values stay inside; only the wire is rounded.
 */
final class WireText {
  private WireText() {}

  static Energy energy(BigDecimal kwh) {
    return Energy.of(kwh.setScale(3, RoundingMode.HALF_EVEN), EnergyUnit.KWH);
  }

  static String kwh(BigDecimal kwh) {
    return energy(kwh).format();
  }

  /** An exact kWh value without trailing zeros, e.g. {@code 300 kWh} for a free-energy figure. */
  static Energy exactKwh(BigDecimal kwh) {
    BigDecimal v = kwh.stripTrailingZeros();
    return Energy.of(v.scale() < 0 ? v.setScale(0) : v, EnergyUnit.KWH);
  }

  static String kw(BigDecimal kw) {
    BigDecimal v = kw.stripTrailingZeros();
    return Power.of(v.scale() < 0 ? v.setScale(0) : v, PowerUnit.KW).format();
  }

  static String fraction(BigDecimal f) {
    return f.toPlainString();
  }

  static String soc(BigDecimal soc) {
    return soc.setScale(4, RoundingMode.HALF_EVEN).min(BigDecimal.ONE.setScale(4)).toPlainString();
  }
}
