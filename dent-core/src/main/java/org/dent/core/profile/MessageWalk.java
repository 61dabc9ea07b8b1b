package org.dent.core.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dent.core.units.Decimals;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.QuantityException;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One depth-first pass over {@code message}, in document order, checking every place the profile gives a meaning
 * wherever it occurs: tag groups, {@code quantity.*.measure}, {@code time.range}, prices, quotes and fulfillment
 * states. Nodes of the wrong JSON type are skipped: the core schema reports those.
 */
final class MessageWalk {
  /** Far deeper than any Beckn message; deeper nodes are not visited (the parser caps nesting anyway). */
  static final int MAX_DEPTH = 256;

  private static final List<String> PRICE_FIELDS = List.of("value", "estimated_value", "computed_value",
      "listed_value", "offered_value", "minimum_value", "maximum_value");

  private MessageWalk() {}

  /**
   * An RFC 6901 pointer kept as a chain of steps; its string is built only by {@link #toString()}, when a violation
   * is reported there.
   */
  record Path(@Nullable Path parent, @Nullable String name, int index) {
    /** A path that starts with {@code pointer} as written (already escaped). */
    static Path of(String pointer) {
      return new Path(null, pointer, -1);
    }

    Path child(String member) {
      return new Path(this, member, -1);
    }

    Path child(int i) {
      return new Path(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return name;
      }
      return name != null ? Findings.child(parent.toString(), name) : Findings.child(parent.toString(), index);
    }
  }

  static void walk(JsonNode node, Path pointer, String container, int depth, Findings out) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isContainer()) {
          walk(element, pointer.child(i), container, depth + 1, out);
        }
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      JsonNode child = e.getValue();
      // Pointers are built as strings only where a violation is reported: building one per member was most of
      // what validating a message allocated. Scalars no rule applies to are not visited at all.
      boolean descend = child.isContainer();
      switch (name) {
        case "tags" -> {
          if (child.isArray()) {
            TagGroupCheck.checkTags(child, pointer.child(name).toString(), out);
            descend = false;
          }
        }
        case "quantity" -> {
          if (child.isObject()) {
            checkQuantity(child, pointer.child(name), out);
            descend = false;
          }
        }
        case "time" -> {
          if (child.isObject() && child.get("range") != null && child.get("range").isObject()) {
            checkRange(child.get("range"), pointer.child(name).child("range"), out);
          }
        }
        case "price" -> {
          if (child.isObject()) {
            checkPrice(child, pointer.child(name), out);
          }
        }
        case "amount" -> {
          if (child.isObject()) {
            checkPrice(child, pointer.child(name), out);
          } else if (child.isString() && "params".equals(container)
              && decimalOrNull(child.stringValue()) == null) {
            out.add(pointer.child(name).toString(), "payment amount must be a decimal amount");
          }
        }
        case "currency" -> {
          if (child.isString() && "params".equals(container)) {
            currency(child.stringValue(), pointer.child(name), out);
          }
        }
        case "quote" -> {
          if (child.isObject()) {
            QuoteCheck.check(child, pointer.child(name).toString(), out);
          }
        }
        case "state" -> {
          if ("fulfillments".equals(container)) {
            checkState(child, pointer.child(name), out);
          }
        }
        case "fulfillment_state" -> {
          if ("cancellation_terms".equals(container)) {
            checkState(child, pointer.child(name), out);
          }
        }
        default -> {
          // nothing profile-specific here; keep walking
        }
      }
      if (descend) {
        walk(child, pointer.child(name), name, depth + 1, out);
      }
    }
  }

  /** {@code quantity.<kind>.measure{value, unit}} is an energy; {@code selected} must be positive. */
  private static void checkQuantity(JsonNode quantity, Path pointer, Findings out) {
    for (Map.Entry<String, JsonNode> e : quantity.properties()) {
      JsonNode measure = e.getValue().isObject() ? e.getValue().get("measure") : null;
      if (measure == null || !measure.isObject()) {
        continue;
      }
      String kind = e.getKey();
      Path p = pointer.child(kind).child("measure");
      if (Findings.absent(measure, "value") || Findings.absent(measure, "unit")) {
        out.add(p.toString(), kind + " energy needs value and unit");
      }
      String unit = Findings.text(measure, "unit");
      if (unit != null) {
        try {
          EnergyUnit.parse(unit);
        } catch (QuantityException ex) {
          out.add(p + "/unit", ex.getMessage());
        }
      }
      String value = Findings.text(measure, "value");
      if (value != null) {
        BigDecimal v = decimalOrNull(value);
        if (v == null) {
          out.add(p + "/value", kind + " energy must be a plain decimal");
        } else if ("selected".equals(kind) && v.signum() <= 0) {
          out.add(p + "/value", "selected energy must be positive");
        } else if (v.signum() < 0) {
          out.add(p + "/value", kind + " energy must not be negative");
        }
      }
    }
  }

  /** A profile window is {@code [start, end)} in RFC 3339 UTC with start before end. */
  private static void checkRange(JsonNode range, Path pointer, Findings out) {
    if (Findings.absent(range, "start") || Findings.absent(range, "end")) {
      out.add(pointer.toString(), "a window states start and end");
      return;
    }
    Instant start = utc(range, "start", pointer, out);
    Instant end = utc(range, "end", pointer, out);
    if (start != null && end != null && !start.isBefore(end)) {
      out.add(pointer.toString(), "window start must precede end");
    }
  }

  private static @Nullable Instant utc(JsonNode range, String member, Path pointer, Findings out) {
    String text = Findings.text(range, member);
    if (text == null) {
      return null;
    }
    Instant t;
    try {
      t = WireTime.parseInstant(text);
    } catch (QuantityException e) {
      return null; // not RFC 3339 at all: the schema's date-time format reports it
    }
    if (!Findings.zulu(text)) {
      out.add(pointer + "/" + member, "window " + member + " must be in UTC (Z)");
      return null;
    }
    return t;
  }

  /** Beckn {@code Price}: an ISO 4217 currency and plain decimal amounts. */
  static void checkPrice(JsonNode price, Path pointer, Findings out) {
    boolean hasAmount = false;
    for (String field : PRICE_FIELDS) {
      String v = Findings.text(price, field);
      if (v != null) {
        hasAmount = true;
        if (decimalOrNull(v) == null) {
          out.add(pointer.child(field).toString(), field + " must be a decimal amount");
        }
      }
    }
    String currency = Findings.text(price, "currency");
    if (currency != null) {
      currency(currency, pointer.child("currency"), out);
    } else if (hasAmount && Findings.absent(price, "currency")) {
      out.add(pointer.toString(), "a price states its currency");
    }
  }

  private static void checkState(JsonNode state, Path pointer, Findings out) {
    String code = Findings.descriptorCode(state);
    if (code != null && !StorageProfile.FULFILLMENT_STATES.contains(code)) {
      out.add(pointer + "/descriptor/code",
          "fulfillment state is " + Findings.joinOr(StorageProfile.FULFILLMENT_STATES));
    }
  }

  /** The decimal, or null when {@code text} is not a plain decimal (the caller reports it). */
  static @Nullable BigDecimal decimalOrNull(String text) {
    try {
      return Decimals.parse(text);
    } catch (QuantityException e) {
      return null;
    }
  }

  private static void currency(String code, Path pointer, Findings out) {
    try {
      Money.currency(code);
    } catch (QuantityException e) {
      out.add(pointer.toString(), "currency must be an ISO 4217 code");
    }
  }
}
