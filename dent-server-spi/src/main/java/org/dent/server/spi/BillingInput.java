package org.dent.server.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BillingHandler} prices: one contract on one storage item, with the metered values so far.
 *
 * @param itemId the storage item (bill lines name it)
 * @param spec the asset (round-trip efficiency for estimates)
 * @param pricing the item's price terms (currency included)
 * @param reserved the reserved energy
 * @param window the length of the storage window
 * @param energyIn metered energy delivered into storage (for an estimate: what the BAP plans to store)
 * @param energyOut metered energy withdrawn
 * @param cancellationFee the fee when the contract was cancelled under its terms, else null
 * @param buyBack residual energy the operator buys back at termination, else null
 * @param buyBackPricePerKwh the buy-back price, when buying back
 * @param chargeContract false for a free cancellation: no capacity, energy or fixed charges
 * @param capacitySpans the capacity-time to charge: {@code reserved} over {@code window} for a contract never
 *     modified, one span per terms in force otherwise (prices per kWh-day apply per span)
 */
public record BillingInput(String itemId, StorageSpec spec, PricingTerms pricing, Energy reserved, Duration window,
    Energy energyIn, Energy energyOut, @Nullable Money cancellationFee, @Nullable Energy buyBack,
    @Nullable BigDecimal buyBackPricePerKwh, boolean chargeContract, List<CapacitySpan> capacitySpans) {
  /** A contract that was never modified: one capacity span, {@code reserved} over {@code window}. */
  public BillingInput(String itemId, StorageSpec spec, PricingTerms pricing, Energy reserved, Duration window,
      Energy energyIn, Energy energyOut, @Nullable Money cancellationFee, @Nullable Energy buyBack,
      @Nullable BigDecimal buyBackPricePerKwh, boolean chargeContract) {
    this(itemId, spec, pricing, reserved, window, energyIn, energyOut, cancellationFee, buyBack, buyBackPricePerKwh,
        chargeContract, List.of(new CapacitySpan(reserved, window)));
  }

  public BillingInput {
    capacitySpans = List.copyOf(capacitySpans);
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(pricing.currency(), "pricing.currency");
    Objects.requireNonNull(reserved, "reserved");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(energyIn, "energyIn");
    Objects.requireNonNull(energyOut, "energyOut");
  }
}
