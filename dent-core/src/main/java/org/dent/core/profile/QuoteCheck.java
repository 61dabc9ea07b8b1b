package org.dent.core.profile;

import java.math.BigDecimal;
import org.dent.core.units.Decimals;
import org.dent.core.units.QuantityException;
import tools.jackson.databind.JsonNode;

/**
 * A storage quote: breakup lines titled from {@link StorageProfile#QUOTE_LINE_TITLES}, the buy-back credit never
 * positive, and the lines summing exactly to {@code quote.price} when all are in its currency.
 */
final class QuoteCheck {
  private QuoteCheck() {}

  static void check(JsonNode quote, String pointer, Findings out) {
    JsonNode breakup = quote.get("breakup");
    if (breakup == null || !breakup.isArray()) {
      return;
    }
    String currency = Findings.text(quote.get("price"), "currency");
    BigDecimal total = amount(quote.get("price"));
    BigDecimal sum = BigDecimal.ZERO;
    boolean summable = currency != null && total != null && !breakup.isEmpty();
    for (int i = 0; i < breakup.size(); i++) {
      JsonNode line = breakup.get(i);
      String p = Findings.child(pointer + "/breakup", i);
      String title = Findings.text(line, "title");
      if (title != null && !StorageProfile.QUOTE_LINE_TITLES.contains(title)) {
        out.add(p + "/title", "quote line title is one of " + String.join(", ", StorageProfile.QUOTE_LINE_TITLES));
      }
      JsonNode price = line.isObject() ? line.get("price") : null;
      BigDecimal v = amount(price);
      if (v != null && StorageProfile.BUY_BACK_CREDIT.equals(title) && v.signum() > 0) {
        out.add(p + "/price/value", "buy-back-credit must not be positive");
      }
      if (v == null || currency == null || !currency.equals(Findings.text(price, "currency"))) {
        summable = false;
      } else {
        sum = sum.add(v);
      }
    }
    if (summable && sum.compareTo(total) != 0) {
      out.add(pointer + "/price/value",
          "quote price " + total.toPlainString() + " is not the sum of its breakup (" + sum.toPlainString() + ")");
    }
  }

  private static BigDecimal amount(JsonNode price) {
    String v = Findings.text(price, "value");
    if (v == null) {
      return null;
    }
    try {
      return Decimals.parse(v);
    } catch (QuantityException e) {
      return null; // reported by the price check
    }
  }
}
