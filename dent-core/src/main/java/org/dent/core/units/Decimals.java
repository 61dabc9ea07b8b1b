package org.dent.core.units;

import java.math.BigDecimal;
import org.dent.core.units.QuantityException.Reason;

/**
 * Reads the decimal strings DENT puts on the wire: an optional sign, digits, an optional fraction
 * ({@code "50"}, {@code "-0.25"}, {@code ".5"}, the anchored form of Beckn's {@code DecimalValue}). Exponents,
 * {@code NaN}, {@code Infinity}, spaces and thousands separators are rejected. Input is capped at
 * {@value #MAX_DIGITS} digits and {@value #MAX_LENGTH} characters, checked before any parsing, so a 400-digit or
 * megabyte-long number is rejected at once. The scale the value was written with is kept ({@code "50.00"} stays
 * two decimals) so that formatting gives the same text back.
 */
public final class Decimals {
  /** Most digits (integer plus fraction) a wire decimal may have. Enough for any energy, power or price. */
  public static final int MAX_DIGITS = 40;

  /** Most characters a wire decimal may have (digits, sign and point). */
  public static final int MAX_LENGTH = MAX_DIGITS + 2;

  private Decimals() {}

  /**
   * Parses a plain decimal.
   *
   * @throws QuantityException {@link Reason#TOO_LONG} above the caps, {@link Reason#MALFORMED} for anything that
   *     is not a plain decimal
   */
  public static BigDecimal parse(CharSequence text) {
    if (text == null) {
      throw new QuantityException(Reason.MALFORMED, null, "a decimal is required");
    }
    if (text.length() > MAX_LENGTH || digitCount(text) > MAX_DIGITS) {
      throw new QuantityException(Reason.TOO_LONG, text.toString(),
          "decimal " + QuantityException.quote(text) + " has more than " + MAX_DIGITS + " digits");
    }
    if (!isPlain(text)) {
      throw new QuantityException(Reason.MALFORMED, text.toString(),
          QuantityException.quote(text) + " is not a plain decimal");
    }
    return new BigDecimal(text.toString());
  }

  /** True when {@code text} is a plain decimal within the caps. */
  public static boolean isDecimal(CharSequence text) {
    try {
      parse(text);
      return true;
    } catch (QuantityException e) {
      return false;
    }
  }

  /** Formats without exponent, keeping the scale: {@code 5E+1} prints {@code "50"}, {@code 0.50} prints {@code "0.50"}. */
  public static String format(BigDecimal value) {
    return value.toPlainString();
  }

  /** {@code [+-]?(?:[0-9]*\.)?[0-9]+}, checked by hand: a regex matcher per value was a hot spot. */
  private static boolean isPlain(CharSequence text) {
    int i = 0;
    int n = text.length();
    if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      i++;
    }
    boolean point = false;
    int digitsAfterPoint = 0;
    int digits = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        digitsAfterPoint++;
      } else if (c == '.' && !point) {
        point = true;
        digitsAfterPoint = 0;
      } else {
        return false;
      }
    }
    return point ? digitsAfterPoint > 0 : digits > 0;
  }

  private static int digitCount(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }
}
