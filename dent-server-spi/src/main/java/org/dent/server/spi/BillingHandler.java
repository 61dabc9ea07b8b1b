package org.dent.server.spi;

import org.dent.core.profile.view.Bill;

/**
 * How an operator prices storage: the estimate quoted in {@code on_search}, {@code on_select} and {@code on_init},
 * and the final bill at termination. Lines use the profile's titles ({@code capacity-reservation},
 * {@code energy-in}, {@code energy-out}, {@code fixed-fee}, {@code cancellation-fee}, {@code buy-back-credit},
 * {@code tax}) and must add up exactly to the total. The reference operator's default is
 * {@code org.dent.server.reference.ReferenceBilling}; install another with its builder's {@code billing(...)}.
 */
public interface BillingHandler {
  /** The quote for a prospective contract: planned energy in and out instead of metered values. */
  Bill estimate(BillingInput input);

  /** The final bill from the metered values, fees and residual settlement. */
  Bill finalBill(BillingInput input);
}
