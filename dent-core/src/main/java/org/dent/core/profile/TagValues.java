package org.dent.core.profile;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.dent.core.profile.TagSpec.Sign;
import org.dent.core.units.Decimals;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.QuantityException;
import org.dent.core.units.QuantityException.Reason;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/** Reads one tag value according to its {@link TagSpec}; reports what is wrong and returns the parsed value or null. */
final class TagValues {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,18}");

  private TagValues() {}

  /**
   * Checks {@code value} against {@code spec}; on failure adds one violation at {@code pointer} and returns null.
   * The parsed value is an {@link Energy}, {@link Power}, {@link BigDecimal}, {@link java.time.Duration},
   * {@link java.time.Instant} or the string itself.
   */
  static @Nullable Object check(TagSpec spec, String value, String listPointer, int index, Findings out) {
    return check(spec, value, new Findings.ValuePointer(listPointer, index), out);
  }

  private static @Nullable Object check(TagSpec spec, String value, Findings.ValuePointer pointer, Findings out) {
    String label = spec.label();
    try {
      return switch (spec.kind()) {
        case ENERGY -> {
          Energy e = Energy.parse(value);
          yield signed(e.value(), spec, pointer, out) ? e : null;
        }
        case POWER -> {
          Power p = Power.parse(value);
          yield signed(p.value(), spec, pointer, out) ? p : null;
        }
        case QUANTITY -> quantity(value);
        case FRACTION -> inRange(value, false, label, pointer, out);
        case EFFICIENCY -> inRange(value, true, label, pointer, out);
        case DURATION -> WireTime.parsePositiveDuration(value);
        case DATETIME -> utc(value, label, pointer, out);
        case DECIMAL, MONEY -> decimal(value, spec, pointer, out);
        case CURRENCY -> Money.currency(value).getCurrencyCode();
        case ENUM -> oneOf(value, spec, pointer, out);
        case ENUM_SET -> setOf(value, spec, pointer, out);
        case CODE -> matches(CODE, value, label, " must be an upper-case code such as SOC_HIGH", pointer, out);
        case INTEGER -> matches(INTEGER, value, label, " must be a non-negative integer", pointer, out);
        case TEXT -> value;
      };
    } catch (QuantityException e) {
      out.add(pointer, message(spec, e));
      return null;
    }
  }

  private static String message(TagSpec spec, QuantityException e) {
    String label = spec.label();
    if (e.reason() == Reason.TOO_LONG) {
      return label + " has more than " + Decimals.MAX_DIGITS + " digits";
    }
    return switch (spec.kind()) {
      case ENERGY -> unitProblem(e) ? label + ": " + e.getMessage()
          : label + " must be \"<decimal> <unit>\", e.g. \"50 kWh\"";
      case POWER -> unitProblem(e) ? label + ": " + e.getMessage()
          : label + " must be \"<decimal> <unit>\", e.g. \"20 kW\"";
      case QUANTITY -> e.reason() == Reason.UNKNOWN_UNIT
          ? label + ": unit outside the closed set (Wh, kWh, MWh, W, kW, MW): \"" + e.input() + "\""
          : label + " must be a decimal or \"<decimal> <unit>\"";
      case FRACTION -> label + " must be a fraction in [0,1]";
      case EFFICIENCY -> label + " must be in (0,1]";
      case DURATION -> label + " must be a positive ISO 8601 duration, e.g. PT15M";
      case DATETIME -> label + " must be an RFC 3339 UTC time, e.g. 2026-12-01T10:00:00Z";
      case MONEY -> label + " must be a decimal amount";
      case CURRENCY -> label + " must be an ISO 4217 currency code";
      default -> label + " must be a plain decimal";
    };
  }

  private static boolean unitProblem(QuantityException e) {
    return e.reason() == Reason.UNKNOWN_UNIT || e.reason() == Reason.POWER_IN_ENERGY_UNIT
        || e.reason() == Reason.ENERGY_IN_POWER_UNIT;
  }

  private static boolean signed(BigDecimal v, TagSpec spec, Findings.ValuePointer pointer, Findings out) {
    if (spec.sign() == Sign.POSITIVE && v.signum() <= 0) {
      out.add(pointer, spec.label() + " must be positive");
      return false;
    }
    if (spec.sign() == Sign.NON_NEGATIVE && v.signum() < 0) {
      out.add(pointer, spec.label() + " must not be negative");
      return false;
    }
    return true;
  }

  private static Object quantity(String value) {
    if (value.indexOf(' ') < 0) {
      return Decimals.parse(value);
    }
    try {
      return Energy.parse(value);
    } catch (QuantityException e) {
      if (e.reason() == Reason.ENERGY_IN_POWER_UNIT) {
        return Power.parse(value);
      }
      throw e;
    }
  }

  private static @Nullable BigDecimal inRange(String value, boolean efficiency, String label,
      Findings.ValuePointer pointer, Findings out) {
    BigDecimal v = Decimals.parse(value);
    boolean low = efficiency ? v.signum() <= 0 : v.signum() < 0;
    if (low || v.compareTo(BigDecimal.ONE) > 0) {
      out.add(pointer, label + (efficiency ? " must be in (0,1]" : " must be a fraction in [0,1]"));
      return null;
    }
    return v;
  }

  private static @Nullable Object utc(String value, String label, Findings.ValuePointer pointer, Findings out) {
    java.time.Instant t = WireTime.parseInstant(value);
    if (!Findings.zulu(value)) {
      out.add(pointer, label + " must be an RFC 3339 UTC time, e.g. 2026-12-01T10:00:00Z");
      return null;
    }
    return t;
  }

  private static @Nullable BigDecimal decimal(String value, TagSpec spec, Findings.ValuePointer pointer,
      Findings out) {
    BigDecimal v = Decimals.parse(value);
    return signed(v, spec, pointer, out) ? v : null;
  }

  private static @Nullable String oneOf(String value, TagSpec spec, Findings.ValuePointer pointer, Findings out) {
    if (spec.values().contains(value)) {
      return value;
    }
    out.add(pointer, spec.label() + " is " + Findings.joinOr(spec.values()));
    return null;
  }

  private static @Nullable String setOf(String value, TagSpec spec, Findings.ValuePointer pointer, Findings out) {
    Set<String> seen = new HashSet<>();
    for (String token : value.split("\\+", -1)) {
      if (!spec.values().contains(token) || !seen.add(token)) {
        out.add(pointer, spec.label() + " is one or more of " + String.join(", ", spec.values()) + " joined by +");
        return null;
      }
    }
    return value;
  }

  private static @Nullable String matches(Pattern p, String value, String label, String requirement,
      Findings.ValuePointer pointer, Findings out) {
    if (value.length() <= 64 && p.matcher(value).matches()) {
      return value;
    }
    out.add(pointer, label + requirement);
    return null;
  }
}
