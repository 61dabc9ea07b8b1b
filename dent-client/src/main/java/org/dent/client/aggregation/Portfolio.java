package org.dent.client.aggregation;

import java.util.List;
import java.util.Objects;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;

/**
 * A complete set of confirmed reservations that together cover a need, and how the saga got there.
 *
 * @param need what the portfolio covers
 * @param legs the confirmed legs
 * @param journal every saga step, in order
 * @param inDoubt legs whose outcome stayed unknown (see {@link AggregationException#inDoubt()}); empty normally
 */
public record Portfolio(StorageRequirement need, List<Leg> legs, List<SagaEvent> journal,
    List<InDoubtLeg> inDoubt) {
  public Portfolio {
    Objects.requireNonNull(need, "need");
    legs = List.copyOf(legs);
    journal = List.copyOf(journal);
    inDoubt = List.copyOf(inDoubt);
  }

  /** Total reserved energy. */
  public Energy energy() {
    Energy sum = Energy.of(java.math.BigDecimal.ZERO, org.dent.core.units.EnergyUnit.KWH);
    for (Leg l : legs) {
      sum = sum.plus(l.energy());
    }
    return sum;
  }

  /** Sum of the legs' charge ratings. */
  public Power chargePower() {
    Power sum = Power.of(java.math.BigDecimal.ZERO, org.dent.core.units.PowerUnit.KW);
    for (Leg l : legs) {
      sum = sum.plus(l.offer().offer().spec().maxChargePower());
    }
    return sum;
  }

  /** Sum of the legs' discharge ratings. */
  public Power dischargePower() {
    Power sum = Power.of(java.math.BigDecimal.ZERO, org.dent.core.units.PowerUnit.KW);
    for (Leg l : legs) {
      sum = sum.plus(l.offer().offer().spec().maxDischargePower());
    }
    return sum;
  }

  /**
   * Sum of the legs' confirmed (or last modified) quotes.
   *
   * @throws IndexOutOfBoundsException for a portfolio without legs (it has no currency)
   */
  public Money quotedCost() {
    Money sum = Money.zero(legs.get(0).quote().currency());
    for (Leg l : legs) {
      sum = sum.plus(l.quote().total());
    }
    return sum;
  }

  /** The same portfolio with other legs (after a modification) and more journal. */
  public Portfolio withLegs(StorageRequirement newNeed, List<Leg> newLegs, List<SagaEvent> moreJournal) {
    List<SagaEvent> j = new java.util.ArrayList<>(journal);
    j.addAll(moreJournal);
    return new Portfolio(newNeed, newLegs, j, inDoubt);
  }
}
