package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.model.Cancellation;
import org.dent.core.model.CancellationTerm;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fee;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.FulfillmentState;
import org.dent.core.model.Item;
import org.dent.core.model.Option;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.PaymentParams;
import org.dent.core.model.Price;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Scalar;
import org.dent.core.model.TagGroup;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageState;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * Turns quotes and contract readings into the profile's wire orders (worked messages 04, 06, 08, 10, 12, 13, 15);
 * every tag group is written by its typed view.
 */
final class OrderWire {
  private OrderWire() {}

  static Order quoteOrder(Fleet fleet, Quote q, boolean withTerms) {
    Terms t = q.terms();
    Order.Builder b = base(fleet, t, null, null, null)
        .quote(q.estimate().toQuotation(q.ttl()));
    if (withTerms) {
      b.billing(t.billing()).payments(payments(fleet, t, q.estimate()))
          .cancellationTerms(cancellationTerms(t.asset(), t.window()));
      if (t.thresholdsGiven()) {
        b.tags(List.of(t.thresholds().toTagGroup()));
      }
    }
    return b.build();
  }

  /** A confirmed order as it stands in {@code s}; {@code fulfillmentTags} go on its fulfillment. */
  static Order contractOrder(Fleet fleet, Snapshot s, List<TagGroup> fulfillmentTags) {
    Terms t = s.terms();
    List<TagGroup> orderTags = new ArrayList<>();
    orderTags.add(new AlertThresholds(t.thresholds().high(), t.thresholds().low()).toTagGroup());
    if (s.settlement() != null) {
      orderTags.add(s.settlement().toTagGroup());
    }
    Order.Builder b = base(fleet, t, s.state(), s.updatedAt(), fulfillmentTags).id(s.orderId()).status(s.status())
        .quote(s.bill().toQuotation(null))
        .billing(t.billing()).payments(payments(fleet, t, s.bill()))
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
    tags.add(s.telemetry().toTagGroup());
    if (s.receipt() != null) {
      tags.add(s.receipt().toTagGroup());
    }
    if (s.alert() != null) {
      tags.add(s.alert().toTagGroup());
    }
    if (s.schedule() != null) {
      tags.add(s.schedule().toTagGroup());
    }
    return tags;
  }

  /**
   * The reservation as {@link StorageOrder#toOrder()} writes it, its item carrying the asset's {@code storage-spec}
   * and {@code pricing}, its fulfillment the state and {@code tags} when given.
   */
  static Order.Builder base(Fleet fleet, Terms t, @Nullable StorageState state, @Nullable Instant stateAt,
      @Nullable List<TagGroup> tags) {
    Order o = new StorageOrder(fleet.providerId(), t.asset().id(), t.energy(), t.window(), t.fulfillmentId())
        .toOrder();
    Item item = o.items().get(0).toBuilder()
        .tags(List.of(t.asset().spec().toTagGroup(), t.asset().pricing().toTagGroup())).build();
    Fulfillment.Builder f = o.fulfillments().get(0).toBuilder();
    if (state != null) {
      f.state(state.toState(stateAt));
    }
    if (tags != null && !tags.isEmpty()) {
      f.tags(tags);
    }
    return o.toBuilder().items(List.of(item)).fulfillments(List.of(f.build()));
  }

  static QuantityValue measure(Energy e) {
    return QuantityValue.builder().measure(Scalar.builder().value(e.value().toPlainString())
        .unit(e.unit().symbol()).build()).build();
  }

  static Time range(TimeWindow w) {
    return Time.builder().range(TimeRange.builder().start(WireTime.format(w.start()))
        .end(WireTime.format(w.end())).build()).build();
  }

  /** RESERVED until {@code cancel_by} free, RESERVED and HOLDING (and running transfers if allowed) for the fee. */
  static List<CancellationTerm> cancellationTerms(AssetSpec a, TimeWindow w) {
    CancellationPolicy p = a.cancellation();
    String currency = a.currency().getCurrencyCode();
    List<CancellationTerm> terms = new ArrayList<>();
    terms.add(term(StorageState.RESERVED, WireTime.format(p.cancelBy(w)), BigDecimal.ZERO, currency));
    terms.add(term(StorageState.RESERVED, null, p.fee(), currency));
    terms.add(term(StorageState.HOLDING, null, p.fee(), currency));
    if (p.allowDuringTransfer()) {
      terms.add(term(StorageState.CHARGING, null, p.fee(), currency));
      terms.add(term(StorageState.DISCHARGING, null, p.fee(), currency));
    }
    return terms;
  }

  private static CancellationTerm term(StorageState state, @Nullable String cancelBy, BigDecimal fee,
      String currency) {
    return CancellationTerm.builder()
        .fulfillmentState(FulfillmentState.builder().descriptor(Descriptor.builder().code(state.code()).build())
            .build())
        .cancelBy(cancelBy == null ? null : Time.builder().timestamp(cancelBy).build())
        .cancellationFee(Fee.builder().amount(Price.builder().currency(currency)
            .value(fee.setScale(2, Bills.ROUNDING).toPlainString()).build()).build())
        .build();
  }

  /** The BAP's payments with this bill's amount, status {@code NOT-PAID} and the operator's bank details. */
  static List<Payment> payments(Fleet fleet, Terms t, Bill bill) {
    List<Payment> out = new ArrayList<>();
    for (Payment p : t.payments()) {
      PaymentParams params = (p.params() == null ? PaymentParams.builder() : p.params().toBuilder())
          .currency(bill.currency().getCurrencyCode()).amount(bill.total().value())
          .bankCode(fleet.bankCode()).bankAccountNumber(fleet.bankAccountNumber()).build();
      out.add(p.toBuilder().status("NOT-PAID").params(params).build());
    }
    return out;
  }
}
