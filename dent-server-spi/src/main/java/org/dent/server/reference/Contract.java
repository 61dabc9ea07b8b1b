package org.dent.server.reference;

import org.dent.server.spi.BillingHandler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.ResidualPolicy;
import org.dent.core.profile.view.Settlement;
import org.dent.core.profile.view.StorageState;
import org.dent.core.units.StateOfCharge;
import org.jspecify.annotations.Nullable;

/**
 * The live state of one confirmed order and its physics. Every field is guarded by the lock of the contract's
 * {@link AssetBook}; nothing here is thread-safe on its own.
 *
 * <p>Physics, in kWh at scale {@value #SCALE} (1 µWh): a charge step moves {@code e = min(P·dt, remaining,
 * headroom ÷ √η)} from the grid and stores {@code e·√η} (rounded down), the rest is charge loss; a discharge step
 * delivers {@code e = min(P·dt, remaining, stored·√η)} and withdraws {@code e ÷ √η} (rounded up, at most what is
 * stored), the difference is discharge loss; while no transfer runs the store loses {@code stored ×
 * self-discharge-per-day × dt ÷ 1 day}. Stored energy therefore never exceeds the reserved energy nor drops below
 * zero, and {@code stored = in − chargeLoss − out − dischargeLoss − selfDischarge − boughtBack} holds exactly.
 * Steps are at most {@link #MAX_TRANSFER_STEP} while a transfer runs and {@link #MAX_HOLD_STEP} otherwise, so
 * threshold alerts are timed to within one step.
 */
final class Contract {
  private final BillingHandler billing;

