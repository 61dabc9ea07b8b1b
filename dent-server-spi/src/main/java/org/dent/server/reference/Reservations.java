package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.view.StorageState;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.dent.server.spi.BusinessException;
import org.dent.server.spi.RequestContext;

/**
 * {@code select}, {@code init}, {@code confirm} and {@code cancel} of the reference operator. Quotes reserve
 * nothing; {@code confirm} re-checks and reserves under the asset's lock, once per transaction.
 */
final class Reservations {
  private final OperatorState state;

  Reservations(OperatorState state) {
    this.state = state;
  }

  /** Quotes what is free now: the requested energy, or less when less is free (a partial grant). */
  Quote quote(Order order, RequestContext ctx, boolean checkPayments) {
    Instant now = state.now();
    OrderRequest r = OrderRequest.read(order, state.fleet, state.assets);
    if (checkPayments) {
      checkPayments(r.payments());
    }
    checkWindow(r.asset(), r.window(), now);
    AssetBook book = state.books.get(r.asset().id());
    if (book == null) { // retired or faulted while this request was read
      throw new BusinessException(ErrorCode.ITEM_NOT_FOUND, "item " + r.asset().id() + " is no longer offered",
          List.of("/message/order/items/0/id"));
    }
    BigDecimal free = state.atomically(book, () -> book.freeKwh(r.window()));
    if (free.signum() <= 0) {
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "no capacity of " + r.asset().id()
          + " is free throughout " + r.window(), List.of("/message/order/items/0"));
    }
    Energy granted = free.compareTo(r.energy().in(org.dent.core.units.EnergyUnit.KWH)) >= 0 ? r.energy()
        : WireText.exactKwh(free);
    Terms terms = r.terms().withEnergy(granted);
    Duration ttl = state.fleet.quoteTtl();
    Quote q = new Quote(ctx.bapId(), ctx.transactionId(), terms, terms.estimate(state.billing), ttl,
        now.plus(state.simulated(ttl)));
    state.putQuote(q);
    return q;
  }

  /** Reserves the transaction's quote atomically; a repeated confirm answers with the order already made. */
  Snapshot confirm(Order order, RequestContext ctx) {
    Instant now = state.now();
    String existing = state.confirmedOrder(ctx.bapId(), ctx.transactionId());
    if (existing == null) {
      OrderRequest r = OrderRequest.read(order, state.fleet, state.assets);
      checkPayments(r.payments());
      existing = reserve(r, ctx, now);
    }
    Contract c = state.find(existing);
    if (c == null) {
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the order of this transaction is gone",
          List.of("/message/order"));
    }
    List<Snapshot> events = new ArrayList<>();
    Snapshot s = state.atomically(c.book, c, () -> {
      c.advance(now, events);
      return c.snapshot(now, null, null);
    });
    state.dispatch(events);
    return s;
  }

  private String reserve(OrderRequest r, RequestContext ctx, Instant now) {
    Quote q = state.quote(ctx.bapId(), ctx.transactionId());
    if (q == null) {
      throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "no quote for this transaction: select or init first",
          List.of("/message/order"));
    }
    if (now.isAfter(q.expiresAt())) {
      throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "the quote expired at "
          + WireTime.format(q.expiresAt()) + "; select again", List.of("/message/order/quote"));
    }
    Terms quoted = q.terms();
    if (!quoted.asset().id().equals(r.asset().id()) || !quoted.energy().equals(r.energy())
        || !quoted.window().equals(r.window())) {
      throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "the order differs from the quote (" + quoted.asset().id()
          + ", " + quoted.energy() + ", " + quoted.window() + "); select again", List.of("/message/order/items/0"));
    }
    checkWindow(r.asset(), r.window(), now);
    Terms terms = new Terms(quoted.asset(), r.fulfillmentId(), quoted.energy(), quoted.window(),
        r.billing() != null ? r.billing() : quoted.billing(), r.payments().isEmpty() ? quoted.payments()
        : r.payments(), r.thresholdsGiven() ? r.thresholds() : quoted.thresholds(),
        r.thresholdsGiven() || quoted.thresholdsGiven());
    AssetBook book = state.books.get(terms.asset().id());
    if (book == null) {
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the capacity of " + terms.asset().id()
          + " is no longer offered", List.of("/message/order/items/0"));
    }
    String orderId = state.fleet.providerId() + "-ord-" + UUID.randomUUID();
    String key = Quote.key(ctx.bapId(), ctx.transactionId());
    try {
      return state.atomically(book, () -> {
      String other = state.confirmed.get(key);
      if (other != null) {
        return other; // a concurrent confirm of this transaction, here or on another instance, won
      }
      if (!book.closed && !book.sells(terms.asset())) {
        throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "asset " + book.spec.id() + " changed since the quote; "
            + "select again", List.of("/message/order/quote"));
      }
      if (!book.tryReserve(terms.window(), terms.energyKwh())) {
        throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the capacity of " + book.spec.id()
            + " throughout " + terms.window() + " is no longer available (" + WireText.energy(book.freeKwh(
            terms.window())) + " free)", List.of("/message/order/items/0"));
      }
      Contract c = new Contract(orderId, ctx.bapId(), ctx.transactionId(), terms, book, now, state.hysteresis,
          state.billing);
      book.add(c);
      state.active.add(book);
      state.orders.put(orderId, c);
      state.confirmed.put(key, orderId);
      return orderId;
      });
    } catch (RuntimeException e) {
      state.confirmed.remove(key, orderId);
      state.orders.remove(orderId);
      throw e;
    }
  }

  /** Cancels under the asset's cancellation terms and settles; the final reading is returned. */
  Snapshot cancel(CancelRequest.Message m, RequestContext ctx) {
    Instant now = state.now();
    Contract c = state.contract(m == null ? null : m.orderId(), ctx.bapId(), "/message/order_id");
    List<Snapshot> events = new ArrayList<>();
    Snapshot last = state.atomically(c.book, c, () -> {
      c.advance(now, events);
      CancellationPolicy policy = c.terms.asset().cancellation();
      Optional<BigDecimal> fee = policy.feeAt(c.phase, now, c.terms.window());
      if (fee.isEmpty()) {
        throw new BusinessException(ErrorCode.CANCELLATION_REFUSED, "cancellation refused by the terms: the "
            + "contract is " + c.phase, List.of("/message/order_id"));
      }
      boolean free = now.isBefore(policy.cancelBy(c.terms.window()));
      c.cancelledAt = now;
      c.cancelReasonId = m.cancellationReasonId();
      return c.end(now, StorageState.CANCELLED, fee.get(), !free, events);
    });
    state.dispatch(events);
    return last;
  }

  private void checkPayments(List<Payment> payments) {
    for (int i = 0; i < payments.size(); i++) {
      Payment p = payments.get(i);
      int g = p == null ? -1 : ProfileTags.indexOf(p.tags(), TagGroup.PAYMENT_TERMS);
      if (g < 0) {
        continue;
      }
      String method = ProfileTags.value(p.tags().get(g), "method");
      if (method != null && !state.fleet.paymentMethods().contains(method)) {
        throw new BusinessException(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, "payment method " + method
            + " is not accepted; accepted: " + String.join(", ", new java.util.TreeSet<>(
            state.fleet.paymentMethods())), List.of("/message/order/payments/" + i + "/tags/" + g));
      }
    }
  }

  /**
   * A reservation window is aligned to the asset's slots and has not ended.
   *
   * @throws BusinessException {@code 50002} {@code OFF_GRANULARITY} or {@code OUTSIDE_WINDOW}
   */
  static void checkWindow(AssetSpec asset, TimeWindow window, Instant now) {
    if (!window.isAlignedTo(asset.slotGranularity())) {
      throw BusinessException.transferRefused("OFF_GRANULARITY", "window " + window + " does not start and end on "
          + asset.slotGranularity() + " slots of " + asset.id(), "/message/order/fulfillments");
    }
    if (!window.end().isAfter(now)) {
      throw BusinessException.transferRefused("OUTSIDE_WINDOW", "window " + window + " has already ended",
          "/message/order/fulfillments");
    }
  }
}
