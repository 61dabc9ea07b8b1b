package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.units.Money;
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
  static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  private Bills() {}

  /**
   * What one contract is billed.
   *
   * @param chargeContract false for a free cancellation: no capacity, energy or fixed lines
   * @param cancellationFee the fee when cancelled, else null (no line)
   * @param buyBackKwh residual bought back, or null (no line)
   */
  static Bill compute(AssetSpec asset, BigDecimal reservedKwh, Duration window, BigDecimal inKwh, BigDecimal outKwh,
      @Nullable BigDecimal cancellationFee, @Nullable BigDecimal buyBackKwh, boolean chargeContract) {
    PricingTerms p = asset.pricing();
    Currency c = asset.currency();
    String item = asset.id();
    List<BillLine> lines = new ArrayList<>();
    if (chargeContract) {
      if (asset.charges(PricingModel.CAPACITY_TIME)) {
        BigDecimal exact = reservedKwh.multiply(AssetSpec.price(p.capacityPricePerKwhDay()))
            .multiply(BigDecimal.valueOf(window.getSeconds()));
        lines.add(BillLine.of(BillLineKind.CAPACITY_RESERVATION, item,
            Money.of(exact.divide(SECONDS_PER_DAY, digits(c), ROUNDING), c)));
      }
      if (asset.charges(PricingModel.ENERGY_THROUGHPUT)) {
        lines.add(line(BillLineKind.ENERGY_IN, item, inKwh.multiply(AssetSpec.price(p.energyInPricePerKwh())), c));
        lines.add(line(BillLineKind.ENERGY_OUT, item, outKwh.multiply(AssetSpec.price(p.energyOutPricePerKwh())),
            c));
      }
      if (asset.charges(PricingModel.FIXED)) {
        lines.add(line(BillLineKind.FIXED_FEE, item, AssetSpec.price(p.fixedFee()), c));
      }
    }
    if (cancellationFee != null) {
      lines.add(line(BillLineKind.CANCELLATION_FEE, item, cancellationFee, c));
    }
    BigDecimal charges = BigDecimal.ZERO;
    for (BillLine l : lines) {
      charges = charges.add(l.amount().amount());
    }
    BigDecimal buyBackPrice = asset.residual().buyBackPricePerKwh();
    if (buyBackKwh != null && buyBackKwh.signum() > 0 && buyBackPrice != null) {
      lines.add(BillLine.of(BillLineKind.BUY_BACK_CREDIT, item,
          round(buyBackKwh.multiply(buyBackPrice), c).negate()));
    }
    lines.add(line(BillLineKind.TAX, null, charges.multiply(AssetSpec.price(p.taxRate())), c));
    return Bill.of(lines, c);
  }

  /** The estimate of a reservation: energy in = reserved, energy out = reserved × round-trip efficiency. */
  static Bill estimate(AssetSpec asset, BigDecimal reservedKwh, Duration window) {
    return compute(asset, reservedKwh, window, reservedKwh,
        reservedKwh.multiply(asset.spec().roundTripEfficiency()), null, null, true);
  }

  private static BillLine line(BillLineKind kind, @Nullable String item, BigDecimal exact, Currency c) {
    return BillLine.of(kind, item, round(exact, c));
  }

  private static Money round(BigDecimal exact, Currency c) {
    return Money.of(exact.setScale(digits(c), ROUNDING), c);
  }

  private static int digits(Currency c) {
    return Math.max(0, c.getDefaultFractionDigits());
  }
}
