package org.dent.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * A power: an exact {@link BigDecimal} in one of the {@link PowerUnit}s, immutable. Positive power flows into
 * storage (charging). The value keeps the unit and scale it was written with ({@code "0.25 MW"} formats back to
 * {@code "0.25 MW"}); {@link #to(PowerUnit)} converts exactly.
 *
 * <p>Equality is by quantity, as for {@link Energy}: {@code 0.25 MW} equals {@code 250 kW}. Power is not energy:
 * {@link #times(Duration)} is the way from one to the other.
 */
public final class Power implements Comparable<Power> {
  /** Zero watts. */
  public static final Power ZERO = new Power(BigDecimal.ZERO, PowerUnit.W);

  private final BigDecimal value;
  private final PowerUnit unit;

  private Power(BigDecimal value, PowerUnit unit) {
    this.value = Objects.requireNonNull(value, "value");
    this.unit = Objects.requireNonNull(unit, "unit");
  }

  /** A power of {@code value} {@code unit}s, scale kept. */
  public static Power of(BigDecimal value, PowerUnit unit) {
    return new Power(value, unit);
  }

  /**
   * A power from a decimal string, e.g. {@code of("20", KW)}.
   *
   * @throws QuantityException when not a decimal
   */
  public static Power of(String value, PowerUnit unit) {
    return new Power(Decimals.parse(value), unit);
  }

  /** Kilowatts, the most common unit on the wire. */
  public static Power ofKw(String value) {
    return of(value, PowerUnit.KW);
  }

  /**
   * Reads {@code "<decimal> <unit>"} with exactly one space, e.g. {@code "20 kW"}, {@code "0.25 MW"}.
   *
   * @throws QuantityException MALFORMED, TOO_LONG, UNKNOWN_UNIT or POWER_IN_ENERGY_UNIT
   */
  public static Power parse(CharSequence text) {
    String[] parts = QuantityText.split(text, "\"20 kW\"");
    BigDecimal value = Decimals.parse(parts[0]);
    return new Power(value, PowerUnit.parse(parts[1]));
  }

  /**
   * Reads a {@code Scalar}-like pair.
   *
   * @see #parse(CharSequence)
   */
  public static Power parse(String value, String unit) {
    BigDecimal v = Decimals.parse(value);
    return new Power(v, PowerUnit.parse(unit));
  }

  /** The number as written, in {@link #unit()}. */
  public BigDecimal value() {
    return value;
  }

  /** The unit it was written in. */
  public PowerUnit unit() {
    return unit;
  }

  /** The same quantity in {@code target}, exactly. */
  public Power to(PowerUnit target) {
    return target == unit ? this : new Power(in(target), target);
  }

  /** The number of {@code target} units, exactly. */
  public BigDecimal in(PowerUnit target) {
    return value.movePointRight(unit.exponent() - target.exponent());
  }

  /** Exact sum, in this value's unit. */
  public Power plus(Power other) {
    return new Power(value.add(other.in(unit)), unit);
  }

  /** Exact difference, in this value's unit. */
  public Power minus(Power other) {
    return new Power(value.subtract(other.in(unit)), unit);
  }

  /** The opposite direction. */
  public Power negate() {
    return new Power(value.negate(), unit);
  }

  /** Exact product. */
  public Power times(BigDecimal factor) {
    return new Power(value.multiply(factor), unit);
  }

  /**
   * Quotient rounded with {@code mc}.
   *
   * @throws ArithmeticException when {@code divisor} is zero
   */
  public Power dividedBy(BigDecimal divisor, MathContext mc) {
    return new Power(value.divide(divisor, mc), unit);
  }

  /**
   * The energy moved at this power during {@code duration}, exactly, in the matching energy unit
   * ({@code 20 kW × PT2H = 40 kWh}).
   *
   * @throws ArithmeticException when the product has no finite decimal expansion (e.g. 1 W for one second is
   *     1/3600 Wh); use {@link #times(Duration, MathContext)} then
   */
  public Energy times(Duration duration) {
    BigDecimal v = value.multiply(QuantityText.nanos(duration)).divide(QuantityText.NANOS_PER_HOUR);
    return Energy.of(v, unit.energyUnit());
  }

  /** As {@link #times(Duration)}, rounded with {@code mc}. */
  public Energy times(Duration duration, MathContext mc) {
    BigDecimal v = value.multiply(QuantityText.nanos(duration)).divide(QuantityText.NANOS_PER_HOUR, mc);
    return Energy.of(v, unit.energyUnit());
  }

  /** True below zero (discharging). */
  public boolean isNegative() {
    return value.signum() < 0;
  }

  /** True above zero (charging). */
  public boolean isPositive() {
    return value.signum() > 0;
  }

  /** True when zero. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** The smaller of two powers (the first when equal). */
  public static Power min(Power a, Power b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The larger of two powers (the first when equal). */
  public static Power max(Power a, Power b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Orders by quantity regardless of unit and scale. */
  @Override
  public int compareTo(Power o) {
    return in(PowerUnit.W).compareTo(o.in(PowerUnit.W));
  }

  /** Equal when the quantities are equal, whatever the unit or scale (consistent with {@link #compareTo}). */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Power p && compareTo(p) == 0);
  }

  @Override
  public int hashCode() {
    return in(PowerUnit.W).stripTrailingZeros().hashCode();
  }

  /** Canonical wire text {@code "<plain decimal> <symbol>"}, e.g. {@code "0.25 MW"}; never an exponent. */
  public String format() {
    return value.toPlainString() + " " + unit.symbol();
  }

  /** Same as {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
