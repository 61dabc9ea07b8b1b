package org.dent.server.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.model.BreakupLine;
import org.dent.core.model.Cancellation;
import org.dent.core.model.CancellationTerm;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fee;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.FulfillmentState;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Option;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.PaymentParams;
import org.dent.core.model.Price;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Quotation;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.model.TagGroup;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/** Turns quotes and contract snapshots into the profile's wire orders (worked messages 04, 06, 08, 10, 12, 13, 15). */
final class OrderWire {
  static final String FULFILLMENT_TYPE = "energy-storage";

  private OrderWire() {}

  static Order quoteOrder(Fleet fleet, Quote q, boolean withTerms) {
    Terms t = q.terms();
    Order.Builder b = Order.builder().provider(Provider.builder().id(fleet.providerId()).build())
        .items(List.of(item(t.asset(), t.energy())))
        .fulfillments(List.of(fulfillment(t, null, null, null)))
        .quote(quote(q.estimate(), t.asset().id(), Duration.between(q.issuedAt(), q.expiresAt())));
    if (withTerms) {
      b.billing(t.billing()).payments(payments(fleet, t, q.estimate()))
          .cancellationTerms(cancellationTerms(t.asset(), t.window()));
      if (t.thresholdsGiven()) {
        b.tags(List.of(thresholds(t)));
      }
    }
    return b.build();
  }

  /** A confirmed order as it stands in {@code s}; {@code fulfillmentTags} go on its fulfillment. */
  static Order contractOrder(Fleet fleet, Snapshot s, List<TagGroup> fulfillmentTags) {
    Terms t = s.terms();
    List<TagGroup> orderTags = new ArrayList<>();
    orderTags.add(thresholds(t));
    if (s.settlement() != null) {
      orderTags.add(settlement(s.settlement()));
    }
    Order.Builder b = Order.builder().id(s.orderId()).status(s.status())
        .provider(Provider.builder().id(fleet.providerId()).build())
        .items(List.of(item(t.asset(), t.energy())))
        .fulfillments(List.of(fulfillment(t, s.phase(), s.updatedAt(), fulfillmentTags)))
        .quote(quote(s.invoice(), t.asset().id(), null))
        .billing(t.billing()).payments(payments(fleet, t, s.invoice()))
        .cancellationTerms(cancellationTerms(t.asset(), t.window()))
        .tags(orderTags)
        .createdAt(WireTime.format(s.createdAt())).updatedAt(WireTime.format(s.updatedAt()));
    if (s.cancelledAt() != null) {
      b.cancellation(Cancellation.builder().time(WireTime.format(s.cancelledAt())).cancelledBy("CONSUMER")
          .reason(s.cancelReasonId() == null ? null : Option.builder().id(s.cancelReasonId()).build()).build());
    }
    return b.build();
  }

  /** The fulfillment tags of a reading: telemetry, then its receipt and alert, then the transfer schedule. */
  static List<TagGroup> readingTags(Snapshot s) {
    List<TagGroup> tags = new ArrayList<>();
    tags.add(telemetry(s));
    if (s.receipt() != null) {
      tags.add(receipt(s.receipt()));
    }
    if (s.alert() != null) {
      tags.add(alert(s.alert()));
    }
    if (s.schedule() != null) {
      tags.add(schedule(s.schedule()));
    }
    return tags;
  }

  static Item item(AssetSpec a, Energy selected) {
    return Item.builder().id(a.id())
        .quantity(ItemQuantity.builder().selected(measure(selected)).build())
        .tags(List.of(spec(a), pricing(a.tariff()))).build();
  }

  static QuantityValue measure(Energy e) {
    return QuantityValue.builder().measure(Scalar.builder().value(e.value().toPlainString())
        .unit(e.unit().symbol()).build()).build();
  }

  static TagGroup spec(AssetSpec a) {
    return Tags.group("storage-spec", "technology", a.technology(), "capacity", a.capacity().format(),
        "max-charge-power", a.maxChargePower().format(), "max-discharge-power", a.maxDischargePower().format(),
        "round-trip-efficiency", a.roundTripEfficiency().toPlainString(),
        "self-discharge-per-day", a.selfDischargePerDay().toPlainString(), "min-soc", a.minSoc().toPlainString(),
        "max-soc", a.maxSoc().toPlainString(), "slot-granularity", a.slotGranularity().toString());
  }

  static TagGroup pricing(Tariff t) {
    boolean cap = t.has(Tariff.Component.CAPACITY_TIME);
    boolean thr = t.has(Tariff.Component.ENERGY_THROUGHPUT);
    boolean fix = t.has(Tariff.Component.FIXED);
    return Tags.group("pricing", "model", t.modelText(), "currency", t.currency().getCurrencyCode(),
        "capacity-price-per-kwh-day", cap ? t.capacityPricePerKwhDay().toPlainString() : null,
        "energy-in-price-per-kwh", thr ? t.energyInPricePerKwh().toPlainString() : null,
        "energy-out-price-per-kwh", thr ? t.energyOutPricePerKwh().toPlainString() : null,
        "fixed-fee", fix ? t.fixedFee().toPlainString() : null, "tax-rate", t.taxRate().toPlainString());
  }

