package org.dent.core.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.dent.core.units.QuantityException.Reason;

/**
 * An amount of money in one ISO 4217 currency, exact, immutable; negative amounts are credits (e.g. a buy-back).
 * Arithmetic is exact ({@link #plus}, {@link #minus}, {@link #times}); the only rounding is {@link #rounded()}:
 * {@link RoundingMode#HALF_EVEN} to the currency's default fraction digits (2 for INR, 0 for JPY). Combining or
 * comparing two currencies throws {@link Reason#CURRENCY_MISMATCH}. Equality is by value within a currency:
 * {@code 50 INR} equals {@code 50.00 INR}.
 */
public final class Money implements Comparable<Money> {
  /** Rounding used by {@link #rounded()}. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = Objects.requireNonNull(amount, "amount");
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  /** An amount, scale kept. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Reads a Beckn {@code price{currency, value}} pair, e.g. {@code parse("154.97", "INR")}.
   *
   * @throws QuantityException MALFORMED / TOO_LONG for the amount, UNKNOWN_CURRENCY for the code
   */
  public static Money parse(String amount, String currencyCode) {
    BigDecimal a = Decimals.parse(amount);
    return new Money(a, currency(currencyCode));
  }

  /**
   * Looks up an ISO 4217 code (upper case, three letters).
   *
   * @throws QuantityException UNKNOWN_CURRENCY
   */
  public static Currency currency(String code) {
    if (code == null || code.length() != 3 || !upper(code.charAt(0)) || !upper(code.charAt(1))
        || !upper(code.charAt(2))) {
      throw new QuantityException(Reason.UNKNOWN_CURRENCY, code,
          "not an ISO 4217 currency code: " + QuantityException.quote(code));
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new QuantityException(Reason.UNKNOWN_CURRENCY, code,
          "not an ISO 4217 currency code: " + QuantityException.quote(code));
    }
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The amount as written. */
  public BigDecimal amount() {
    return amount;
  }

  /** The currency. */
  public Currency currency() {
    return currency;
  }

  /**
   * Exact sum.
   *
   * @throws QuantityException CURRENCY_MISMATCH
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Exact difference.
   *
   * @throws QuantityException CURRENCY_MISMATCH
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** Exact product, e.g. a price per kWh times the kWh. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /** The opposite amount (a charge becomes a credit). */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /**
   * Rounded half-even to the currency's default fraction digits (unchanged for currencies without one, such as
   * {@code XXX}).
   */
  public Money rounded() {
    int digits = currency.getDefaultFractionDigits();
    return digits < 0 ? this : new Money(amount.setScale(digits, ROUNDING), currency);
  }

  /** True below zero (a credit). */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** True above zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** True when zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Orders by amount.
   *
   * @throws QuantityException CURRENCY_MISMATCH
   */
  @Override
  public int compareTo(Money o) {
    requireSameCurrency(o);
    return amount.compareTo(o.amount);
  }

  /** Equal when the currency is the same and the amounts are numerically equal. */
  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0);
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  /** The wire decimal of the amount, e.g. {@code "154.97"} (no exponent). */
  public String value() {
    return amount.toPlainString();
  }

  /** {@code "<amount> <code>"}, e.g. {@code "154.97 INR"}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new QuantityException(Reason.CURRENCY_MISMATCH, other.currency.getCurrencyCode(),
          "currency mismatch: " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
    }
  }
}
