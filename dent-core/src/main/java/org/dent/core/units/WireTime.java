package org.dent.core.units;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.dent.core.units.QuantityException.Reason;

/**
 * Times as DENT writes them: RFC 3339 timestamps (UTC {@code Z} on output) and ISO 8601 durations. Parsing is
 * strict: seconds are required, at most nine fraction digits, an explicit offset ({@code Z} or {@code ±hh:mm}),
 * no leap second; inputs longer than 40 characters are rejected before parsing.
 */
public final class WireTime {
  private static final int MAX_LENGTH = 40;
  private static final Pattern RFC_3339 = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})");

  private WireTime() {}

  /**
   * Reads an RFC 3339 timestamp with any offset.
   *
   * @throws QuantityException MALFORMED_TIME
   */
  public static Instant parseInstant(String text) {
    if (text == null || text.length() > MAX_LENGTH || !RFC_3339.matcher(text).matches()) {
      throw malformedInstant(text);
    }
    try {
      return readMatched(text);
    } catch (DateTimeException e) {
      throw malformedInstant(text); // a field out of range: month 13, February 30, second 60, offset +19:00
    }
  }

  /**
   * Reads text that {@link #RFC_3339} matched, field by field at their fixed positions. Same result and the same
   * strictness as {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)} on matched text (the range checks are
   * {@code LocalDateTime.of} and {@code ZoneOffset.ofHoursMinutes}), at a tenth of the cost: the profile validator
   * reads every window of every catalog item.
   */
  private static Instant readMatched(String t) {
    LocalDateTime local = LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13),
        digits(t, 14, 16), digits(t, 17, 19));
    int i = 19;
    int nano = 0;
    if (t.charAt(i) == '.') {
      int start = ++i;
      while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        nano = nano * 10 + (t.charAt(i++) - '0');
      }
      for (int k = i - start; k < 9; k++) {
        nano *= 10;
      }
    }
    char c = t.charAt(i);
    ZoneOffset offset;
    if (c == 'Z' || c == 'z') {
      offset = ZoneOffset.UTC;
    } else {
      int sign = c == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * digits(t, i + 1, i + 3), sign * digits(t, i + 4, i + 6));
    }
    return Instant.ofEpochSecond(local.toEpochSecond(offset), nano);
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (t.charAt(i) - '0');
    }
    return v;
  }

  /** True when {@code text} is an RFC 3339 timestamp in UTC, written with {@code Z}. */
  public static boolean isUtc(String text) {
    try {
      parseInstant(text);
    } catch (QuantityException e) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    return last == 'Z' || last == 'z';
  }

  /** Canonical RFC 3339 UTC text, e.g. {@code 2026-12-01T10:00:00Z} (fraction only when non-zero). */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Reads an ISO 8601 duration in the day-time form {@code PnDTnHnMn.nS} ({@code PT15M}, {@code P1D}); years,
   * months and weeks have no fixed length and are rejected.
   *
   * @throws QuantityException MALFORMED_TIME
   */
  public static Duration parseDuration(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      throw malformedDuration(text);
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw malformedDuration(text);
    }
  }

  /**
   * As {@link #parseDuration}, and above zero.
   *
   * @throws QuantityException MALFORMED_TIME or OUT_OF_RANGE
   */
  public static Duration parsePositiveDuration(String text) {
    Duration d = parseDuration(text);
    if (d.isNegative() || d.isZero()) {
      throw new QuantityException(Reason.OUT_OF_RANGE, text,
          "duration must be positive: " + QuantityException.quote(text));
    }
    return d;
  }

  private static QuantityException malformedInstant(String text) {
    return new QuantityException(Reason.MALFORMED_TIME, text,
        "not an RFC 3339 timestamp: " + QuantityException.quote(text));
  }

  private static QuantityException malformedDuration(String text) {
    return new QuantityException(Reason.MALFORMED_TIME, text,
        "not an ISO 8601 duration: " + QuantityException.quote(text));
  }
}
