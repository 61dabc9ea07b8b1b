package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.units.TimeWindow;

/**
 * The books of one asset: reserved energy over time, scheduled charge and discharge power over time, and the live
 * contracts. One lock guards all of it and the contracts' state; no method takes another asset's lock, so there is
 * no lock ordering to get wrong.
 *
 * <p>Invariant (checked by {@link #tryReserve} under the lock): at every instant the reserved energy of overlapping
 * contracts is at most the usable capacity, and scheduled power is at most the rating in each direction.
 */
final class AssetBook {
  /** Replaced only by {@link #relist} (same physics and site); the derived figures below never change. */
  volatile AssetSpec spec;
  final BigDecimal sqrtEta;
  final BigDecimal usableKwh;
  final BigDecimal maxChargeKw;
  final BigDecimal maxDischargeKw;
  final ReentrantLock lock = new ReentrantLock();
  final StepLedger reserved = new StepLedger();
  final StepLedger charging = new StepLedger();
  final StepLedger discharging = new StepLedger();
  private final Map<String, Contract> live = new LinkedHashMap<>();
  private final List<Contract> changed = new ArrayList<>();
  /** The store's version of this asset these books reflect; -1: read them from the store first. Under the lock. */
  long version = -1;
  /** The asset's catalog item without the per-search figures, for the spec it was built from; racy but idempotent. */
  volatile @org.jspecify.annotations.Nullable OfferTemplate offerTemplate;
  /** Set by {@link OperatorAdmin} under the lock when the asset is retired, replaced or faulted: nothing more is booked. */
  boolean closed;

  /** A catalog item built from {@code spec}. */
  record OfferTemplate(AssetSpec spec, org.dent.core.model.Item item) {}

  AssetBook(AssetSpec spec) {
    this.spec = spec;
    this.sqrtEta = spec.sqrtEfficiency();
    this.usableKwh = spec.usableKwh();
    this.maxChargeKw = spec.maxChargeKw();
    this.maxDischargeKw = spec.maxDischargeKw();
  }

  /** Energy still free throughout {@code window}, never negative. Caller holds the lock (or accepts a stale read). */
  BigDecimal freeKwh(TimeWindow window) {
    return usableKwh.subtract(reserved.max(window.start(), window.end())).max(BigDecimal.ZERO);
  }

  /** Reserves {@code kwh} over {@code window} if it fits; caller holds the lock. */
  boolean tryReserve(TimeWindow window, BigDecimal kwh) {
    if (closed || freeKwh(window).compareTo(kwh) < 0) {
      return false;
    }
    reserved.add(window.start(), window.end(), kwh);
    return true;
  }

  /** Power still free in one direction throughout {@code [start, end)}. */
  BigDecimal freePowerKw(TransferDirection direction, java.time.Instant start, java.time.Instant end) {
    StepLedger l = direction == TransferDirection.CHARGE ? charging : discharging;
    BigDecimal rating = direction == TransferDirection.CHARGE ? maxChargeKw : maxDischargeKw;
    return rating.subtract(l.max(start, end)).max(BigDecimal.ZERO);
  }

  void bookPower(Transfer tr) {
    (tr.direction == TransferDirection.CHARGE ? charging : discharging).add(tr.start, tr.plannedEnd, tr.powerKw);
  }

  void releasePower(Transfer tr) {
    (tr.direction == TransferDirection.CHARGE ? charging : discharging)
        .add(tr.start, tr.plannedEnd, tr.powerKw.negate());
  }

  void add(Contract c) {
    live.put(c.orderId, c);
    changed.add(c);
  }

  /** Contracts added or released since {@link #drainChanged} was last called: they need writing to the store. */
  List<Contract> drainChanged() {
    List<Contract> out = new ArrayList<>(changed);
    changed.clear();
    return out;
  }

  /** Removes an ended contract and its reservation. */
  void release(Contract c) {
    changed.add(c);
    if (live.remove(c.orderId) != null) {
      reserved.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh().negate());
    }
  }

  /** Forgets every contract and booking, before the books are read again from the store. */
  void reset() {
    live.clear();
    changed.clear();
    reserved.clear();
    charging.clear();
    discharging.clear();
  }

  /** Sets whether {@code c} is live, as read from the store (no booking: see {@link #rebook}). */
  void restoreLive(Contract c, boolean isLive) {
    if (isLive) {
      live.put(c.orderId, c);
    } else {
      live.remove(c.orderId);
    }
  }

  /** Books the reservations and transfer power of the live contracts again from scratch. */
  void rebook() {
    reserved.clear();
    charging.clear();
    discharging.clear();
    for (Contract c : live.values()) {
      reserved.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh());
      if (c.transfer != null) {
        bookPower(c.transfer);
      }
    }
  }

  /** New commercial terms (same physics and site); caller holds the lock. */
  void relist(AssetSpec newSpec) {
    if (!newSpec.spec().equals(spec.spec()) || !newSpec.site().equals(spec.site())) {
      throw new IllegalArgumentException("relist keeps the physics and the site");
    }
    spec = newSpec;
    offerTemplate = null;
  }

  /** Whether a quote made on {@code quoted} can still be booked here: open, same physics and site. */
  boolean sells(AssetSpec quoted) {
    return !closed && quoted.spec().equals(spec.spec()) && quoted.site().equals(spec.site());
  }

  boolean hasLive() {
    return !live.isEmpty();
  }

  List<Contract> live() {
    return new ArrayList<>(live.values());
  }
}
