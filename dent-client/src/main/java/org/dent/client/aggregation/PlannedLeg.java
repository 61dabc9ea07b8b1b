package org.dent.client.aggregation;

import java.util.Objects;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;

/**
 * One leg of a {@link Plan}: how much energy to reserve at which offer, and what that costs by {@link LegCost}.
 *
 * @param offer the offer
 * @param energy energy to reserve, positive, at most the offer's free energy
 * @param cost the exact estimate of the leg ({@link LegCost#cost(Energy)})
 */
public record PlannedLeg(PortfolioOffer offer, Energy energy, Money cost) {
  public PlannedLeg {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(cost, "cost");
  }
}
