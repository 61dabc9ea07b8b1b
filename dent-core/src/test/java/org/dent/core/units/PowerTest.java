package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PowerTest {

  @ParameterizedTest
  @CsvSource({"0.25 MW, 0.25 MW", "20 kW, 20 kW", "20 KW, 20 kW", "20 kw, 20 kW", "1500 W, 1500 W", "-20 kW, -20 kW"})
  void parsesAndFormatsCanonically(String text, String canonical) {
    assertThat(Power.parse(text).format()).isEqualTo(canonical);
  }

  @Test
  void convertsAndComparesByQuantity() {
    assertThat(Power.parse("0.25 MW").to(PowerUnit.KW).format()).isEqualTo("250 kW");
    assertThat(Power.parse("0.25 MW")).isEqualTo(Power.parse("250 kW")).isEqualTo(Power.parse("250000 W"));
    assertThat(Power.parse("0.25 MW").hashCode()).isEqualTo(Power.parse("250000.0 W").hashCode());
    assertThat(Power.parse("100 kW")).isGreaterThan(Power.parse("99999 W"));
    assertThat(Power.min(Power.parse("1 kW"), Power.parse("2 kW")).format()).isEqualTo("1 kW");
    assertThat(Power.max(Power.parse("1 kW"), Power.parse("2 kW")).format()).isEqualTo("2 kW");
  }

  @Test
  void arithmetic() {
    assertThat(Power.parse("20 kW").plus(Power.parse("500 W")).format()).isEqualTo("20.500 kW");
    assertThat(Power.parse("20 kW").minus(Power.parse("0.02 MW")).isZero()).isTrue();
    assertThat(Power.parse("20 kW").negate().isNegative()).isTrue();
    assertThat(Power.parse("20 kW").isPositive()).isTrue();
    assertThat(Power.parse("20 kW").times(new BigDecimal("1.5")).format()).isEqualTo("30.0 kW");
    assertThat(Power.parse("20 kW").dividedBy(new BigDecimal("3"), MathContext.DECIMAL32).format())
        .isEqualTo("6.666667 kW");
    assertThat(Power.ofKw("7").equals(Energy.ofKwh("7"))).isFalse();
  }

  @Test
  void powerWrittenInAnEnergyUnit() {
    assertThatThrownBy(() -> Power.parse("10 KWH"))
        .isInstanceOfSatisfying(QuantityException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.POWER_IN_ENERGY_UNIT);
          assertThat(e.input()).isEqualTo("KWH");
        })
        .hasMessageContaining("a power written in an energy unit");
    assertThatThrownBy(() -> Power.parse("10", "MWh"))
        .isInstanceOfSatisfying(QuantityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.POWER_IN_ENERGY_UNIT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mW", "kVA", "hp", "GW", "Kw", "w"})
  void unknownPowerUnits(String unit) {
    assertThatThrownBy(() -> Power.parse("10 " + unit))
        .isInstanceOfSatisfying(QuantityException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_UNIT);
          assertThat(e.input()).isEqualTo(unit);
        })
        .hasMessageContaining("unit outside the closed set");
  }

  @Test
  void unitEnumsKnowTheirPartners() {
    for (PowerUnit p : PowerUnit.values()) {
      assertThat(p.energyUnit().powerUnit()).isEqualTo(p);
      assertThat(p.energyUnit().exponent()).isEqualTo(p.exponent());
      assertThat(PowerUnit.find(p.symbol())).contains(p);
      assertThat(EnergyUnit.find(p.symbol())).isEmpty();
    }
    assertThat(EnergyUnit.find(null)).isEmpty();
    assertThatThrownBy(() -> PowerUnit.parse(null)).isInstanceOf(QuantityException.class);
  }
}
