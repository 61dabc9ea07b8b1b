package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link WireTime#parseInstant}, {@link Decimals#parse} and {@link Money#currency} read by hand for speed (they run on
 * every value of every message); these properties pin them to the library/regex definitions they replaced, on
 * inputs built to sit on every boundary (month 13, February 29/30, hour 24, second 60, offsets beyond ±18:00, bare
 * signs and points).
 */
class FastParsingEquivalenceTest {
  private static final Pattern RFC_3339 = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]*\\.)?[0-9]+");

  /** The definition before the hand-written reader: regex, then the JDK's strict ISO parser. */
  private static Instant referenceInstant(String text) {
    if (text.length() > 40 || !RFC_3339.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant fastInstant(String text) {
    try {
      return WireTime.parseInstant(text);
    } catch (QuantityException e) {
      return null;
    }
  }

  private static String two(Random r, int bound) {
    return String.format(Locale.ROOT, "%02d", r.nextInt(bound));
  }

  private static String timestamp(Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%04d", r.nextInt(10) == 0 ? r.nextInt(10_000) : 1999 + r.nextInt(40)));
    sb.append('-').append(two(r, 14)).append('-').append(two(r, 33));
    sb.append(r.nextInt(8) == 0 ? 't' : 'T');
    sb.append(two(r, 26)).append(':').append(two(r, 61)).append(':').append(two(r, 62));
    if (r.nextInt(3) == 0) {
      sb.append('.');
      int n = 1 + r.nextInt(10);
      for (int i = 0; i < n; i++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
    }
    switch (r.nextInt(4)) {
      case 0 -> sb.append('Z');
      case 1 -> sb.append('z');
      default -> sb.append(r.nextBoolean() ? '+' : '-').append(two(r, 20)).append(':').append(two(r, 62));
    }
    return sb.toString();
  }

  @Test
  void instantsAgreeWithTheIsoParser() {
    Seeded.check("parseInstant = regex + ISO_OFFSET_DATE_TIME", 31_000, r -> {
      String text = timestamp(r);
      assertThat(fastInstant(text)).as(text).isEqualTo(referenceInstant(text));
    });
  }

  @Test
  void decimalsAgreeWithTheRegex() {
    String alphabet = "0123456789+-.x ";
    Seeded.check("Decimals.parse accepts exactly the DECIMAL regex", 32_000, r -> {
      int n = r.nextInt(8);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(r.nextInt(r.nextBoolean() ? 10 : alphabet.length())));
      }
      String text = sb.toString();
      assertThat(Decimals.isDecimal(text)).as("'" + text + "'").isEqualTo(DECIMAL.matcher(text).matches());
    });
  }

  @Test
  void currencyCodesAreThreeUpperCaseLetters() {
    for (String ok : new String[] {"INR", "EUR", "USD"}) {
      assertThat(Money.currency(ok).getCurrencyCode()).isEqualTo(ok);
    }
    for (String bad : new String[] {"inr", "IN", "INRR", "I1R", "", "ÄBC", "XQQ"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.currency(bad)).as(bad)
          .isInstanceOf(QuantityException.class);
    }
  }
}
