package org.dent.core.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.dent.core.units.QuantityException.Reason;

/** Shared reading of {@code "<decimal> <unit>"} text and the time arithmetic behind energy = power × duration. */
final class QuantityText {
  /** Longest accepted {@code "<decimal> <unit>"} text: the longest decimal, one space and a short unit. */
  static final int MAX_TEXT_LENGTH = Decimals.MAX_LENGTH + 1 + 8;

  static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);

  private QuantityText() {}

  /** Splits at the single space; the first element is the parsed decimal's text, the second the unit text. */
  static String[] split(CharSequence text, String example) {
    if (text == null) {
      throw new QuantityException(Reason.MALFORMED, null, "a quantity is required, e.g. " + example);
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new QuantityException(Reason.TOO_LONG, text.toString(),
          "quantity " + QuantityException.quote(text) + " is too long (at most " + Decimals.MAX_DIGITS + " digits)");
    }
    String s = text.toString();
    int space = s.indexOf(' ');
    if (space <= 0 || space != s.lastIndexOf(' ') || space == s.length() - 1) {
      throw new QuantityException(Reason.MALFORMED, s,
          QuantityException.quote(s) + " is not \"<decimal> <unit>\", e.g. " + example);
    }
    return new String[] {s.substring(0, space), s.substring(space + 1)};
  }

  /** A duration as a whole number of nanoseconds, never overflowing. */
  static BigDecimal nanos(java.time.Duration d) {
    return new BigDecimal(BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano())));
  }

  /** Nanoseconds (already rounded to an integer) back to a Duration. */
  static java.time.Duration duration(BigDecimal wholeNanos) {
    BigInteger[] qr = wholeNanos.toBigIntegerExact().divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    return java.time.Duration.ofSeconds(qr[0].longValueExact(), qr[1].longValueExact());
  }
}
