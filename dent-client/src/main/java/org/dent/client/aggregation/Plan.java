package org.dent.client.aggregation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;

/**
 * The cheapest portfolio the {@link Planner} found: legs that together cover the energy and the charge and
 * discharge power for the whole window.
 *
 * @param legs the legs, cheapest marginal cost first
 * @param cost the exact sum of the legs' estimated costs
 * @param lowerBound no portfolio costs less than this (equal to {@code cost} when {@code optimal})
 * @param optimal true when the search proved {@code cost} minimal; false when it stopped at its node limit
 * @param nodes branch-and-bound nodes visited
 * @param rejected offers left out before planning, by {@link PortfolioOffer#key()}, with the reason
 */
public record Plan(List<PlannedLeg> legs, Money cost, Money lowerBound, boolean optimal, long nodes,
    Map<String, String> rejected) {
  public Plan {
    legs = List.copyOf(legs);
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(lowerBound, "lowerBound");
    rejected = Map.copyOf(rejected);
  }

  /** Total reserved energy. */
  public Energy energy() {
    Energy sum = Energy.of(java.math.BigDecimal.ZERO, org.dent.core.units.EnergyUnit.KWH);
    for (PlannedLeg l : legs) {
      sum = sum.plus(l.energy());
    }
    return sum;
  }

  /** Total charge power: the sum of the legs' ratings. */
  public Power chargePower() {
    Power sum = Power.of(java.math.BigDecimal.ZERO, org.dent.core.units.PowerUnit.KW);
    for (PlannedLeg l : legs) {
      sum = sum.plus(l.offer().offer().spec().maxChargePower());
    }
    return sum;
  }

  /** Total discharge power: the sum of the legs' ratings. */
  public Power dischargePower() {
    Power sum = Power.of(java.math.BigDecimal.ZERO, org.dent.core.units.PowerUnit.KW);
    for (PlannedLeg l : legs) {
      sum = sum.plus(l.offer().offer().spec().maxDischargePower());
    }
    return sum;
  }
}
