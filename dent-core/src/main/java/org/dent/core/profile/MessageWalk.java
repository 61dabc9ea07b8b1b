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

  static void walk(JsonNode node, String pointer, String container, int depth, Findings out) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), Findings.child(pointer, i), container, depth + 1, out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      JsonNode child = e.getValue();
      String p = Findings.child(pointer, name);
      boolean descend = true;
      switch (name) {
        case "tags" -> {
          if (child.isArray()) {
            TagGroupCheck.checkTags(child, p, out);
            descend = false;
          }
        }
        case "quantity" -> {
          if (child.isObject()) {
            checkQuantity(child, p, out);
            descend = false;
          }
        }
        case "time" -> {
          if (child.isObject() && child.get("range") != null && child.get("range").isObject()) {
            checkRange(child.get("range"), p + "/range", out);
          }
        }
        case "price" -> {
          if (child.isObject()) {
            checkPrice(child, p, out);
          }
        }
        case "amount" -> {
          if (child.isObject()) {
            checkPrice(child, p, out);
          } else if (child.isString() && "params".equals(container)) {
            decimal(child.stringValue(), p, "payment amount must be a decimal amount", out);
          }
        }
        case "currency" -> {
          if (child.isString() && "params".equals(container)) {
            currency(child.stringValue(), p, out);
          }
        }
        case "quote" -> {
          if (child.isObject()) {
            QuoteCheck.check(child, p, out);
          }
        }
        case "state" -> {
          if ("fulfillments".equals(container)) {
            checkState(child, p, out);
          }
        }
        case "fulfillment_state" -> {
          if ("cancellation_terms".equals(container)) {
            checkState(child, p, out);
          }
        }
        default -> {
          // nothing profile-specific here; keep walking
        }
      }
      if (descend) {
        walk(child, p, name, depth + 1, out);
      }
    }
  }

  /** {@code quantity.<kind>.measure{value, unit}} is an energy; {@code selected} must be positive. */
  private static void checkQuantity(JsonNode quantity, String pointer, Findings out) {
    for (Map.Entry<String, JsonNode> e : quantity.properties()) {
      JsonNode measure = e.getValue().isObject() ? e.getValue().get("measure") : null;
      if (measure == null || !measure.isObject()) {
        continue;
      }
      String kind = e.getKey();
      String p = Findings.child(pointer, kind) + "/measure";
      if (Findings.absent(measure, "value") || Findings.absent(measure, "unit")) {
        out.add(p, kind + " energy needs value and unit");
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
        BigDecimal v = decimal(value, p + "/value", kind + " energy must be a plain decimal", out);
        if (v != null && "selected".equals(kind) && v.signum() <= 0) {
          out.add(p + "/value", "selected energy must be positive");
        } else if (v != null && v.signum() < 0) {
          out.add(p + "/value", kind + " energy must not be negative");
        }
      }
    }
  }

  /** A profile window is {@code [start, end)} in RFC 3339 UTC with start before end. */
  private static void checkRange(JsonNode range, String pointer, Findings out) {
    if (Findings.absent(range, "start") || Findings.absent(range, "end")) {
      out.add(pointer, "a window states start and end");
      return;
    }
    Instant start = utc(range, "start", pointer, out);
    Instant end = utc(range, "end", pointer, out);
    if (start != null && end != null && !start.isBefore(end)) {
      out.add(pointer, "window start must precede end");
    }
  }

  private static @Nullable Instant utc(JsonNode range, String member, String pointer, Findings out) {
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
  static void checkPrice(JsonNode price, String pointer, Findings out) {
    boolean hasAmount = false;
    for (String field : PRICE_FIELDS) {
      String v = Findings.text(price, field);
      if (v != null) {
        hasAmount = true;
        decimal(v, Findings.child(pointer, field), field + " must be a decimal amount", out);
      }
    }
    String currency = Findings.text(price, "currency");
    if (currency != null) {
      currency(currency, pointer + "/currency", out);
    } else if (hasAmount && Findings.absent(price, "currency")) {
      out.add(pointer, "a price states its currency");
    }
  }

  private static void checkState(JsonNode state, String pointer, Findings out) {
    String code = Findings.descriptorCode(state);
    if (code != null && !StorageProfile.FULFILLMENT_STATES.contains(code)) {
      out.add(pointer + "/descriptor/code",
          "fulfillment state is " + Findings.joinOr(StorageProfile.FULFILLMENT_STATES));
    }
  }

  static @Nullable BigDecimal decimal(String text, String pointer, String message, Findings out) {
    try {
      return Decimals.parse(text);
    } catch (QuantityException e) {
      out.add(pointer, message);
      return null;
    }
  }

  private static void currency(String code, String pointer, Findings out) {
    try {
      Money.currency(code);
    } catch (QuantityException e) {
      out.add(pointer, "currency must be an ISO 4217 code");
    }
  }
}
