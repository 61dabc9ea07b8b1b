package org.dent.core.units;

import java.util.List;
import java.util.Objects;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A quantity, fraction, amount of money or time window could not be read or is out of its range: an unknown unit,
 * a power written in an energy unit, a malformed or over-long decimal, a state of charge above 1, a currency
 * mismatch, a window that ends before it starts. Code {@code 30000}; {@link #reason()} says which rule failed and
 * {@link #input()} names the offending text (for unit problems, the unit itself).
 */
public final class QuantityException extends DentException {
  private static final long serialVersionUID = 1L;

  /** Which rule a value broke. */
  public enum Reason {
    /** Not {@code "<decimal> <unit>"}, or the decimal part is not a plain decimal (no exponent, no NaN). */
    MALFORMED,
    /** More than {@link Decimals#MAX_DIGITS} digits or {@link Decimals#MAX_LENGTH} characters. */
    TOO_LONG,
    /** The unit is not one of {@code Wh kWh MWh W kW MW} (or their accepted aliases). */
    UNKNOWN_UNIT,
    /** A power was written in an energy unit, e.g. {@code "10 kWh"} where a power belongs. */
    POWER_IN_ENERGY_UNIT,
    /** An energy was written in a power unit, e.g. {@code "50 kW"} where an energy belongs. */
    ENERGY_IN_POWER_UNIT,
    /** The value is outside its allowed range (a fraction outside [0,1], a non-positive duration). */
    OUT_OF_RANGE,
    /** The currency code is not an ISO 4217 code. */
    UNKNOWN_CURRENCY,
    /** Two amounts of money in different currencies were combined or compared. */
    CURRENCY_MISMATCH,
    /** A time window whose start is not before its end. */
    EMPTY_WINDOW,
    /** A timestamp that is not RFC 3339 (or a duration that is not ISO 8601). */
    MALFORMED_TIME
  }

  private final Reason reason;
  private final @Nullable String input;

  /**
   * Creates the exception.
   *
   * @param reason which rule failed
   * @param input the offending text, or null when there is none
   * @param message readable description
   */
  public QuantityException(Reason reason, @Nullable String input, String message) {
    super(ErrorCode.INVALID_REQUEST.code(), message, List.of(), null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.input = input;
  }

  /** Which rule failed. */
  public Reason reason() {
    return reason;
  }

  /** The offending text (the bad unit for unit problems, else the whole input), or null. */
  public @Nullable String input() {
    return input;
  }

  static String quote(@Nullable CharSequence s) {
    if (s == null) {
      return "null";
    }
    String text = s.toString();
    // Never echo an attacker's megabyte back into logs.
    return "\"" + (text.length() > 48 ? text.substring(0, 48) + "…" : text) + "\"";
  }
}
