package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateOfChargeTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "0.7673", "0.3837", "1.000", "0.0"})
  void acceptsFractions(String text) {
    StateOfCharge soc = StateOfCharge.parse(text);
    assertThat(soc.format()).isEqualTo(text);
    assertThat(soc.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"33", "1.0001", "-0.1", "-0.0001", "100"})
  void rejectsOutsideTheUnitInterval(String text) {
    assertThatThrownBy(() -> StateOfCharge.parse(text))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_RANGE))
        .hasMessageContaining("fraction in [0,1]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"33%", "0,5", "1e-1", "NaN", ""})
  void rejectsNonDecimals(String text) {
    assertThatThrownBy(() -> StateOfCharge.parse(text))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void ratioOfStoredToReserved() {
    StateOfCharge soc = StateOfCharge.ratio(Energy.parse("38.367 kWh"), Energy.parse("50 kWh"), MathContext.DECIMAL64);
    assertThat(soc).isEqualTo(StateOfCharge.parse("0.76734"));
    assertThat(soc.of(Energy.parse("50 kWh"))).isEqualTo(Energy.parse("38.367 kWh"));
    assertThatThrownBy(() -> StateOfCharge.ratio(Energy.parse("51 kWh"), Energy.parse("50 kWh"), MathContext.DECIMAL64))
        .isInstanceOf(QuantityException.class);
  }

  @Test
  void equalityIsByValue() {
    assertThat(StateOfCharge.parse("0.5")).isEqualTo(StateOfCharge.parse("0.50"));
    assertThat(StateOfCharge.parse("0.5").hashCode()).isEqualTo(StateOfCharge.parse("0.50").hashCode());
    assertThat(StateOfCharge.EMPTY).isLessThan(StateOfCharge.FULL);
    assertThat(StateOfCharge.parse("0.5")).hasToString("0.5");
  }
}
