package org.dent.conformance;

import static org.dent.conformance.ScenarioFailure.check;
import static org.dent.conformance.StorageScenarios.await;
import static org.dent.conformance.StorageScenarios.cancelAll;
import static org.dent.conformance.StorageScenarios.checkBill;
import static org.dent.conformance.StorageScenarios.confirmed;
import static org.dent.conformance.StorageScenarios.errorMessage;
import static org.dent.conformance.StorageScenarios.offers;
import static org.dent.conformance.StorageScenarios.readOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dent.client.bap.BppTarget;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.error.DentException;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.TimeWindow;

/**
 * Scenarios of contract modification (DESIGN.md §3 "Modify": {@code update} of {@code order.items} /
 * {@code order.fulfillments}). Modification is optional: a BPP that answers {@code 40001} (a NACK, or an error
 * callback) to the first change is reported {@code SKIP}, not failed. One that accepts a change must apply it (its
 * {@code status} says so) with a quote of the new terms, and one that refuses must leave the contract untouched.
 * Windows follow {@link StorageScenarios}' rule (indices 9 and 10: after every storage scenario's windows).
 */
final class ModificationScenarios {
  private ModificationScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of("storage.modification-applied",
            "grow, extend and shrink a confirmed contract: each on_update and status show the new terms, quoted by "
                + "the offer's prices (SKIP on 40001)",
            ModificationScenarios::applied),
        Scenario.of("storage.modification-capacity-refused",
            "growing into capacity another order holds is refused (40002, or 50002) and the contract is unchanged "
                + "(SKIP on 40001)",
            ModificationScenarios::capacityRefused));
  }

  private static void applied(ConformanceContext c) throws Exception {
    TimeWindow window = StorageScenarios.window(c, 9, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("20"), window).get(0);
    BppTarget target = c.newTarget();
    String id = confirmed(c, target, StorageOrder.of(offer, Energy.ofKwh("10"), window), "the reservation");
    try {
      Energy grown = Energy.ofKwh("20");
      Order o = change(c, target, ContractModification.ofEnergy(id, offer.itemId(), grown), "growing 10 kWh to 20");
      expect(c, target, id, o, offer, grown, window, "after growing to 20 kWh");

      TimeWindow extended = new TimeWindow(window.start(), window.end().plus(Duration.ofMinutes(30)));
      o = change(c, target, ContractModification.ofWindow(id, "f1", extended), "extending the window to "
          + extended);
      expect(c, target, id, o, offer, grown, extended, "after extending the window");

      Energy shrunk = Energy.ofKwh("5");
      o = change(c, target, ContractModification.ofEnergy(id, offer.itemId(), shrunk), "shrinking to 5 kWh");
      expect(c, target, id, o, offer, shrunk, extended, "after shrinking to 5 kWh");
    } finally {
      cancelAll(c, List.of(target), List.of(id));
    }
  }

  private static void capacityRefused(ConformanceContext c) throws Exception {
    TimeWindow window = StorageScenarios.window(c, 10, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("10"), window).stream()
        .min(Comparator.comparing(StorageOffer::freeEnergy)).orElseThrow();
    BigDecimal free = offer.freeEnergy().in(EnergyUnit.KWH);
    Energy mine = kwh(free.multiply(new BigDecimal("0.4")));
    Energy theirs = kwh(free).minus(mine).to(EnergyUnit.KWH);
    check(mine.isPositive() && theirs.isPositive(), "offer " + offer.itemId() + " has no free energy to share");
    List<BppTarget> targets = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      BppTarget t = c.newTarget();
      ids.add(confirmed(c, t, StorageOrder.of(offer, mine, window), "the first reservation"));
      targets.add(t);
      BppTarget other = c.newTarget();
      ids.add(confirmed(c, other, StorageOrder.of(offer, theirs, window), "the second reservation (the rest of "
          + offer.freeEnergy().format() + ")"));
      targets.add(other);
      String id = ids.get(0);
      Order before = status(c, t, id);
      Energy more = kwh(mine.in(EnergyUnit.KWH).add(free.multiply(new BigDecimal("0.1"))));
      ContractModification grow = ContractModification.ofEnergy(id, offer.itemId(), more);
      try {
        change(c, t, grow, "growing " + mine.format() + " to " + more.format());
        throw new ScenarioFailure("growing " + mine.format() + " to " + more.format() + " was accepted although "
            + "another order holds the rest of " + offer.itemId() + "'s " + offer.freeEnergy().format()
            + " (double booking)");
      } catch (CallbackErrorException e) {
        String msg = errorMessage(e);
        check("40002".equals(e.code()) || "50002".equals(e.code()), "growing into capacity another order holds: "
            + "expected 40002, got " + e.code() + " " + msg);
      }
      Order after = status(c, t, id);
      StorageOrder was = readOrder(before, "on_status before the refused change");
      StorageOrder is = readOrder(after, "on_status after the refused change");
      check(is.energy().compareTo(was.energy()) == 0 && is.window().equals(was.window()), "the refused change "
          + "altered the contract: " + was.energy().format() + " " + was.window() + " became "
          + is.energy().format() + " " + is.window());
    } finally {
      cancelAll(c, targets, ids);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  /**
   * Sends {@code m} and returns the modified order.
   *
   * @throws ScenarioSkipped when the BPP answers {@code 40001}, as a NACK or in {@code on_update}
   * @throws CallbackErrorException when the BPP refuses otherwise
   */
  static Order change(ConformanceContext c, BppTarget target, ContractModification m, String what)
      throws Exception {
    UpdateRequest.Message msg = m.toMessage();
    CompletableFuture<OnUpdateCallback> f = c.client().update(target, msg.updateTarget(), msg.order());
    try {
      f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DentException d && "40001".equals(d.code())) {
        throw new ScenarioSkipped("the BPP answers 40001 to a contract modification (" + what + ")");
      }
    } catch (TimeoutException e) {
      // reported by await
    }
    OnUpdateCallback on = await(c, f, "on_update");
    check(on.message() != null && on.message().order() != null, "on_update for " + what + " carries no order");
    return on.message().order();
  }

  /** The order both in {@code on_update} and in a fresh {@code status} holds these terms, quoted by the offer. */
  private static void expect(ConformanceContext c, BppTarget target, String id, Order updated, StorageOffer offer,
      Energy energy, TimeWindow window, String when) throws Exception {
    for (Order o : List.of(updated, status(c, target, id))) {
      String where = (o == updated ? "on_update " : "on_status ") + when;
      check(id.equals(o.id()), where + " names order " + o.id() + ", not " + id);
      StorageOrder terms = readOrder(o.toBuilder().provider(o.provider() != null ? o.provider()
          : org.dent.core.model.Provider.builder().id(offer.providerId()).build()).build(), where);
      check(terms.energy().compareTo(energy) == 0, where + ": reserved energy is " + terms.energy().format()
          + ", not " + energy.format());
      check(terms.window().equals(window), where + ": window is " + terms.window() + ", not " + window);
      checkBill(o.quote(), offer, energy, window, where, true);
    }
  }

  private static Order status(ConformanceContext c, BppTarget target, String id) throws Exception {
    Order o = await(c, c.client().status(target, id), "on_status").message().order();
    check(o != null, "on_status carries no order");
    return o;
  }

  private static Energy kwh(BigDecimal value) {
    return Energy.of(value.setScale(3, RoundingMode.DOWN).stripTrailingZeros(), EnergyUnit.KWH);
  }
}
