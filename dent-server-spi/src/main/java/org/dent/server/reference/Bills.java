package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.dent.core.profile.view.Bill;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.server.spi.BillingHandler;
import org.dent.server.spi.BillingInput;
import org.dent.server.spi.CapacitySpan;
import org.jspecify.annotations.Nullable;


/**
 * How the reference operator prices a contract, as a {@link Bill} (the estimate of a quote, or the final bill).
 *
 * <p>Rounding, stated once: each line is computed exactly and rounded {@link #ROUNDING HALF_UP} to the currency's
 * fraction digits (2 for INR). {@code capacity-reservation} is {@code reserved kWh × price × window seconds ÷
 * 86400}, rounded once; {@code energy-in}/{@code energy-out} are metered (or, in an estimate, reserved and
 * reserved × round-trip efficiency) kWh × their price; {@code buy-back-credit} is the negated rounded magnitude of
 * residual kWh × buy-back price; {@code tax} is {@code tax-rate × the sum of the rounded charge lines} (every line
 * but the credit), rounded once; the total adds the rounded lines exactly, so it needs no rounding.
 */
final class Bills {
  static final RoundingMode ROUNDING = ReferenceBilling.ROUNDING;

  private Bills() {}

  /**
   * What one contract is billed, by {@code billing}.
   *
   * @param chargeContract false for a free cancellation: no capacity, energy or fixed lines
   * @param cancellationFee the fee when cancelled, else null (no line)
   * @param buyBackKwh residual bought back, or null (no line)
   */
  static Bill compute(BillingHandler billing, AssetSpec asset, BigDecimal reservedKwh, Duration window,
      BigDecimal inKwh, BigDecimal outKwh, @Nullable BigDecimal cancellationFee, @Nullable BigDecimal buyBackKwh,
      boolean chargeContract) {
    return compute(billing, asset, reservedKwh, window, List.of(new CapacitySpan(kwh(reservedKwh), window)), inKwh,
        outKwh, cancellationFee, buyBackKwh, chargeContract);
  }

  /** As above, with the capacity-time of a modified contract ({@link CapacityHistory#spans}). */
  static Bill compute(BillingHandler billing, AssetSpec asset, BigDecimal reservedKwh, Duration window,
      List<CapacitySpan> spans, BigDecimal inKwh, BigDecimal outKwh, @Nullable BigDecimal cancellationFee,
      @Nullable BigDecimal buyBackKwh, boolean chargeContract) {
    Currency c = asset.currency();
    return billing.finalBill(new BillingInput(asset.id(), asset.spec(), asset.pricing(), kwh(reservedKwh), window,
        kwh(inKwh), kwh(outKwh), cancellationFee == null ? null : Money.of(cancellationFee, c),
        buyBackKwh == null ? null : kwh(buyBackKwh), asset.residual().buyBackPricePerKwh(), chargeContract, spans));
  }

  /** The estimate of a contract whose capacity-time is {@code spans}: energy in = reserved. */
  static Bill estimate(BillingHandler billing, AssetSpec asset, BigDecimal reservedKwh, Duration window,
      List<CapacitySpan> spans) {
    return billing.estimate(new BillingInput(asset.id(), asset.spec(), asset.pricing(), kwh(reservedKwh), window,
        kwh(reservedKwh), kwh(BigDecimal.ZERO), null, null, null, true, spans));
  }

  /** The estimate of a reservation, by {@code billing}: energy in = reserved. */
  static Bill estimate(BillingHandler billing, AssetSpec asset, BigDecimal reservedKwh, Duration window) {
    return billing.estimate(new BillingInput(asset.id(), asset.spec(), asset.pricing(), kwh(reservedKwh), window,
        kwh(reservedKwh), kwh(BigDecimal.ZERO), null, null, null, true));
  }

  private static Energy kwh(BigDecimal value) {
    return Energy.of(value, EnergyUnit.KWH);
  }
}
