package org.dent.server.reference;

import org.dent.server.spi.BillingHandler;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.dent.core.model.Billing;
import org.dent.core.model.Payment;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.Bill;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * What a quote offers and a contract holds: the asset, the reserved energy over a window, and what the BAP sent with
 * {@code init}/{@code confirm} (billing, payments, alert thresholds). Immutable; a modification replaces it.
 *
 * @param asset the asset
 * @param fulfillmentId the fulfillment id to echo ({@code f1} when the BAP sent none)
 * @param energy reserved energy as it travels (the BAP's spelling when granted in full)
 * @param window the reservation window
 * @param billing the billing party, or null before {@code init}
 * @param payments the payment terms, empty before {@code init}
 * @param thresholds the alert thresholds the BAP sent, or {@link AlertThresholds#DEFAULTS}
 * @param thresholdsGiven whether the BAP sent {@code alert-thresholds} (quotes echo them only then)
 */
record Terms(AssetSpec asset, String fulfillmentId, Energy energy, TimeWindow window, @Nullable Billing billing,
    List<Payment> payments, AlertThresholds thresholds, boolean thresholdsGiven) {

  Terms {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(fulfillmentId, "fulfillmentId");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(thresholds, "thresholds");
    payments = List.copyOf(payments);
  }

  /** Reserved energy in kWh. */
  BigDecimal energyKwh() {
    return energy.in(EnergyUnit.KWH);
  }

  BigDecimal socHigh() {
    return thresholds.high().value();
  }

  BigDecimal socLow() {
    return thresholds.low().value();
  }

  Terms withEnergy(Energy e) {
    return new Terms(asset, fulfillmentId, e, window, billing, payments, thresholds, thresholdsGiven);
  }

  Terms withWindow(TimeWindow w) {
    return new Terms(asset, fulfillmentId, energy, w, billing, payments, thresholds, thresholdsGiven);
  }

  /** The estimate of this reservation by {@code billing}. */
  Bill estimate(BillingHandler billing) {
    return Bills.estimate(billing, asset, energyKwh(), window.duration());
  }
}
