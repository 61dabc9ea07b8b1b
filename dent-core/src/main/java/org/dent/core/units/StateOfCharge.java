package org.dent.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.dent.core.units.QuantityException.Reason;

/**
 * A state of charge: a fraction in {@code [0, 1]} (not a percentage), exact, immutable. In DENT telemetry it is
 * stored energy ÷ reserved energy of the contract; an asset's {@code min-soc}/{@code max-soc} are fractions of its
 * capacity. Equality is by value: {@code 0.5} equals {@code 0.50}; {@link #format()} keeps the written scale.
 */
public final class StateOfCharge implements Comparable<StateOfCharge> {
  /** Empty. */
  public static final StateOfCharge EMPTY = new StateOfCharge(BigDecimal.ZERO);
  /** Full. */
  public static final StateOfCharge FULL = new StateOfCharge(BigDecimal.ONE);

  private final BigDecimal value;

  private StateOfCharge(BigDecimal value) {
    this.value = value;
  }

  /**
   * A state of charge.
   *
   * @throws QuantityException OUT_OF_RANGE outside [0,1]
   */
  public static StateOfCharge of(BigDecimal fraction) {
    Objects.requireNonNull(fraction, "fraction");
    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new QuantityException(Reason.OUT_OF_RANGE, fraction.toPlainString(),
          "state of charge must be a fraction in [0,1], not " + fraction.toPlainString());
    }
    return new StateOfCharge(fraction);
  }

  /**
   * Reads a decimal fraction such as {@code "0.7673"}.
   *
   * @throws QuantityException when malformed or out of range
   */
  public static StateOfCharge parse(CharSequence text) {
    return of(Decimals.parse(text));
  }

  /**
   * {@code stored ÷ reference}, rounded with {@code mc}.
   *
   * @throws QuantityException OUT_OF_RANGE when the ratio is outside [0,1]
   * @throws ArithmeticException when {@code reference} is zero
   */
  public static StateOfCharge ratio(Energy stored, Energy reference, MathContext mc) {
    return of(stored.ratio(reference, mc));
  }

  /** The fraction. */
  public BigDecimal value() {
    return value;
  }

  /** {@code reference × fraction}, exact: the energy this state of charge stands for. */
  public Energy of(Energy reference) {
    return reference.times(value);
  }

  @Override
  public int compareTo(StateOfCharge o) {
    return value.compareTo(o.value);
  }

  /** Equal when the fractions are numerically equal. */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof StateOfCharge s && compareTo(s) == 0);
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** Plain decimal as written, e.g. {@code "0.7673"}. */
  public String format() {
    return value.toPlainString();
  }

  @Override
  public String toString() {
    return format();
  }
}
