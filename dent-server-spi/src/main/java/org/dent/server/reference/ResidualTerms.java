package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.Objects;
import org.dent.core.profile.view.ResidualPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What happens to energy still stored when a contract ends (window end or cancellation), shown in tag group
 * {@code settlement}. {@link ResidualPolicy#BUY_BACK}: the operator keeps the energy and credits {@code residual
 * kWh × buyBackPricePerKwh} on the bill ({@code buy-back-credit}, negative, untaxed).
 * {@link ResidualPolicy#FORCED_DISCHARGE}: the operator discharges the residual to the contract's connection at
 * termination; it is metered as energy out (at √efficiency, like any discharge) and billed at the
 * {@code energy-out} price when the pricing has throughput.
 *
 * @param policy the policy
 * @param buyBackPricePerKwh the credit per stored kWh, required with buy-back, null otherwise
 */
public record ResidualTerms(ResidualPolicy policy, @Nullable BigDecimal buyBackPricePerKwh) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a buy-back has no price (or a negative one)
   */
  public ResidualTerms {
    Objects.requireNonNull(policy, "policy");
    if (policy == ResidualPolicy.BUY_BACK && (buyBackPricePerKwh == null || buyBackPricePerKwh.signum() < 0)) {
      throw new IllegalArgumentException("buy-back needs a buy-back-price-per-kwh >= 0");
    }
    if (policy == ResidualPolicy.FORCED_DISCHARGE) {
      buyBackPricePerKwh = null;
    }
  }

  /** Buy-back at {@code pricePerKwh}. */
  public static ResidualTerms buyBack(BigDecimal pricePerKwh) {
    return new ResidualTerms(ResidualPolicy.BUY_BACK, pricePerKwh);
  }

  /** Forced discharge. */
  public static ResidualTerms forcedDischarge() {
    return new ResidualTerms(ResidualPolicy.FORCED_DISCHARGE, null);
  }
}
