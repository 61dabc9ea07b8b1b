package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Order;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.dent.core.profile.view.ContractModification;
import org.dent.server.spi.BusinessException;
import org.dent.server.spi.ModificationRequests;
import org.dent.server.spi.RequestContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code update} (transfer requests and contract modifications) and the readings behind {@code status} and
 * {@code track}. Every check and change happens under the asset's lock after the contract has been brought up to
 * the operator clock, so a refusal leaves the contract exactly as it was.
 */
final class Transfers {
  static final String ITEMS = "order.items";
  static final String FULFILLMENTS = "order.fulfillments";
  private static final String ORDER = "/message/order";
  private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400_000_000_000L);

  private final OperatorState state;

  Transfers(OperatorState state) {
    this.state = state;
  }

  /** The answer to an update: the reading after it and whether it scheduled a transfer. */
  record Result(Snapshot snapshot, boolean transfer) {}

  /** The contract's reading now. */
  Snapshot reading(@Nullable String orderId, RequestContext ctx) {
    Instant now = state.now();
    Contract c = state.contract(orderId, ctx.bapId(), "/message/order_id");
    List<Snapshot> events = new ArrayList<>();
    Snapshot s = state.atomically(c.book, c, () -> {
      c.advance(now, events);
      return c.snapshot(now, null, null);
    });
    state.dispatch(events);
    return s;
  }

  Result update(UpdateRequest.Message m, RequestContext ctx) {
    Order order = m.order();
    Contract c = state.contract(order == null ? null : order.id(), ctx.bapId(), ORDER + "/id");
    Set<String> targets = targets(m.updateTarget());
    List<Fulfillment> fs = order.fulfillments() == null ? List.of() : order.fulfillments();
    for (int i = 0; i < fs.size(); i++) {
      int g = fs.get(i) == null ? -1 : ProfileTags.indexOf(fs.get(i).tags(), TagGroup.TRANSFER_REQUEST);
      if (g >= 0) {
        if (!targets.equals(Set.of(FULFILLMENTS)) || order.items() != null && !order.items().isEmpty()) {
          throw new BusinessException(ErrorCode.UPDATE_BEYOND_TARGET, "a transfer request updates "
              + FULFILLMENTS + " only", List.of("/message/update_target"));
        }
        String path = ORDER + "/fulfillments/" + i + "/tags/" + g;
        return transfer(c, fs.get(i).tags().get(g), path);
      }
    }
    return modify(ModificationRequests.read(m), ctx);
  }

  private Result transfer(Contract c, org.dent.core.model.TagGroup group, String path) {
    TransferRequest req;
    try {
      req = TransferRequest.from(group);
    } catch (ProfileException e) {
      throw e.under(path);
    }
    Instant now = state.now();
    List<Snapshot> events = new ArrayList<>();
    Snapshot s = state.atomically(c.book, c, () -> {
      c.advance(now, events);
      Transfer tr = check(c, req, now, path);
      c.transfer = tr;
      c.book.bookPower(tr);
      c.updatedAt = now;
      return c.snapshot(now, null, null);
    });
    state.dispatch(events);
    return new Result(s, true);
  }

  /** Every refusal of a transfer request, in the order a BAP would fix them. Caller holds the lock. */
  private Transfer check(Contract c, TransferRequest req, Instant now, String path) {
    AssetBook book = c.book;
    TransferDirection dir = req.direction();
    Energy energy = req.energy();
    Power power = req.power();
    Instant start = req.start();
    TimeWindow window = c.terms.window();
    if (c.phase.isFinal()) {
      throw refused("OUTSIDE_WINDOW", "the contract has ended (" + c.phase + ")", path);
    }
    if (c.transfer != null) {
      throw refused("OUTSIDE_WINDOW", "a transfer is already scheduled until "
          + WireTime.format(c.transfer.plannedEnd) + "; one transfer at a time", path);
    }
    if (!TimeWindow.of(start, book.spec.slotGranularity()).isAlignedTo(book.spec.slotGranularity())) {
      throw refused("OFF_GRANULARITY", "start " + WireTime.format(start) + " is not on a "
          + book.spec.slotGranularity() + " slot", path);
    }
    BigDecimal kwh = energy.in(EnergyUnit.KWH);
    BigDecimal kw = power.in(PowerUnit.KW);
    Instant end;
    try {
      end = req.end();
    } catch (ProfileException e) {
      throw refused("OUTSIDE_WINDOW", e.getMessage(), path);
    }
    if (start.isBefore(window.start()) || end.isAfter(window.end())) {
      throw refused("OUTSIDE_WINDOW", "transfer [" + WireTime.format(start) + ", " + WireTime.format(end)
          + ") is not inside the window " + window, path);
    }
    if (start.isBefore(now)) {
      throw refused("OUTSIDE_WINDOW", "start " + WireTime.format(start) + " is in the past", path);
    }
    boolean charge = dir == TransferDirection.CHARGE;
    BigDecimal rating = charge ? book.maxChargeKw : book.maxDischargeKw;
    if (kw.compareTo(rating) > 0) {
      throw refused("ABOVE_POWER_RATING", power + " is above the asset's " + (charge ? "charge" : "discharge")
          + " rating of " + WireText.power(rating), path);
    }
    BigDecimal freeKw = book.freePowerKw(dir, start, end);
    if (kw.compareTo(freeKw) > 0) {
      throw refused("ABOVE_POWER_RATING", "only " + WireText.power(freeKw) + " of the asset's "
          + (charge ? "charge" : "discharge") + " rating is free then", path);
    }
    if (charge) {
      BigDecimal after = c.stored.add(kwh.multiply(book.sqrtEta));
      if (after.compareTo(c.terms.energyKwh()) > 0) {
        throw refused("ABOVE_RESERVED_ENERGY", "charging " + energy + " would store " + WireText.energy(after)
            + ", above the reserved " + c.terms.energy(), path);
      }
    } else {
      BigDecimal days = BigDecimal.valueOf(Duration.between(now, start).toNanos())
          .divide(NANOS_PER_DAY, 12, RoundingMode.HALF_EVEN);
      BigDecimal atStart = c.stored.multiply(BigDecimal.ONE.subtract(
          book.spec.selfDischargePerDay().multiply(days)));
      BigDecimal withdrawable = atStart.multiply(book.sqrtEta);
      if (kwh.compareTo(withdrawable) > 0) {
        throw refused("INSUFFICIENT_STORED_ENERGY", "only " + WireText.energy(withdrawable)
            + " can be withdrawn, not " + energy, path);
      }
    }
    return new Transfer(req);
  }

  /**
   * Changes the contract's energy and/or window, all or nothing under the asset's lock: the new terms must pass
   * {@link #checkModification} and fit the asset's ledger with this contract's own reservation taken out
   * ({@code 40002} otherwise); on any refusal the ledger and the contract are exactly as before.
   */
  Result modify(ContractModification m, RequestContext ctx) {
    Contract c = state.contract(m.orderId(), ctx.bapId(), ORDER + "/id");
    if (m.itemId() != null && !m.itemId().equals(c.terms.asset().id())) {
      throw new BusinessException(ErrorCode.UPDATE_BEYOND_TARGET, "an update cannot move the contract to item "
          + m.itemId(), List.of(ORDER + "/items/0/id"));
    }
    Instant now = state.now();
    List<Snapshot> events = new ArrayList<>();
    Snapshot s;
    try {
      s = state.atomically(c.book, c, () -> modifyLocked(c, m, now, events));
    } finally {
      state.dispatch(events); // readings the catch-up produced are pushed even when the change is refused
    }
    return new Result(s, false);
  }

  /** The change itself; caller holds the book's lock. A refusal leaves the terms and the ledger as they were. */
  private static Snapshot modifyLocked(Contract c, ContractModification m, Instant now, List<Snapshot> events) {
    c.advance(now, events);
    try {
      m.requireWithinTarget(c.terms.energy(), c.terms.window());
    } catch (org.dent.core.error.DentException e) {
      throw ModificationRequests.under(e);
    }
    Terms next = c.terms;
    next = m.newEnergy().map(next::withEnergy).orElse(next);
    next = m.newWindow().map(next::withWindow).orElse(next);
    checkModification(c, next, now);
    AssetBook book = c.book;
    book.reserved.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh().negate());
    if (!book.tryReserve(next.window(), next.energyKwh())) {
      book.reserved.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh());
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the asset cannot hold " + next.energy()
          + " throughout " + next.window() + "; the contract is unchanged", List.of(ORDER));
    }
    c.modify(next, now);
    return c.snapshot(now, null, null);
  }

  private static void checkModification(Contract c, Terms next, Instant now) {
    TimeWindow old = c.terms.window();
    TimeWindow w = next.window();
    if (c.phase.isFinal()) {
      throw refused("OUTSIDE_WINDOW", "the contract has ended (" + c.phase + ")", ORDER);
    }
    if (!w.isAlignedTo(next.asset().slotGranularity())) {
      throw refused("OFF_GRANULARITY", "window " + w + " is not on " + next.asset().slotGranularity() + " slots",
          ORDER + "/fulfillments");
    }
    if (!now.isBefore(old.start()) && !w.start().equals(old.start())) {
      throw refused("OUTSIDE_WINDOW", "the window has started; its start stays " + WireTime.format(old.start()),
          ORDER + "/fulfillments");
    }
    if (!w.end().isAfter(now)) {
      throw refused("OUTSIDE_WINDOW", "window " + w + " ends in the past", ORDER + "/fulfillments");
    }
    if (now.isBefore(old.start()) && w.start().isBefore(now)) {
      throw refused("OUTSIDE_WINDOW", "window " + w + " starts in the past", ORDER + "/fulfillments");
    }
    Transfer tr = c.transfer;
    if (tr != null && (tr.start.isBefore(w.start()) || tr.plannedEnd.isAfter(w.end()))) {
      throw refused("OUTSIDE_WINDOW", "the scheduled transfer would fall outside " + w, ORDER + "/fulfillments");
    }
    if (c.stored.compareTo(next.energyKwh()) > 0) {
      throw refused("ABOVE_RESERVED_ENERGY", WireText.energy(c.stored) + " is stored, more than " + next.energy(),
          ORDER + "/items/0");
    }
  }

  private static Set<String> targets(@Nullable String target) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : target == null ? new String[0] : target.split(",")) {
      String s = t.trim();
      if (!s.equals(ITEMS) && !s.equals(FULFILLMENTS)) {
        throw new BusinessException(ErrorCode.INVALID_UPDATE_TARGET, "update_target is " + ITEMS + " and/or "
            + FULFILLMENTS + ", not " + target, List.of("/message/update_target"));
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new BusinessException(ErrorCode.INVALID_UPDATE_TARGET, "update_target is required",
          List.of("/message/update_target"));
    }
    return out;
  }

  private static BusinessException refused(String token, String detail, String path) {
    return BusinessException.transferRefused(token, detail, path);
  }
}
