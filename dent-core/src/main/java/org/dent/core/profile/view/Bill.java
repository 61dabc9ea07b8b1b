package org.dent.core.profile.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.dent.core.model.BreakupLine;
import org.dent.core.model.Price;
import org.dent.core.model.Quotation;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * A storage quote or final bill: {@code quote{price, breakup[]}} of {@code on_select} … {@code on_cancel} (worked
 * messages {@code 08-on_confirm}, {@code 15-on_cancel}). All lines are in the total's currency. A bill read from
 * the wire need not balance; {@link #requireBalanced()} checks that the lines sum exactly to the total, and
 * {@link #of(List, Currency)} builds one that does.
 *
 * @param lines the breakup lines, in order
 * @param total {@code quote.price}
 */
public record Bill(List<BillLine> lines, Money total) {
  /**
   * Validates and copies.
   *
   * @throws ProfileException at {@code /breakup/<i>/price/currency} when a line is in another currency
   */
  public Bill {
    lines = List.copyOf(lines);
    Objects.requireNonNull(total, "total");
    for (int i = 0; i < lines.size(); i++) {
      Wire.check(lines.get(i).amount().currency().equals(total.currency()), "/breakup/" + i + "/price/currency",
          "bill lines are in the quote's currency " + total.currency().getCurrencyCode());
    }
  }

  /**
   * A balanced bill: the total is the exact sum of {@code lines} (zero when there are none).
   *
   * @throws ProfileException when a line is in another currency
   */
  public static Bill of(List<BillLine> lines, Currency currency) {
    Money sum = Money.zero(currency);
    for (int i = 0; i < lines.size(); i++) {
      Money amount = lines.get(i).amount();
      Wire.check(amount.currency().equals(currency), "/breakup/" + i + "/price/currency",
          "bill lines are in the quote's currency " + currency.getCurrencyCode());
      sum = sum.plus(amount);
    }
    return new Bill(lines, sum);
  }

  /**
   * Reads a quote; pointers relative to it. Does not require the lines to balance.
   *
   * @throws ProfileException when the price or a line is missing or malformed, or currencies differ
   */
  public static Bill from(Quotation quote) {
    Price price = Wire.require(quote.price(), "/price", "a quote needs a price");
    Money total = Wire.require(Wire.money(price, price.value(), "/price", "value", "quote price"), "/price/value",
        "a quote needs price.value");
    List<BillLine> lines = new ArrayList<>();
    List<BreakupLine> breakup = quote.breakup() == null ? List.of() : quote.breakup();
    for (int i = 0; i < breakup.size(); i++) {
      String p = "/breakup/" + i;
      BreakupLine line = Wire.require(breakup.get(i), p, "a breakup line is an object");
      lines.add(Wire.at(p, () -> BillLine.from(line)));
    }
    return new Bill(lines, total);
  }

  /** The currency of the bill. */
  public Currency currency() {
    return total.currency();
  }

  /** The exact sum of the lines. */
  public Money sum() {
    Money sum = Money.zero(total.currency());
    for (BillLine l : lines) {
      sum = sum.plus(l.amount());
    }
    return sum;
  }

  /** The exact sum of the lines of {@code kind}; zero when there are none. */
  public Money amount(BillLineKind kind) {
    Money sum = Money.zero(total.currency());
    for (BillLine l : lines) {
      if (l.kind() == kind) {
        sum = sum.plus(l.amount());
      }
    }
    return sum;
  }

  /**
   * Checks that the lines sum exactly to the total.
   *
   * @throws ProfileException at {@code /price/value} when they do not
   */
  public void requireBalanced() {
    Money sum = sum();
    Wire.check(sum.equals(total), "/price/value",
        "quote price " + total.value() + " is not the sum of its breakup (" + sum.value() + ")");
  }

  /** The quote {@code {price, breakup, ttl}}; {@code ttl} is left out when null. */
  public Quotation toQuotation(@Nullable Duration ttl) {
    return Quotation.builder()
        .price(Price.builder().currency(total.currency().getCurrencyCode()).value(total.value()).build())
        .breakup(lines.stream().map(BillLine::toBreakupLine).toList())
        .ttl(ttl == null ? null : ttl.toString())
        .build();
  }
}
