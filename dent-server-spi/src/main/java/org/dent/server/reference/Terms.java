package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.dent.core.model.Billing;
import org.dent.core.model.Payment;
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
 * @param window the reservation window, aligned to the asset's slot granularity
 * @param billing the billing party, or null before {@code init}
 * @param payments the payment terms, empty before {@code init}
 * @param socHigh {@code alert-thresholds.soc-high}, fraction of the contract
 * @param socLow {@code alert-thresholds.soc-low}, fraction of the contract
 * @param thresholdsGiven whether the BAP sent {@code alert-thresholds} (they are echoed then)
 */
record Terms(AssetSpec asset, String fulfillmentId, Energy energy, TimeWindow window, @Nullable Billing billing,
    List<Payment> payments, BigDecimal socHigh, BigDecimal socLow, boolean thresholdsGiven) {
  static final BigDecimal DEFAULT_SOC_HIGH = new BigDecimal("0.9");
  static final BigDecimal DEFAULT_SOC_LOW = new BigDecimal("0.1");

  Terms {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(fulfillmentId, "fulfillmentId");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(window, "window");
    payments = List.copyOf(payments);
  }

  /** Reserved energy in kWh. */
  BigDecimal energyKwh() {
    return energy.in(EnergyUnit.KWH);
  }

  Terms withEnergy(Energy e) {
    return new Terms(asset, fulfillmentId, e, window, billing, payments, socHigh, socLow, thresholdsGiven);
  }

  Terms withWindow(TimeWindow w) {
    return new Terms(asset, fulfillmentId, energy, w, billing, payments, socHigh, socLow, thresholdsGiven);
  }

  /** The estimate of this reservation: energy in = reserved, energy out = reserved × efficiency. */
  Invoice estimate() {
    BigDecimal kwh = energyKwh();
    return Invoice.compute(asset.tariff(), kwh, window.duration(), kwh, kwh.multiply(asset.roundTripEfficiency()),
        null, null, null, true);
  }
}
