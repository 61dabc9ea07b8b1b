package org.dent.client.aggregation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.units.Money;

/**
 * One statement for a whole portfolio from its legs' final bills ({@code on_cancel} or the final {@code on_status}
 * quote): every line of every leg's bill, kept as the BPP wrote it and tagged with the leg it came from, so each
 * amount traces back to one order at one BPP. The total is the exact sum of the lines, which is the sum of the
 * legs' bill totals when every bill balances (checked on creation).
 *
 * @param lines every leg's lines, leg by leg in portfolio order
 * @param total exact sum of the lines
 */
public record ConsolidatedStatement(List<Line> lines, Money total) {
  public ConsolidatedStatement {
    lines = List.copyOf(lines);
    Objects.requireNonNull(total, "total");
  }

  /**
   * One line of one leg's bill.
   *
   * @param orderId the leg's order
   * @param bppId the BPP that billed it
   * @param providerId the provider
   * @param itemId the offer (item)
   * @param line the bill line as received
   */
  public record Line(String orderId, String bppId, String providerId, String itemId, BillLine line) {}

  /**
   * The statement of {@code legs} from their final bills by order id.
   *
   * @throws AggregationException when a leg has no bill, a bill does not balance, or currencies differ
   */
  public static ConsolidatedStatement of(List<Leg> legs, Map<String, Bill> finalBills) {
    List<Line> lines = new ArrayList<>();
    Currency currency = null;
    Money total = null;
    for (Leg l : legs) {
      Bill b = finalBills.get(l.orderId());
      if (b == null) {
        throw new AggregationException("30010", "no final bill for order " + l.orderId() + " of " + l.name());
      }
      try {
        b.requireBalanced();
      } catch (RuntimeException e) {
        throw new AggregationException("30000", "the bill of " + l.orderId() + " does not balance: "
            + e.getMessage());
      }
      if (currency == null) {
        currency = b.currency();
        total = Money.zero(currency);
      } else if (!currency.equals(b.currency())) {
        throw new AggregationException("30000", "bills in " + currency + " and " + b.currency());
      }
      for (BillLine line : b.lines()) {
        lines.add(new Line(l.orderId(), l.offer().bppId(), l.offer().offer().providerId(), l.offer().offer().itemId(),
            line));
        total = total.plus(line.amount());
      }
    }
    if (total == null) {
      throw new AggregationException("30000", "a statement needs at least one leg");
    }
    return new ConsolidatedStatement(lines, total);
  }

  /** The currency. */
  public Currency currency() {
    return total.currency();
  }

  /** Totals by order id, in leg order. */
  public Map<String, Money> byLeg() {
    Map<String, Money> out = new LinkedHashMap<>();
    for (Line l : lines) {
      out.merge(l.orderId(), l.line().amount(), Money::plus);
    }
    return out;
  }

  /** Totals by kind of line ({@code capacity-reservation}, {@code energy-in}, …, {@code tax}). */
  public Map<BillLineKind, Money> byKind() {
    Map<BillLineKind, Money> out = new EnumMap<>(BillLineKind.class);
    for (Line l : lines) {
      out.merge(l.line().kind(), l.line().amount(), Money::plus);
    }
    return out;
  }

  /** Totals by provider id. */
  public Map<String, Money> byProvider() {
    Map<String, Money> out = new LinkedHashMap<>();
    for (Line l : lines) {
      out.merge(l.providerId(), l.line().amount(), Money::plus);
    }
    return out;
  }
}
