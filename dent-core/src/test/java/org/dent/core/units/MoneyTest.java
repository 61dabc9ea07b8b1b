package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Random;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final Currency INR = Currency.getInstance("INR");

  @Test
  void quoteLinesSumExactly() {
    Money total = Money.zero(INR);
    for (String line : new String[] {"33.33", "20.00", "0.00", "50.00", "25.00", "-95.92", "23.10"}) {
      total = total.plus(Money.parse(line, "INR"));
    }
    assertThat(total).isEqualTo(Money.parse("55.51", "INR"));
    assertThat(total.value()).isEqualTo("55.51");
    assertThat(total).hasToString("55.51 INR");
  }

  @ParameterizedTest
  @CsvSource({"0.125, INR, 0.12", "0.135, INR, 0.14", "-0.125, INR, -0.12", "33.3333, INR, 33.33", "12.5, JPY, 12",
      "13.5, JPY, 14", "7, INR, 7.00", "1.2345, KWD, 1.234"})
  void roundsHalfEvenToTheCurrencyDigits(String amount, String currency, String expected) {
    Money rounded = Money.parse(amount, currency).rounded();
    assertThat(rounded.value()).isEqualTo(expected);
  }

  @Test
  void currencyMismatchIsAnError() {
    Money inr = Money.parse("1", "INR");
    Money eur = Money.parse("1", "EUR");
    for (Runnable r : new Runnable[] {() -> inr.plus(eur), () -> inr.minus(eur), () -> inr.compareTo(eur)}) {
      assertThatThrownBy(r::run)
          .isInstanceOfSatisfying(QuantityException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.CURRENCY_MISMATCH))
          .hasMessageContaining("INR").hasMessageContaining("EUR");
    }
    assertThat(inr).isNotEqualTo(eur);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inr", "RUPEE", "XYZ", "", "IN"})
  void rejectsUnknownCurrencies(String code) {
    assertThatThrownBy(() -> Money.parse("1.00", code))
        .isInstanceOfSatisfying(QuantityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CURRENCY));
  }

  @Test
  void rejectsNonDecimalAmounts() {
    assertThatThrownBy(() -> Money.parse("1e2", "INR")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Money.parse("9".repeat(400), "INR"))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
  }

  @Test
  void signsAndEquality() {
    assertThat(Money.parse("-95.92", "INR").isNegative()).isTrue();
    assertThat(Money.parse("95.92", "INR").negate()).isEqualTo(Money.parse("-95.92", "INR"));
    assertThat(Money.parse("0.00", "INR").isZero()).isTrue();
    assertThat(Money.parse("50", "INR")).isEqualTo(Money.parse("50.00", "INR"));
    assertThat(Money.parse("50", "INR").hashCode()).isEqualTo(Money.parse("50.00", "INR").hashCode());
    assertThat(Money.parse("0.50", "INR").times(new BigDecimal("40")).value()).isEqualTo("20.00");
    assertThat(Money.parse("1", "INR").isPositive()).isTrue();
  }

  @Test
  void seededLaws() {
    Seeded.check("money laws", 10_000L, (Random r) -> {
      Money a = Money.of(Seeded.wireDecimal(r), INR);
      Money b = Money.of(Seeded.wireDecimal(r), INR);
      assertThat(a.plus(b).minus(b)).isEqualTo(a);
      assertThat(a.plus(b)).isEqualTo(b.plus(a));
      Money rounded = a.rounded();
      assertThat(rounded.amount().scale()).isEqualTo(2);
      assertThat(rounded.rounded()).isEqualTo(rounded);
      assertThat(rounded.minus(a).amount().abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
      assertThat(Money.parse(a.value(), "INR").amount()).isEqualTo(a.amount());
    });
  }
}
