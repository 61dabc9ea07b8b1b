package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dent.client.bap.DentClient;
import org.dent.core.error.DentException;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Stop;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * Changes a confirmed portfolio in flight through the profile's modification {@code update}s (DESIGN.md §3):
 * {@code update_target "order.items"} with the new reserved energy, {@code "order.fulfillments"} with the new window
 * in {@code stops[type=start].time.range}. A BPP either applies a change with a new quote or refuses it
 * ({@code 40002} capacity, {@code 50002} with a reason) leaving the contract as it was.
 *
 * <ul>
 *   <li>{@link #grow}: the extra energy is planned over the legs' own offers (growing a leg costs no second fixed
 *       fee) and fresh offers; a leg whose BPP cannot follow drops out and the rest is re-planned; new legs are
 *       reserved with the {@link Aggregator} saga. All or nothing: if the extra cannot be placed, the legs already
 *       grown are put back to their energy and nothing new stays reserved.
 *   <li>{@link #shrink}: takes energy off the legs with the highest cost per kWh first, never below what a leg
 *       stores (per the telemetry given) nor below the planner's minimum leg. Best effort: the result says what was
 *       reached, and a refused leg is left as it was.
 *   <li>{@link #extend}: moves every leg to the new window; the legs whose BPP cannot follow are replaced by new
 *       legs for the new window (same energy, the missing power) and then cancelled. All or nothing: if no
 *       replacement can be reserved, the legs already moved are moved back.
 * </ul>
 *
 * The need's budget, when stated, bounds the quoted cost of the changed portfolio.
 */
public final class PortfolioModifier {
  private final Aggregator agg;
  private final DentClient client;

  public PortfolioModifier(Aggregator aggregator) {
    this.agg = Objects.requireNonNull(aggregator, "aggregator");
    this.client = aggregator.client();
  }

  /**
   * Grows the portfolio's reserved energy to {@code total}.
   *
   * @throws AggregationException when it cannot be placed (the portfolio is then as it was)
   */
  public Portfolio grow(Portfolio p, Energy total) {
    StorageRequirement need = withEnergy(p.need(), total);
    List<SagaEvent> journal = new ArrayList<>();
    Energy extra = total.minus(p.energy());
    if (!extra.isPositive()) {
      return p;
    }
    List<PortfolioOffer> fresh = agg.search(need);
    Map<String, Leg> byKey = new LinkedHashMap<>();
    p.legs().forEach(l -> byKey.put(l.offer().key(), l));
    Map<String, PortfolioOffer> options = new LinkedHashMap<>();
    for (PortfolioOffer o : fresh) {
      options.put(o.key(), byKey.containsKey(o.key()) ? withoutFixedFee(o) : o);
    }
    Map<String, Leg> grown = new LinkedHashMap<>(); // key -> leg before growing
    List<Leg> legs = new ArrayList<>(p.legs());
    Money budget = budgetLeft(need, legs);
    for (int round = 0; round < 20 && extra.isPositive(); round++) {
      Plan plan;
      try {
        plan = agg.planner().plan(need.window(), need.area(), extra, null, null, budget,
            List.copyOf(options.values()));
      } catch (AggregationException e) {
        journal.add(agg.event(SagaEvent.Kind.ABORTED, null, e.code(), "cannot grow: " + e.getMessage()));
        throw rollBack(legs, grown, journal, "cannot grow to " + total.format() + ": " + e.getMessage(), e);
      }
      journal.add(agg.event(SagaEvent.Kind.PLANNED, null, null, "grow by " + extra.format() + " over "
          + plan.legs().size() + " legs"));
      boolean failed = false;
      List<PortfolioOffer> newOffers = new ArrayList<>();
      Energy newEnergy = Energy.of(BigDecimal.ZERO, EnergyUnit.KWH);
      for (PlannedLeg pl : plan.legs()) {
        String key = pl.offer().key();
        Leg leg = findLeg(legs, key);
        if (leg == null) {
          newOffers.add(pl.offer());
          newEnergy = newEnergy.plus(pl.energy());
          continue;
        }
        Energy to = leg.energy().plus(pl.energy());
        try {
          Leg changed = changeEnergy(leg, to);
          grown.putIfAbsent(key, leg);
          legs.set(legs.indexOf(leg), changed);
          extra = extra.minus(pl.energy());
          journal.add(agg.orderEvent(SagaEvent.Kind.CONFIRMED, key, leg.orderId(), "grown to " + to.format()));
        } catch (DentException e) {
          options.remove(key);
          failed = true;
          journal.add(agg.event(SagaEvent.Kind.LEG_FAILED, key, e.code(), "cannot grow: " + e.getMessage()));
        }
      }
      budget = budgetLeft(need, legs);
      if (failed || newOffers.isEmpty()) {
        continue; // re-plan what is left (nothing, when every planned leg grew)
      }
      List<PortfolioOffer> pool = new ArrayList<>();
      options.values().stream().filter(o -> findLeg(legs, o.key()) == null).forEach(pool::add);
      try {
        Portfolio added = agg.reserve(new StorageRequirement(need.area(), need.window(), extra, budget, null, null),
            pool);
        journal.addAll(added.journal());
        legs.addAll(added.legs());
        extra = total.minus(sum(legs));
      } catch (AggregationException e) {
        journal.addAll(e.journal());
        throw rollBack(legs, grown, journal, "cannot grow to " + total.format() + ": " + e.getMessage(), e);
      }
    }
    if (extra.isPositive()) {
      throw rollBack(legs, grown, journal, "cannot grow to " + total.format(), null);
    }
    journal.add(agg.event(SagaEvent.Kind.COMPLETED, null, null, "grown to " + sum(legs).format()));
    return p.withLegs(need, legs, journal);
  }

  /**
   * Shrinks the portfolio's reserved energy towards {@code total}, most expensive kWh first.
   *
   * @param latest the legs' latest telemetry by order id (a leg is never shrunk below what it stores); legs
   *     without telemetry count as empty
   * @return the changed portfolio; its {@link Portfolio#energy()} may stay above {@code total} when legs refuse
   */
  public Portfolio shrink(Portfolio p, Energy total, Map<String, Telemetry> latest) {
    List<SagaEvent> journal = new ArrayList<>();
    Energy cut = p.energy().minus(total);
    List<Leg> legs = new ArrayList<>(p.legs());
    List<Leg> byCost = new ArrayList<>(legs);
    byCost.sort(Comparator.comparing((Leg l) -> LegCost.of(l.offer().offer(), l.window().duration()).perKwh())
        .reversed());
    Energy minLeg = agg.planner().minLegEnergy();
    for (Leg l : byCost) {
      if (!cut.isPositive()) {
        break;
      }
      Telemetry t = latest.get(l.orderId());
      Energy floor = t == null ? minLeg : Energy.max(minLeg, t.storedEnergy());
      Energy room = l.energy().minus(floor);
      if (!room.isPositive()) {
        continue;
      }
      Energy by = Energy.min(room, cut);
      Energy to = l.energy().minus(by);
      try {
        legs.set(legs.indexOf(l), changeEnergy(l, to));
        cut = cut.minus(by);
        journal.add(agg.orderEvent(SagaEvent.Kind.CONFIRMED, l.offer().key(), l.orderId(), "shrunk to " + to.format()));
      } catch (DentException e) {
        journal.add(agg.event(SagaEvent.Kind.LEG_FAILED, l.offer().key(), e.code(), "cannot shrink: "
            + e.getMessage()));
      }
    }
    Energy reached = sum(legs);
    journal.add(agg.event(cut.isPositive() ? SagaEvent.Kind.ABORTED : SagaEvent.Kind.COMPLETED, null, null,
        "shrunk to " + reached.format() + (cut.isPositive() ? ", not to " + total.format() : "")));
    return p.withLegs(withEnergy(p.need(), reached.compareTo(total) > 0 ? reached : total), legs, journal);
  }

  /**
   * Moves the portfolio to {@code window}, replacing the legs whose BPP cannot follow.
   *
   * @throws AggregationException when a leg cannot follow and cannot be replaced (the portfolio is then as it was)
   */
  public Portfolio extend(Portfolio p, TimeWindow window) {
    StorageRequirement old = p.need();
    StorageRequirement need = new StorageRequirement(old.area(), window, old.energy(), old.budget(),
        old.minChargePower(), old.minDischargePower());
    List<SagaEvent> journal = new ArrayList<>();
    List<Leg> moved = new ArrayList<>();
    List<Leg> stuck = new ArrayList<>();
    Map<Leg, Leg> before = new HashMap<>();
    for (Leg l : p.legs()) {
      try {
        Leg m = changeWindow(l, window);
        moved.add(m);
        before.put(m, l);
        journal.add(agg.orderEvent(SagaEvent.Kind.CONFIRMED, l.offer().key(), l.orderId(), "moved to " + window));
      } catch (DentException e) {
        stuck.add(l);
        journal.add(agg.event(SagaEvent.Kind.LEG_FAILED, l.offer().key(), e.code(), "cannot follow to " + window
            + ": " + e.getMessage()));
      }
    }
    if (stuck.isEmpty()) {
      journal.add(agg.event(SagaEvent.Kind.COMPLETED, null, null, "every leg moved to " + window));
      return p.withLegs(need, moved, journal);
    }
    Energy missing = sum(stuck);
    Power charge = missingPower(need.minChargePower(), moved, true);
    Power discharge = missingPower(need.minDischargePower(), moved, false);
    Set<String> taken = new HashSet<>();
    p.legs().forEach(l -> taken.add(l.offer().key()));
    List<PortfolioOffer> pool = agg.search(new StorageRequirement(need.area(), window, missing, null, null, null))
        .stream().filter(o -> !taken.contains(o.key())).toList();
    Money budget = budgetLeft(need, moved);
    Portfolio replacement;
    try {
      replacement = agg.reserve(new StorageRequirement(need.area(), window, missing, budget, charge, discharge),
          pool);
    } catch (AggregationException e) {
      journal.addAll(e.journal());
      for (Leg m : moved) {
        try {
          changeWindow(m, before.get(m).window());
          journal.add(agg.orderEvent(SagaEvent.Kind.RELEASED, m.offer().key(), m.orderId(), "moved back"));
        } catch (DentException back) {
          journal.add(agg.event(SagaEvent.Kind.IN_DOUBT, m.offer().key(), back.code(), "cannot move back: "
              + back.getMessage()));
        }
      }
      throw new AggregationException(AggregationException.NO_PLAN, "cannot extend to " + window + ": "
          + e.getMessage(), journal, e.inDoubt(), e);
    }
    journal.addAll(replacement.journal());
    for (Leg s : stuck) {
      try {
        agg.await(client.cancel(s.target(), s.orderId(), null, null));
        journal.add(agg.orderEvent(SagaEvent.Kind.RELEASED, s.offer().key(), s.orderId(), "replaced and cancelled"));
      } catch (DentException e) {
        journal.add(agg.event(SagaEvent.Kind.IN_DOUBT, s.offer().key(), e.code(), "replaced but not cancelled: "
            + e.getMessage()));
      }
    }
    List<Leg> legs = new ArrayList<>(moved);
    legs.addAll(replacement.legs());
    journal.add(agg.event(SagaEvent.Kind.COMPLETED, null, null, legs.size() + " legs for " + window));
    return p.withLegs(need, legs, journal);
  }

  /** {@code update} {@code order.items} to {@code energy}; the leg with the BPP's new quote. */
  Leg changeEnergy(Leg leg, Energy energy) {
    Order order = Order.builder().id(leg.orderId()).items(List.of(Item.builder().id(leg.offer().offer().itemId())
        .quantity(ItemQuantity.builder().selected(QuantityValue.builder()
            .measure(StorageOrder.of(leg.offer().offer(), energy, leg.window()).toOrder().items().get(0)
                .quantity().selected().measure()).build()).build()).build())).build();
    Order updated = agg.await(client.update(leg.target(), "order.items", order)).message().order();
    return leg.modified(energy, leg.window(), quote(updated, leg.quote()));
  }

  /** {@code update} {@code order.fulfillments} to {@code window}; the leg with the BPP's new quote. */
  Leg changeWindow(Leg leg, TimeWindow window) {
    Fulfillment f = StorageOrder.of(leg.offer().offer(), leg.energy(), window).toOrder().fulfillments().get(0);
    Order order = Order.builder().id(leg.orderId()).fulfillments(List.of(Fulfillment.builder().id(f.id())
        .stops(List.of(Stop.builder().type("start").time(f.stops().get(0).time()).build())).build())).build();
    Order updated = agg.await(client.update(leg.target(), "order.fulfillments", order)).message().order();
    return leg.modified(leg.energy(), window, quote(updated, leg.quote()));
  }

  private AggregationException rollBack(List<Leg> legs, Map<String, Leg> grown, List<SagaEvent> journal,
      String message, @Nullable Throwable cause) {
    List<InDoubtLeg> inDoubt = new ArrayList<>();
    for (Map.Entry<String, Leg> g : grown.entrySet()) {
      Leg now = findLeg(legs, g.getKey());
      try {
        changeEnergy(now, g.getValue().energy());
        journal.add(agg.orderEvent(SagaEvent.Kind.RELEASED, g.getKey(), now.orderId(), "put back to "
            + g.getValue().energy().format()));
      } catch (DentException e) {
        inDoubt.add(new InDoubtLeg(now.offer(), now.target(), now.orderId(), null));
        journal.add(agg.event(SagaEvent.Kind.IN_DOUBT, g.getKey(), e.code(), "cannot put back: " + e.getMessage()));
      }
    }
    return new AggregationException(AggregationException.NO_PLAN, message, journal, inDoubt, cause);
  }

  private static Bill quote(@Nullable Order updated, Bill old) {
    return updated == null || updated.quote() == null ? old : Bill.from(updated.quote());
  }

  private static @Nullable Leg findLeg(List<Leg> legs, String key) {
    for (Leg l : legs) {
      if (l.offer().key().equals(key)) {
        return l;
      }
    }
    return null;
  }

  private static Energy sum(List<Leg> legs) {
    Energy s = Energy.of(BigDecimal.ZERO, EnergyUnit.KWH);
    for (Leg l : legs) {
      s = s.plus(l.energy());
    }
    return s;
  }

  private static @Nullable Money budgetLeft(StorageRequirement need, List<Leg> legs) {
    Money b = need.budget();
    for (Leg l : legs) {
      b = b == null ? null : b.minus(l.quote().total());
    }
    return b;
  }

  private static @Nullable Power missingPower(@Nullable Power need, List<Leg> legs, boolean charge) {
    if (need == null) {
      return null;
    }
    Power r = need;
    for (Leg l : legs) {
      r = r.minus(charge ? l.offer().offer().spec().maxChargePower() : l.offer().offer().spec().maxDischargePower());
    }
    return r.isPositive() ? r : null;
  }

  private static StorageRequirement withEnergy(StorageRequirement n, Energy e) {
    return new StorageRequirement(n.area(), n.window(), e, n.budget(), n.minChargePower(), n.minDischargePower());
  }

  /** The same offer without its fixed fee: growing a leg does not pay the contract's fee again. */
  static PortfolioOffer withoutFixedFee(PortfolioOffer po) {
    PricingTerms p = po.offer().pricing();
    if (!p.models().contains(PricingModel.FIXED)) {
      return po;
    }
    Set<PricingModel> models = EnumSet.noneOf(PricingModel.class);
    models.addAll(p.models());
    models.remove(PricingModel.FIXED);
    BigDecimal capacity = p.capacityPricePerKwhDay();
    if (models.isEmpty()) {
      models.add(PricingModel.CAPACITY_TIME);
      capacity = BigDecimal.ZERO;
    }
    PricingTerms q = new PricingTerms(models, p.currency(), capacity, p.energyInPricePerKwh(),
        p.energyOutPricePerKwh(), null, p.taxRate());
    StorageOffer o = po.offer();
    return new PortfolioOffer(po.bppId(), po.bppUri(), new StorageOffer(o.itemId(), o.providerId(), o.locationId(),
        o.location(), o.availability(), o.freeEnergy(), o.maximumEnergy(), o.estimatedPrice(), o.spec(), q,
        o.cancellationTerms(), o.descriptor()));
  }
}
