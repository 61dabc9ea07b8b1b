package org.dent.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * An amount of energy: an exact {@link BigDecimal} in one of the {@link EnergyUnit}s, immutable. Positive energy
 * flows into storage. The value keeps the unit and scale it was written with, so {@code "38.367 kWh"} and
 * {@code "50 kWh"} format back to exactly the same text; {@link #to(EnergyUnit)} converts exactly.
 *
 * <p>Equality is by quantity: {@code 50 kWh}, {@code 50.0 kWh} and {@code 50000 Wh} are {@link #equals equal}, have
 * the same {@link #hashCode}, and {@link #compareTo} them gives 0. Compare {@link #format()} to tell the spellings
 * apart. Energy and {@link Power} are different types; the only bridges are {@link Power#times(Duration)},
 * {@link #dividedBy(Duration)} and {@link #dividedBy(Power)}.
 */
public final class Energy implements Comparable<Energy> {
  /** Zero watt-hours. */
  public static final Energy ZERO = new Energy(BigDecimal.ZERO, EnergyUnit.WH);

  private final BigDecimal value;
  private final EnergyUnit unit;

  private Energy(BigDecimal value, EnergyUnit unit) {
    this.value = Objects.requireNonNull(value, "value");
    this.unit = Objects.requireNonNull(unit, "unit");
  }

  /** An energy of {@code value} {@code unit}s, scale kept. */
  public static Energy of(BigDecimal value, EnergyUnit unit) {
    return new Energy(value, unit);
  }

  /**
   * An energy from a decimal string, e.g. {@code of("50", KWH)}.
   *
   * @throws QuantityException when not a decimal
   */
  public static Energy of(String value, EnergyUnit unit) {
    return new Energy(Decimals.parse(value), unit);
  }

  /** Kilowatt-hours, the most common unit on the wire. */
  public static Energy ofKwh(String value) {
    return of(value, EnergyUnit.KWH);
  }

  /**
   * Reads {@code "<decimal> <unit>"} with exactly one space, e.g. {@code "50 kWh"}, {@code "0.5 MWh"},
   * {@code "50 KWH"}.
   *
   * @throws QuantityException MALFORMED, TOO_LONG, UNKNOWN_UNIT or ENERGY_IN_POWER_UNIT
   */
  public static Energy parse(CharSequence text) {
    String[] parts = QuantityText.split(text, "\"50 kWh\"");
    BigDecimal value = Decimals.parse(parts[0]);
    return new Energy(value, EnergyUnit.parse(parts[1]));
  }

  /**
   * Reads a {@code Scalar}-like pair, e.g. a {@code measure{value "50", unit "kWh"}}.
   *
   * @see #parse(CharSequence)
   */
  public static Energy parse(String value, String unit) {
    BigDecimal v = Decimals.parse(value);
    return new Energy(v, EnergyUnit.parse(unit));
  }

  /** The number as written, in {@link #unit()}. */
  public BigDecimal value() {
    return value;
  }

  /** The unit it was written in. */
  public EnergyUnit unit() {
    return unit;
  }

  /** The same quantity in {@code target}, exactly (only the decimal point moves). */
  public Energy to(EnergyUnit target) {
    return target == unit ? this : new Energy(in(target), target);
  }

  /** The number of {@code target} units, exactly. */
  public BigDecimal in(EnergyUnit target) {
    return value.movePointRight(unit.exponent() - target.exponent());
  }

  /** Exact sum, in this value's unit. */
  public Energy plus(Energy other) {
    return new Energy(value.add(other.in(unit)), unit);
  }

  /** Exact difference, in this value's unit. */
  public Energy minus(Energy other) {
    return new Energy(value.subtract(other.in(unit)), unit);
  }

  /** The opposite flow. */
  public Energy negate() {
    return new Energy(value.negate(), unit);
  }

  /** Exact product, e.g. energy × efficiency factor. */
  public Energy times(BigDecimal factor) {
    return new Energy(value.multiply(factor), unit);
  }

  /**
   * Quotient rounded with {@code mc}.
   *
   * @throws ArithmeticException when {@code divisor} is zero
   */
  public Energy dividedBy(BigDecimal divisor, MathContext mc) {
    return new Energy(value.divide(divisor, mc), unit);
  }

  /** The dimensionless ratio this ÷ {@code other} (e.g. a state of charge), rounded with {@code mc}. */
  public BigDecimal ratio(Energy other, MathContext mc) {
    return in(EnergyUnit.WH).divide(other.in(EnergyUnit.WH), mc);
  }

  /**
   * The constant power that moves this energy in {@code duration}, exactly, in the matching power unit.
   *
   * @throws ArithmeticException when the duration is zero or the quotient has no finite decimal expansion (use
   *     {@link #dividedBy(Duration, MathContext)} then)
   */
  public Power dividedBy(Duration duration) {
    BigDecimal v = value.multiply(QuantityText.NANOS_PER_HOUR).divide(QuantityText.nanos(duration));
    return Power.of(v, unit.powerUnit());
  }

  /** As {@link #dividedBy(Duration)}, rounded with {@code mc}. */
  public Power dividedBy(Duration duration, MathContext mc) {
    BigDecimal v = value.multiply(QuantityText.NANOS_PER_HOUR).divide(QuantityText.nanos(duration), mc);
    return Power.of(v, unit.powerUnit());
  }

  /**
   * How long moving this energy at {@code power} takes, rounded half-even to the nanosecond; the sign follows
   * the operands. @throws ArithmeticException when {@code power} is zero or the result overflows a Duration
   */
  public Duration dividedBy(Power power) {
    BigDecimal e = in(power.unit().energyUnit());
    BigDecimal nanos = e.multiply(QuantityText.NANOS_PER_HOUR).divide(power.value(), 0, RoundingMode.HALF_EVEN);
    return QuantityText.duration(nanos);
  }

  /** True below zero (energy flowing out of storage). */
  public boolean isNegative() {
    return value.signum() < 0;
  }

  /** True above zero. */
  public boolean isPositive() {
    return value.signum() > 0;
  }

  /** True when zero in any unit. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** The smaller of two energies (the first when equal). */
  public static Energy min(Energy a, Energy b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The larger of two energies (the first when equal). */
  public static Energy max(Energy a, Energy b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Orders by quantity regardless of unit and scale. */
  @Override
  public int compareTo(Energy o) {
    return in(EnergyUnit.WH).compareTo(o.in(EnergyUnit.WH));
  }

  /** Equal when the quantities are equal, whatever the unit or scale (consistent with {@link #compareTo}). */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Energy e && compareTo(e) == 0);
  }

  @Override
  public int hashCode() {
    return in(EnergyUnit.WH).stripTrailingZeros().hashCode();
  }

  /** Canonical wire text {@code "<plain decimal> <symbol>"}, e.g. {@code "38.367 kWh"}; never an exponent. */
  public String format() {
    return value.toPlainString() + " " + unit.symbol();
  }

  /** Same as {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
