package org.dent.client.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.junit.jupiter.api.Test;

/**
 * The planner against an exhaustive search on random instances of up to 10 offers: a dynamic programme over every
 * whole-kWh allocation to every offer (which covers every subset), using only {@link LegCost#cost(Energy)}.
 * With whole-kWh free energies and needs, a cheapest plan in whole kWh is a cheapest plan (for a fixed set the
 * greedy fill is integral), so the two optima must be equal.
 */
class PlannerPropertyTest {
  static final int INSTANCES = 400;

  @Test
  void matchesExhaustiveSearchOnRandomInstances() {
    Planner planner = Planner.standard();
    int feasible = 0;
    for (int t = 0; t < INSTANCES; t++) {
      long seed = 0x5eed0000L + t;
      try {
        feasible += check(planner, seed) ? 1 : 0;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("instance seed " + seed + ": " + e.getMessage(), e);
      }
    }
    // the generator makes both kinds of instance
    assertThat(feasible).isBetween(INSTANCES / 4, INSTANCES - INSTANCES / 20);
  }

  /** Returns whether the instance had a plan. */
  private static boolean check(Planner planner, long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(10);
    List<PortfolioOffer> offers = Offers.random(r, n, 12, 15);
    int needKwh = 1 + r.nextInt(30);
    int needPc = r.nextInt(3) == 0 ? 0 : r.nextInt(35);
    int needPd = r.nextInt(3) == 0 ? 0 : r.nextInt(35);
    Money budget = r.nextInt(3) == 0 ? Money.of(BigDecimal.valueOf(20 + r.nextInt(400)), Offers.INR) : null;
    StorageRequirement need = new StorageRequirement(new SearchArea(Offers.SITE, BigDecimal.TEN), Offers.WINDOW,
        Energy.of(BigDecimal.valueOf(needKwh), EnergyUnit.KWH), budget,
        needPc == 0 ? null : Power.of(BigDecimal.valueOf(needPc), PowerUnit.KW),
        needPd == 0 ? null : Power.of(BigDecimal.valueOf(needPd), PowerUnit.KW));
    double oracle = exhaustive(offers, needKwh, needPc, needPd);
    boolean withinBudget = oracle < Double.POSITIVE_INFINITY
        && (budget == null || oracle <= budget.amount().doubleValue() + 1e-9);
    if (!withinBudget) {
      assertThatThrownBy(() -> planner.plan(need, offers)).isInstanceOf(AggregationException.class);
      return false;
    }
    Plan plan = planner.plan(need, offers);
    assertThat(plan.optimal()).isTrue();
    double cost = plan.cost().amount().doubleValue();
    if (Math.abs(cost - oracle) > 1e-6 * Math.max(1, oracle)) {
      fail("planner " + cost + " vs exhaustive " + oracle + " for " + plan.legs());
    }
    // the plan is what it says
    assertThat(plan.energy().compareTo(need.energy())).isGreaterThanOrEqualTo(0);
    if (needPc > 0) {
      assertThat(plan.chargePower().compareTo(need.minChargePower())).isGreaterThanOrEqualTo(0);
    }
    if (needPd > 0) {
      assertThat(plan.dischargePower().compareTo(need.minDischargePower())).isGreaterThanOrEqualTo(0);
    }
    Money sum = Money.zero(Offers.INR);
    for (PlannedLeg leg : plan.legs()) {
      assertThat(leg.energy().compareTo(Energy.parse("1 kWh"))).isGreaterThanOrEqualTo(0);
      assertThat(leg.energy().compareTo(leg.offer().offer().freeEnergy())).isLessThanOrEqualTo(0);
      assertThat(leg.cost()).isEqualTo(LegCost.of(leg.offer().offer(), Offers.WINDOW.duration())
          .cost(leg.energy()));
      sum = sum.plus(leg.cost());
    }
    assertThat(sum).isEqualTo(plan.cost());
    if (budget != null) {
      assertThat(plan.cost().compareTo(budget)).isLessThanOrEqualTo(0);
    }
    return true;
  }

  /**
   * Least cost over every allocation of whole kWh (0 or 1..free) to every offer that covers the energy and both
   * powers; infinity when none does.
   */
  static double exhaustive(List<PortfolioOffer> offers, int needKwh, int needPc, int needPd) {
    int e1 = needKwh + 1;
    int c1 = needPc + 1;
    int d1 = needPd + 1;
    double[] dp = new double[e1 * c1 * d1];
    Arrays.fill(dp, Double.POSITIVE_INFINITY);
    dp[0] = 0;
    for (PortfolioOffer po : offers) {
      int free = po.offer().freeEnergy().in(EnergyUnit.KWH).intValueExact();
      int pc = po.offer().spec().maxChargePower().in(PowerUnit.KW).intValueExact();
      int pd = po.offer().spec().maxDischargePower().in(PowerUnit.KW).intValueExact();
      LegCost lc = LegCost.of(po.offer(), Offers.WINDOW.duration());
      double[] cost = new double[free + 1];
      for (int x = 1; x <= free; x++) {
        cost[x] = lc.cost(Energy.of(BigDecimal.valueOf(x), EnergyUnit.KWH)).amount().doubleValue();
      }
      double[] next = dp.clone();
      for (int e = 0; e < e1; e++) {
        for (int c = 0; c < c1; c++) {
          for (int d = 0; d < d1; d++) {
            double base = dp[(e * c1 + c) * d1 + d];
            if (base == Double.POSITIVE_INFINITY) {
              continue;
            }
            int nc = Math.min(needPc, c + pc);
            int nd = Math.min(needPd, d + pd);
            for (int x = 1; x <= free; x++) {
              int ne = Math.min(needKwh, e + x);
              int at = (ne * c1 + nc) * d1 + nd;
              double v = base + cost[x];
              if (v < next[at]) {
                next[at] = v;
              }
            }
          }
        }
      }
      dp = next;
    }
    return dp[(needKwh * c1 + needPc) * d1 + needPd];
  }
}
