package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.dent.core.error.DentException;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnergyTest {

  @ParameterizedTest
  @CsvSource({
      "50 kWh, 50, KWH, 50 kWh",
      "38.367 kWh, 38.367, KWH, 38.367 kWh",
      "36.800 kWh, 36.800, KWH, 36.800 kWh",
      "50 KWH, 50, KWH, 50 kWh",
      "50 kWH, 50, KWH, 50 kWh",
      "50 kwh, 50, KWH, 50 kWh",
      "1200 Wh, 1200, WH, 1200 Wh",
      "1200 WH, 1200, WH, 1200 Wh",
      "0.5 MWh, 0.5, MWH, 0.5 MWh",
      "0.5 MWH, 0.5, MWH, 0.5 MWh",
      "-5 kWh, -5, KWH, -5 kWh",
      "+5 kWh, 5, KWH, 5 kWh",
      ".5 kWh, 0.5, KWH, 0.5 kWh",
      "0 kWh, 0, KWH, 0 kWh"
  })
  void parsesAndFormatsCanonically(String text, String value, EnergyUnit unit, String canonical) {
    Energy e = Energy.parse(text);
    assertThat(e.value()).isEqualTo(new BigDecimal(value));
    assertThat(e.unit()).isEqualTo(unit);
    assertThat(e.format()).isEqualTo(canonical);
    assertThat(e).hasToString(canonical);
  }

  @Test
  void readsScalarPairs() {
    assertThat(Energy.parse("50", "kWh")).isEqualTo(Energy.ofKwh("50"));
    assertThat(Energy.parse("50", "KWH").format()).isEqualTo("50 kWh");
  }

  @Test
  void neverFormatsAnExponent() {
    assertThat(Energy.of(new BigDecimal("5E+3"), EnergyUnit.WH).format()).isEqualTo("5000 Wh");
    assertThat(Energy.of(new BigDecimal("1E-7"), EnergyUnit.KWH).format()).isEqualTo("0.0000001 kWh");
  }

  @Test
  void equalityIsByQuantity() {
    Energy a = Energy.parse("50 kWh");
    Energy b = Energy.parse("50000 Wh");
    Energy c = Energy.parse("50.00 kWh");
    Energy d = Energy.parse("0.0500000 MWh");
    assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo(d);
    assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo(c.hashCode()).isEqualTo(d.hashCode());
    assertThat(a.compareTo(b)).isZero();
    assertThat(a.format()).isNotEqualTo(b.format());
    assertThat(Energy.parse("50.001 kWh")).isGreaterThan(a);
    assertThat(Energy.ZERO).isEqualTo(Energy.parse("0 MWh"));
  }

  @Test
  void convertsExactly() {
    assertThat(Energy.parse("1 Wh").to(EnergyUnit.KWH).format()).isEqualTo("0.001 kWh");
    assertThat(Energy.parse("0.5 MWh").to(EnergyUnit.KWH).format()).isEqualTo("500 kWh");
    assertThat(Energy.parse("38.367 kWh").in(EnergyUnit.WH)).isEqualByComparingTo("38367");
  }

  @Test
  void arithmeticKeepsTheLeftUnitAndIsExact() {
    Energy sum = Energy.parse("50 kWh").plus(Energy.parse("500 Wh"));
    assertThat(sum.format()).isEqualTo("50.500 kWh");
    assertThat(Energy.parse("40 kWh").minus(Energy.parse("1.633 kWh")).format()).isEqualTo("38.367 kWh");
    assertThat(Energy.parse("40 kWh").times(new BigDecimal("0.5")).format()).isEqualTo("20.0 kWh");
    assertThat(Energy.parse("10 kWh").dividedBy(new BigDecimal("3"), MathContext.DECIMAL64).value())
        .isEqualByComparingTo("3.333333333333333");
    assertThat(Energy.parse("19.184 kWh").ratio(Energy.parse("50 kWh"), MathContext.DECIMAL64))
        .isEqualByComparingTo("0.38368");
    assertThat(Energy.parse("5 kWh").negate().isNegative()).isTrue();
    assertThat(Energy.parse("5 kWh").isPositive()).isTrue();
    assertThat(Energy.parse("0 kWh").isZero()).isTrue();
    assertThat(Energy.min(Energy.parse("1 kWh"), Energy.parse("999 Wh")).format()).isEqualTo("999 Wh");
    assertThat(Energy.max(Energy.parse("1 kWh"), Energy.parse("999 Wh")).format()).isEqualTo("1 kWh");
  }

  @Test
  void bridgesToPowerOnlyThroughDuration() {
    assertThat(Power.parse("20 kW").times(Duration.ofHours(2))).isEqualTo(Energy.parse("40 kWh"));
    assertThat(Power.parse("20 kW").times(Duration.ofHours(2)).format()).isEqualTo("40 kWh");
    assertThat(Power.parse("20 kW").times(Duration.ofMinutes(15)).format()).isEqualTo("5 kWh");
    assertThat(Energy.parse("40 kWh").dividedBy(Duration.ofHours(2)).format()).isEqualTo("20 kW");
    assertThat(Energy.parse("40 kWh").dividedBy(Power.parse("20 kW"))).isEqualTo(Duration.ofHours(2));
    assertThat(Energy.parse("40 kWh").dividedBy(Power.parse("0.02 MW"))).isEqualTo(Duration.ofHours(2));
    assertThat(Energy.parse("1 kWh").dividedBy(Power.parse("3 kW"))).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void nonTerminatingBridgesNeedAMathContext() {
    assertThatThrownBy(() -> Power.parse("1 W").times(Duration.ofSeconds(1))).isInstanceOf(ArithmeticException.class);
    assertThat(Power.parse("1 W").times(Duration.ofSeconds(1), MathContext.DECIMAL64).value())
        .isEqualByComparingTo("0.0002777777777777778");
    assertThat(Energy.parse("1 Wh").dividedBy(Duration.ofSeconds(7), MathContext.DECIMAL64).value())
        .isEqualByComparingTo("514.2857142857143");
    assertThatThrownBy(() -> Energy.parse("1 Wh").dividedBy(Duration.ZERO)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Energy.parse("1 Wh").dividedBy(Power.ZERO)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void powerInEnergyUnitHasItsOwnMessage() {
    assertThatThrownBy(() -> Energy.parse("50 kW"))
        .isInstanceOfSatisfying(QuantityException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.ENERGY_IN_POWER_UNIT);
          assertThat(e.input()).isEqualTo("kW");
          assertThat(e.code()).isEqualTo("30000");
        })
        .isInstanceOf(DentException.class)
        .hasMessageContaining("an energy written in a power unit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kWhh", "mWh", "J", "kJ", "GWh", "kW h", "Kwh", "kWh2", "°C"})
  void unknownUnitsAreNamed(String unit) {
    assertThatThrownBy(() -> Energy.parse("50 " + unit))
        .isInstanceOfSatisfying(QuantityException.class, e -> {
          assertThat(e.reason()).isIn(Reason.UNKNOWN_UNIT, Reason.MALFORMED);
          if (e.reason() == Reason.UNKNOWN_UNIT) {
            assertThat(e.input()).isEqualTo(unit);
            assertThat(e.getMessage()).contains("unit outside the closed set").contains(unit);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3 kWh", "1E3 kWh", "NaN kWh", "Infinity kWh", "-Infinity kWh", "50  kWh", "50kWh",
      " 50 kWh", "50 kWh ", "", "kWh", "50", "1,000 kWh", "1_000 kWh", "5. kWh", "0x10 kWh", "50\tkWh", "- 5 kWh",
      "٥٠ kWh"})
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> Energy.parse(text))
        .isInstanceOfSatisfying(QuantityException.class,
            e -> assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.UNKNOWN_UNIT));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Energy.parse(null)).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Energy.parse(null, "kWh")).isInstanceOf(QuantityException.class);
  }

  @Test
  void rejectsHugeNumbersAtOnce() {
    String digits400 = "9".repeat(400);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> Energy.parse(digits400 + " kWh"))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
    assertThatThrownBy(() -> Energy.parse("1" + "0".repeat(2_000_000) + " kWh"))
        .isInstanceOfSatisfying(QuantityException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
          assertThat(e.getMessage()).hasSizeLessThan(200);
        });
    assertThatThrownBy(() -> Energy.parse(digits400, "kWh"))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
    assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(2).toNanos());
    // Forty digits is the documented cap and is still accepted.
    assertThat(Energy.parse("1234567890123456789012345678901234567890 Wh").value().precision()).isEqualTo(40);
    assertThat(Energy.parse("0.123456789012345678901234567890123456789 Wh").format())
        .isEqualTo("0.123456789012345678901234567890123456789 Wh");
  }
}