  static final int SCALE = 9;
  static final Duration MAX_TRANSFER_STEP = Duration.ofSeconds(60);
  static final Duration MAX_HOLD_STEP = Duration.ofHours(1);
  private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);
  private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400_000_000_000L);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  final String orderId;
  final String bapId;
  final String transactionId;
  final Instant createdAt;
  final AssetBook book;
  private final BigDecimal hysteresis;

  Terms terms;
  StorageState phase = StorageState.RESERVED;
  BigDecimal stored = ZERO;
  BigDecimal inKwh = ZERO;
  BigDecimal outKwh = ZERO;
  BigDecimal chargeLoss = ZERO;
  BigDecimal dischargeLoss = ZERO;
  BigDecimal selfDischarge = ZERO;
  BigDecimal boughtBack = ZERO;
  @Nullable Transfer transfer;
  Instant steppedTo;
  Instant updatedAt;
  long seq;
  boolean highArmed = true;
  boolean lowArmed;
  /** Simulated time of the last periodic telemetry; a transfer ran since then when {@link #busy}. */
  Instant lastTelemetryAt;
  boolean busy;
  @Nullable Bill finalBill;
  @Nullable Settlement settlement;
  @Nullable Instant cancelledAt;
  @Nullable String cancelReasonId;
  /** What the store holds of this contract, and the {@link #fingerprint} it was written at. */
  org.dent.server.store.@Nullable ContractRecord saved;
  private java.util.@Nullable List<Object> savedFingerprint;
  /** The terms before each modification (pro-rated capacity billing). */
  final CapacityHistory history = new CapacityHistory();
  /** ∫ stored energy dt so far, kWh·h (trapezoids over the physics steps): the energy-hours used. */
  BigDecimal storedKwhHours = ZERO;

  Contract(String orderId, String bapId, String transactionId, Terms terms, AssetBook book, Instant now,
      BigDecimal hysteresis, BillingHandler billing) {
    this.billing = billing;
    this.orderId = orderId;
    this.bapId = bapId;
    this.transactionId = transactionId;
    this.terms = terms;
    this.book = book;
    this.createdAt = now;
    this.updatedAt = now;
    this.steppedTo = now;
    this.lastTelemetryAt = now;
    this.hysteresis = hysteresis;
  }

  /** Runs the physics up to {@code to} (never backwards), adding a snapshot per event to {@code events}. */
  void advance(Instant to, List<Snapshot> events) {
    if (phase.isFinal() || !to.isAfter(steppedTo)) {
      return;
    }
    Instant windowEnd = terms.window().end();
    Instant limit = to.isBefore(windowEnd) ? to : windowEnd;
    Instant t = steppedTo;
    while (t.isBefore(limit)) {
      BigDecimal storedBefore = stored;
      Instant stepFrom = t;
      Transfer tr = transfer;
      if (tr != null && !t.isBefore(tr.start)) {
        if (!transferring(phase)) {
          phase = tr.charge() ? StorageState.CHARGING : StorageState.DISCHARGING;
          updatedAt = t;
          events.add(snapshot(t, null, null));
        }
        busy = true;
        Instant segEnd = min(limit, t.plus(MAX_TRANSFER_STEP));
        Instant reached = step(tr, t, segEnd);
        if (reached != null) {
          finishTransfer(reached, events);
          t = reached;
        } else {
          t = segEnd;
        }
      } else {
        Instant segEnd = min(limit, t.plus(MAX_HOLD_STEP));
        if (tr != null && tr.start.isBefore(segEnd)) {
          segEnd = tr.start;
        }
        hold(t, segEnd);
        t = segEnd;
      }
      storedKwhHours = storedKwhHours.add(storedBefore.add(stored).multiply(BigDecimal.valueOf(
          Duration.between(stepFrom, t).toNanos())).divide(NANOS_PER_HOUR.add(NANOS_PER_HOUR), SCALE,
          RoundingMode.HALF_EVEN));
      thresholds(t, events);
    }
    steppedTo = limit;
    if (!to.isBefore(windowEnd)) {
      events.add(end(windowEnd, StorageState.COMPLETED, null, true, events));
    }
  }

  /** One transfer step over {@code [t, segEnd)}; returns when the transfer finished, or null if it goes on. */
  private @Nullable Instant step(Transfer tr, Instant t, Instant segEnd) {
    BigDecimal sqrt = book.sqrtEta;
    long nanos = Duration.between(t, segEnd).toNanos();
    // cumulative, so per-step rounding never adds up: while only the power limits it, done = P × (t − start)
    BigDecimal maxGrid = tr.powerKw.multiply(BigDecimal.valueOf(Duration.between(tr.start, segEnd).toNanos()))
        .divide(NANOS_PER_HOUR, SCALE, RoundingMode.HALF_EVEN).subtract(tr.doneKwh).max(BigDecimal.ZERO);
    BigDecimal remaining = tr.remainingKwh();
    BigDecimal e;
    if (tr.charge()) {
      BigDecimal headroom = terms.energyKwh().subtract(stored).max(BigDecimal.ZERO)
          .divide(sqrt, SCALE, RoundingMode.DOWN);
      e = maxGrid.min(remaining).min(headroom);
      BigDecimal gain = e.multiply(sqrt).setScale(SCALE, RoundingMode.DOWN);
      stored = stored.add(gain);
      inKwh = inKwh.add(e);
      chargeLoss = chargeLoss.add(e.subtract(gain));
      tr.lossKwh = tr.lossKwh.add(e.subtract(gain));
    } else {
      BigDecimal available = stored.multiply(sqrt).setScale(SCALE, RoundingMode.DOWN);
      e = maxGrid.min(remaining).min(available);
      BigDecimal withdrawn = e.divide(sqrt, SCALE, RoundingMode.UP).min(stored);
      stored = stored.subtract(withdrawn);
      outKwh = outKwh.add(e);
      dischargeLoss = dischargeLoss.add(withdrawn.subtract(e));
      tr.lossKwh = tr.lossKwh.add(withdrawn.subtract(e));
    }
    tr.doneKwh = tr.doneKwh.add(e);
    if (e.compareTo(remaining) == 0 || e.compareTo(maxGrid) < 0) {
      // done = P × (finish − start) while only the power limited the flow
      long used = tr.doneKwh.multiply(NANOS_PER_HOUR).divide(tr.powerKw, 0, RoundingMode.HALF_EVEN).longValueExact();
      Instant done = tr.start.plusNanos(used);
      return done.isBefore(t) ? t : done.isAfter(segEnd) ? segEnd : done;
    }
    return null;
  }

  private void hold(Instant t, Instant segEnd) {
    BigDecimal rate = terms.asset().selfDischargePerDay();
    if (stored.signum() == 0 || rate.signum() == 0) {
      return;
    }
    long nanos = Duration.between(t, segEnd).toNanos();
    BigDecimal loss = stored.multiply(rate).multiply(BigDecimal.valueOf(nanos))
        .divide(NANOS_PER_DAY, SCALE, RoundingMode.HALF_EVEN).min(stored);
    stored = stored.subtract(loss);
    selfDischarge = selfDischarge.add(loss);
  }

  private void finishTransfer(Instant at, List<Snapshot> events) {
    Transfer tr = transfer;
    transfer = null;
    book.releasePower(tr);
    phase = idlePhase();
    updatedAt = at;
    lastTelemetryAt = at;
    busy = false;
    events.add(snapshot(at, tr.receipt(stored), Alert.transferComplete(WireText.energy(stored))));
  }

  private void thresholds(Instant t, List<Snapshot> events) {
    BigDecimal soc = soc();
    if (highArmed && soc.compareTo(terms.socHigh()) >= 0) {
      highArmed = false;
      events.add(snapshot(t, null, Alert.socHigh(terms.thresholds().high(), socOf(soc))));
    } else if (!highArmed && soc.compareTo(terms.socHigh().subtract(hysteresis)) < 0) {
      highArmed = true;
    }
    if (lowArmed && soc.compareTo(terms.socLow()) <= 0) {
      lowArmed = false;
      events.add(snapshot(t, null, Alert.socLow(terms.thresholds().low(), socOf(soc))));
    } else if (!lowArmed && soc.compareTo(terms.socLow().add(hysteresis)) > 0) {
      lowArmed = true;
    }
  }

  /**
   * Ends the contract at {@code at}: a running transfer is cut (with its receipt), the residual is settled per the
   * asset's policy, the final bill is made and the reservation released. Returns the final reading (not added
   * to {@code events}; a cut transfer's receipt is).
   */
  Snapshot end(Instant at, StorageState endPhase, @Nullable BigDecimal cancellationFee, boolean chargeContract,
      List<Snapshot> events) {
    if (transfer != null) {
      Transfer tr = transfer;
      transfer = null;
      book.releasePower(tr);
      if (!at.isBefore(tr.start)) {
        events.add(snapshot(at, tr.receipt(stored), null));
      }
    }
    BigDecimal residual = stored;
    ResidualTerms policy = terms.asset().residual();
    BigDecimal buyBackKwh = null;
    if (policy.policy() == ResidualPolicy.BUY_BACK) {
      boughtBack = boughtBack.add(residual);
      buyBackKwh = residual;
    } else {
      BigDecimal delivered = residual.multiply(book.sqrtEta).setScale(SCALE, RoundingMode.DOWN);
      outKwh = outKwh.add(delivered);
      dischargeLoss = dischargeLoss.add(residual.subtract(delivered));
    }
    stored = ZERO;
    settlement = new Settlement(WireText.energy(residual), policy.policy(), policy.buyBackPricePerKwh());
    finalBill = Bills.compute(billing, terms.asset(), terms.energyKwh(), terms.window().duration(),
        history.spans(terms, null), inKwh, outKwh, cancellationFee, buyBackKwh, chargeContract);
    phase = endPhase;
    steppedTo = at.isAfter(steppedTo) ? at : steppedTo;
    updatedAt = at;
    book.release(this);
    return snapshot(at, null, null);
  }

  /** Replaces the terms from {@code at} on (a modification); the old ones stay in the {@link #history}. */
  void modify(Terms next, Instant at) {
    history.changed(terms, at);
    terms = next;
    updatedAt = at;
  }

  StorageState idlePhase() {
    return stored.signum() > 0 ? StorageState.HOLDING : StorageState.RESERVED;
  }

  static boolean transferring(StorageState s) {
    return s == StorageState.CHARGING || s == StorageState.DISCHARGING;
  }

  private static StateOfCharge socOf(BigDecimal soc) {
    return StateOfCharge.of(soc.setScale(4, RoundingMode.HALF_EVEN).min(BigDecimal.ONE));
  }

  /** stored ÷ reserved. */
  BigDecimal soc() {
    return stored.divide(terms.energyKwh(), 6, RoundingMode.HALF_EVEN);
  }

  BigDecimal powerKw() {
    Transfer tr = transfer;
    if (tr == null || !transferring(phase)) {
      return BigDecimal.ZERO;
    }
    return tr.charge() ? tr.powerKw : tr.powerKw.negate();
  }

  Meters meters() {
    return new Meters(inKwh, outKwh, chargeLoss, dischargeLoss, selfDischarge, boughtBack);
  }

  /** A reading now, with the next {@code seq}. */
  Snapshot snapshot(Instant at, @Nullable Receipt receipt, @Nullable Alert alert) {
    Transfer tr = transfer;
    Bill bill = finalBill != null ? finalBill : Bills.estimate(billing, terms.asset(), terms.energyKwh(),
        terms.window().duration(), history.spans(terms, null));
    return new Snapshot(orderId, bapId, transactionId, terms, phase, stored, powerKw(), ++seq, at, createdAt,
        updatedAt, tr == null ? null : tr.schedule(), receipt, alert, bill, settlement, cancelledAt,
        cancelReasonId, meters());
  }

  /**
   * Changes whenever anything stored changes: every change of the meters or physics moves {@code steppedTo}, a
   * reading moves {@code seq}, a transfer, modification, cancellation or end changes the rest.
   */
  List<Object> fingerprint() {
    Transfer tr = transfer;
    return java.util.Arrays.asList(seq, steppedTo, updatedAt, lastTelemetryAt, phase, terms, tr,
        tr == null ? null : tr.doneKwh, stored, busy, highArmed, lowArmed, cancelledAt, history.changes(),
        storedKwhHours);
  }

  /** Whether something changed since {@link #stored} was last called. */
  boolean dirty() {
    return saved == null || !fingerprint().equals(savedFingerprint);
  }

  /** Records that the store now holds {@code record} of this contract. */
  void stored(org.dent.server.store.ContractRecord record) {
    saved = record;
    savedFingerprint = fingerprint();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
