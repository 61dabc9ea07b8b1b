package org.dent.core.profile.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dent.core.model.Price;
import org.dent.core.model.Scalar;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.QuantityException;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/** Reading and writing the Beckn pieces the views share, with the pointer of every problem. */
final class Wire {
  private Wire() {}

  static <T> T require(@Nullable T value, String pointer, String message) {
    if (value == null) {
      throw new ProfileException(pointer, message);
    }
    return value;
  }

  /** Runs a constructor or parser; its problems are re-rooted at {@code pointer}. */
  static <T> T at(String pointer, Supplier<T> body) {
    try {
      return body.get();
    } catch (ProfileException e) {
      throw e.under(pointer);
    } catch (QuantityException e) {
      throw new ProfileException(pointer, e.getMessage());
    }
  }

  /** A check for a constructor: throws at {@code pointer} unless {@code ok}. */
  static void check(boolean ok, String pointer, String message) {
    if (!ok) {
      throw new ProfileException(pointer, message);
    }
  }

  /** First instant RFC 3339 can write (year 0000). */
  static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  /** Last instant RFC 3339 can write (year 9999). */
  static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** A check for a constructor: {@code t} has a four-digit year, so RFC 3339 can write it. */
  static void writable(Instant t, String pointer, String label) {
    check(!t.isBefore(FIRST) && !t.isAfter(LAST), pointer, label + " must fall in the years 0000 to 9999");
  }

  /** {@link #writable} for both ends of a window. */
  static void writable(TimeWindow w, String pointer, String label) {
    writable(w.start(), pointer, label);
    writable(w.end(), pointer, label);
  }

  /** Reads a tag group view from the group itself; pointers relative to the group. */
  static <T> T group(TagGroup group, org.dent.core.model.TagGroup tags, Function<TagReader, T> make) {
    TagReader r = TagReader.of(group, tags, "");
    return at("", () -> make.apply(r));
  }

  /** Reads the first {@code group} of a tags array; pointers {@code /tags/<i>/…}. */
  static <T> Optional<T> first(@Nullable List<org.dent.core.model.TagGroup> tags, TagGroup group,
      Function<TagReader, T> make) {
    int i = ProfileTags.indexOf(tags, group);
    if (i < 0) {
      return Optional.empty();
    }
    TagReader r = TagReader.of(group, tags.get(i), "/tags/" + i);
    return Optional.of(at("/tags/" + i, () -> make.apply(r)));
  }

  /** An energy from a {@code measure{value, unit}}; {@code pointer} is the measure's. */
  static @Nullable Energy energy(@Nullable Scalar measure, String pointer, String label) {
    if (measure == null) {
      return null;
    }
    String value = require(measure.value(), pointer + "/value", label + " needs a value");
    String unit = require(measure.unit(), pointer + "/unit", label + " needs a unit");
    try {
      return Energy.parse(value, unit);
    } catch (QuantityException e) {
      boolean unitProblem = e.reason() == QuantityException.Reason.UNKNOWN_UNIT
          || e.reason() == QuantityException.Reason.ENERGY_IN_POWER_UNIT;
      throw new ProfileException(pointer + (unitProblem ? "/unit" : "/value"), label + ": " + e.getMessage());
    }
  }

  static Scalar measure(Energy e) {
    return Scalar.builder().value(e.value().toPlainString()).unit(e.unit().symbol()).build();
  }

  /** The window of {@code time.range}; {@code pointer} is the time's. */
  static TimeWindow window(@Nullable Time time, String pointer, String label) {
    TimeRange range = require(time == null ? null : time.range(), pointer + "/range", label + " needs time.range");
    String p = pointer + "/range";
    String start = require(range.start(), p + "/start", label + " needs a start");
    String end = require(range.end(), p + "/end", label + " needs an end");
    var s = at(p + "/start", () -> WireTime.parseInstant(start));
    var e = at(p + "/end", () -> WireTime.parseInstant(end));
    return at(p, () -> new TimeWindow(s, e));
  }

  static Time time(TimeWindow w) {
    TimeRange range = TimeRange.builder().start(WireTime.format(w.start())).end(WireTime.format(w.end())).build();
    return Time.builder().range(range).build();
  }

  /**
   * An amount of {@code price}: {@code amount} is the member's text (value, estimated_value, maximum_value…),
   * {@code member} its name; null when the member is absent.
   */
  static @Nullable Money money(@Nullable Price price, @Nullable String amount, String pointer, String member,
      String label) {
    if (price == null || amount == null) {
      return null;
    }
    String currency = require(price.currency(), pointer + "/currency", label + " states its currency");
    at(pointer + "/currency", () -> Money.currency(currency));
    return at(pointer + "/" + member, () -> Money.parse(amount, currency));
  }
}
