package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;

/**
 * What one leg of a portfolio costs as a function of the energy it reserves, from the offer's {@code pricing} terms
 * (DESIGN.md §3) and the storage window: {@code cost(e) = fixed + perKwh × e} for {@code e > 0}, nothing for
 * {@code e = 0}. This is the estimate the reference billing makes of a reservation (and the catalog's
 * {@code estimated_value}):
 *
 * <ul>
 *   <li>{@code capacity-time}: {@code e × capacity-price-per-kwh-day × window days};
 *   <li>{@code energy-throughput}: energy in = the reserved energy, energy out = energy in × round-trip efficiency:
 *       {@code e × (energy-in-price + efficiency × energy-out-price)};
 *   <li>{@code fixed}: {@code fixed-fee} once per contract;
 *   <li>{@code tax-rate} on all of it: both parts are multiplied by {@code 1 + tax-rate}.
 * </ul>
 *
 * Final bills round each line to the currency's minor unit, so they may differ from this exact estimate by at most
 * half a minor unit per line and on the tax.
 *
 * @param fixed the cost of having the leg at all, tax included, not negative
 * @param perKwh the cost of each kWh reserved, tax included, not negative
 */
public record LegCost(Money fixed, Money perKwh) {
  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  public LegCost {
    Objects.requireNonNull(fixed, "fixed");
    Objects.requireNonNull(perKwh, "perKwh");
    if (!fixed.currency().equals(perKwh.currency())) {
      throw new IllegalArgumentException("fixed and per-kWh cost in one currency");
    }
  }

  /**
   * The cost terms of {@code offer} over a window of {@code window}.
   *
   * @throws IllegalArgumentException when the offer states no currency (neither in its pricing nor in its price)
   */
  public static LegCost of(StorageOffer offer, Duration window) {
    PricingTerms p = offer.pricing();
    Currency c = p.currency() != null ? p.currency()
        : offer.estimatedPrice() != null ? offer.estimatedPrice().currency() : null;
    if (c == null) {
      throw new IllegalArgumentException("offer " + offer.itemId() + " states no currency");
    }
    BigDecimal per = BigDecimal.ZERO;
    if (p.models().contains(PricingModel.CAPACITY_TIME)) {
      per = per.add(p.capacityPricePerKwhDay().multiply(BigDecimal.valueOf(window.getSeconds()))
          .divide(SECONDS_PER_DAY, MathContext.DECIMAL64));
    }
    if (p.models().contains(PricingModel.ENERGY_THROUGHPUT)) {
      per = per.add(p.energyInPricePerKwh())
          .add(offer.spec().roundTripEfficiency().multiply(p.energyOutPricePerKwh()));
    }
    BigDecimal fixed = p.models().contains(PricingModel.FIXED) ? p.fixedFee() : BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ONE.add(p.taxRate() == null ? BigDecimal.ZERO : p.taxRate());
    return new LegCost(Money.of(fixed.multiply(tax), c), Money.of(per.multiply(tax), c));
  }

  /** The currency. */
  public Currency currency() {
    return fixed.currency();
  }

  /** The cost of reserving {@code energy}: zero for zero energy, else {@code fixed + perKwh × kWh}, exact. */
  public Money cost(Energy energy) {
    if (!energy.isPositive()) {
      return Money.zero(currency());
    }
    return fixed.plus(perKwh.times(energy.in(EnergyUnit.KWH)));
  }
}