  static Fulfillment fulfillment(Terms t, @Nullable Phase phase, @Nullable Instant stateAt,
      @Nullable List<TagGroup> tags) {
    Fulfillment.Builder b = Fulfillment.builder().id(t.fulfillmentId()).type(FULFILLMENT_TYPE)
        .stops(List.of(Stop.builder().type("start").time(range(t.window())).build()));
    if (phase != null) {
      b.state(FulfillmentState.builder().descriptor(Descriptor.builder().code(phase.name()).build())
          .updatedAt(stateAt == null ? null : WireTime.format(stateAt)).build());
    }
    if (tags != null && !tags.isEmpty()) {
      b.tags(tags);
    }
    return b.build();
  }

  static Time range(TimeWindow w) {
    return Time.builder().range(TimeRange.builder().start(WireTime.format(w.start()))
        .end(WireTime.format(w.end())).build()).build();
  }

  static Quotation quote(Invoice inv, String itemId, @Nullable Duration ttl) {
    String currency = inv.currency().getCurrencyCode();
    List<BreakupLine> lines = new ArrayList<>();
    for (Invoice.Line l : inv.lines()) {
      lines.add(BreakupLine.builder().title(l.title())
          .item(l.title().equals(Invoice.TAX) ? null : Item.builder().id(itemId).build())
          .price(Price.builder().currency(currency).value(l.amount().value()).build()).build());
    }
    return Quotation.builder().price(Price.builder().currency(currency).value(inv.total().value()).build())
        .breakup(lines).ttl(ttl == null ? null : ttl.toString()).build();
  }

  static List<CancellationTerm> cancellationTerms(AssetSpec a, TimeWindow w) {
    CancellationPolicy p = a.cancellation();
    String currency = a.tariff().currency().getCurrencyCode();
    List<CancellationTerm> terms = new ArrayList<>();
    terms.add(term("RESERVED", WireTime.format(p.cancelBy(w)), "0.00", currency));
    terms.add(term("RESERVED", null, money(p.fee()), currency));
    terms.add(term("HOLDING", null, money(p.fee()), currency));
    if (p.allowDuringTransfer()) {
      terms.add(term("CHARGING", null, money(p.fee()), currency));
      terms.add(term("DISCHARGING", null, money(p.fee()), currency));
    }
    return terms;
  }

  private static CancellationTerm term(String state, @Nullable String cancelBy, String fee, String currency) {
    return CancellationTerm.builder()
        .fulfillmentState(FulfillmentState.builder().descriptor(Descriptor.builder().code(state).build()).build())
        .cancelBy(cancelBy == null ? null : Time.builder().timestamp(cancelBy).build())
        .cancellationFee(Fee.builder().amount(Price.builder().currency(currency).value(fee).build()).build())
        .build();
  }

  private static String money(java.math.BigDecimal v) {
    return v.setScale(2, Invoice.ROUNDING).toPlainString();
  }

  static List<Payment> payments(Fleet fleet, Terms t, Invoice inv) {
    List<Payment> out = new ArrayList<>();
    for (Payment p : t.payments()) {
      PaymentParams params = (p.params() == null ? PaymentParams.builder() : p.params().toBuilder())
          .currency(inv.currency().getCurrencyCode()).amount(inv.total().value())
          .bankCode(fleet.bankCode()).bankAccountNumber(fleet.bankAccountNumber()).build();
      out.add(p.toBuilder().status("NOT-PAID").params(params).build());
    }
    return out;
  }

  static TagGroup thresholds(Terms t) {
    return Tags.group("alert-thresholds", "soc-high", t.socHigh().toPlainString(),
        "soc-low", t.socLow().toPlainString());
  }

  static TagGroup telemetry(Snapshot s) {
    return Tags.group("storage-telemetry", "stored-energy", WireText.kwh(s.storedKwh()),
        "withdrawable-energy", WireText.kwh(s.withdrawableKwh()),
        "soc", WireText.soc(s.storedKwh().divide(s.terms().energyKwh(), 6, java.math.RoundingMode.HALF_EVEN)),
        "power", WireText.kw(s.powerKw()), "seq", Long.toString(s.seq()),
        "measured-at", WireTime.format(s.measuredAt()));
  }

  static TagGroup receipt(Events.Receipt r) {
    boolean charge = r.direction() == Transfer.Direction.CHARGE;
    return Tags.group("storage-receipt", "direction", r.direction().wire,
        charge ? "energy-in" : "energy-out", r.energy().format(), "losses", WireText.kwh(r.lossesKwh()),
        "stored-energy", WireText.kwh(r.storedKwh()));
  }

  static TagGroup alert(Events.Alert a) {
    return Tags.group("alert", "code", a.code(), "threshold", a.threshold(), "value", a.value());
  }

  static TagGroup settlement(Events.Settlement s) {
    ResidualPolicy p = s.policy();
    return Tags.group("settlement", "residual-energy", WireText.kwh(s.residualKwh()), "residual-policy",
        p.kind().token(), "buy-back-price-per-kwh",
        p.buyBackPricePerKwh() == null ? null : p.buyBackPricePerKwh().toPlainString());
  }

  static TagGroup schedule(Transfer.Schedule s) {
    return Tags.group("transfer-schedule", "direction", s.direction().wire, "energy", s.energy().format(),
        "power", s.power().format(), "start", WireTime.format(s.start()), "end", WireTime.format(s.end()));
  }
}
