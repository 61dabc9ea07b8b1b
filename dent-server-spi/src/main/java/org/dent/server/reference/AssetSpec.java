package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.PowerUnit;

/**
 * One storage asset of a {@link Fleet}: its physics ({@link StorageSpec}, tag group {@code storage-spec}), its
 * price ({@link PricingTerms}, tag group {@code pricing}, with a currency), its cancellation and residual terms, and
 * its {@link Site}. Immutable.
 *
 * <p>Usable capacity is {@code capacity × (max-soc − min-soc)}: reservations on the asset never add up to more at
 * any instant. Energy charged is stored at {@link #sqrtEfficiency()} and withdrawn at the same factor, so a full
 * cycle keeps the round-trip efficiency.
 *
 * @param id item id in the catalog
 * @param name display name
 * @param site where it stands
 * @param spec the asset's physics
 * @param pricing its price terms; the currency is required
 * @param cancellation its cancellation terms
 * @param residual what happens to stored energy when a contract ends
 */
public record AssetSpec(String id, String name, Site site, StorageSpec spec, PricingTerms pricing,
    CancellationPolicy cancellation, ResidualTerms residual) {

  private static final MathContext SQRT_PRECISION = new MathContext(20);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a part is missing or the pricing states no currency
   */
  public AssetSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(residual, "residual");
    if (pricing.currency() == null) {
      throw new IllegalArgumentException("asset " + id + ": pricing states its currency");
    }
  }

  /** The currency of every price of the asset. */
  public Currency currency() {
    return pricing.currency();
  }

  /** Usable capacity in kWh: capacity × (max-soc − min-soc). */
  public BigDecimal usableKwh() {
    return spec.usableCapacity().in(EnergyUnit.KWH);
  }

  /** √(round-trip efficiency), 20 significant digits: the one-way factor of charging and of discharging. */
  public BigDecimal sqrtEfficiency() {
    return spec.roundTripEfficiency().sqrt(SQRT_PRECISION);
  }

  /** Charge rating in kW. */
  public BigDecimal maxChargeKw() {
    return spec.maxChargePower().in(PowerUnit.KW);
  }

  /** Discharge rating in kW. */
  public BigDecimal maxDischargeKw() {
    return spec.maxDischargePower().in(PowerUnit.KW);
  }

  /** Self-discharge per day while holding (zero when the spec states none). */
  public BigDecimal selfDischargePerDay() {
    return spec.selfDischargePerDay() == null ? BigDecimal.ZERO : spec.selfDischargePerDay();
  }

  /** The slot grid of windows and transfer starts. */
  public Duration slotGranularity() {
    return spec.slotGranularity();
  }

  /** Whether the price has {@code model}. */
  public boolean charges(PricingModel model) {
    return pricing.models().contains(model);
  }

  /** A price of the terms, zero when not stated. */
  static BigDecimal price(BigDecimal price) {
    return price == null ? BigDecimal.ZERO : price;
  }
}
