package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.server.spi.BillingHandler;
import org.dent.server.spi.BillingInput;
import org.dent.server.spi.CapacitySpan;
import org.jspecify.annotations.Nullable;

/**
 * The reference operator's billing: capacity-time (reserved kWh × days × price, summed over the contract's
 * {@linkplain BillingInput#capacitySpans capacity spans} when it was modified), energy in and out (metered kWh ×
 * price), the fixed fee, the cancellation fee, a buy-back credit for residual energy, and tax on the charges (never
 * on the credit). Each line is computed exactly and rounded HALF_UP to the currency's fraction digits; tax is the
 * tax rate times the sum of the rounded charge lines, rounded the same way; the total is the exact sum of the lines.
 * An estimate assumes energy in = the planned energy and energy out = energy in × round-trip efficiency.
 */
public final class ReferenceBilling implements BillingHandler {
  /** The rounding of every line. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  @Override
  public Bill estimate(BillingInput in) {
    BigDecimal planned = in.energyIn().in(EnergyUnit.KWH);
    return compute(in, planned, planned.multiply(in.spec().roundTripEfficiency()));
  }

  @Override
  public Bill finalBill(BillingInput in) {
    return compute(in, in.energyIn().in(EnergyUnit.KWH), in.energyOut().in(EnergyUnit.KWH));
  }

  private static Bill compute(BillingInput in, BigDecimal inKwh, BigDecimal outKwh) {
    PricingTerms p = in.pricing();
    Currency c = p.currency();
    String item = in.itemId();
    List<BillLine> lines = new ArrayList<>();
    if (in.chargeContract()) {
      if (p.models().contains(PricingModel.CAPACITY_TIME)) {
        BigDecimal kwhSeconds = BigDecimal.ZERO;
        for (CapacitySpan span : in.capacitySpans()) {
          kwhSeconds = kwhSeconds.add(span.reserved().in(EnergyUnit.KWH)
              .multiply(BigDecimal.valueOf(span.duration().getSeconds())));
        }
        BigDecimal exact = kwhSeconds.multiply(price(p.capacityPricePerKwhDay()));
        lines.add(BillLine.of(BillLineKind.CAPACITY_RESERVATION, item,
            Money.of(exact.divide(SECONDS_PER_DAY, digits(c), ROUNDING), c)));
      }
      if (p.models().contains(PricingModel.ENERGY_THROUGHPUT)) {
        lines.add(line(BillLineKind.ENERGY_IN, item, inKwh.multiply(price(p.energyInPricePerKwh())), c));
        lines.add(line(BillLineKind.ENERGY_OUT, item, outKwh.multiply(price(p.energyOutPricePerKwh())), c));
      }
      if (p.models().contains(PricingModel.FIXED)) {
        lines.add(line(BillLineKind.FIXED_FEE, item, price(p.fixedFee()), c));
      }
    }
    if (in.cancellationFee() != null) {
      lines.add(line(BillLineKind.CANCELLATION_FEE, item, in.cancellationFee().amount(), c));
    }
    BigDecimal charges = BigDecimal.ZERO;
    for (BillLine l : lines) {
      charges = charges.add(l.amount().amount());
    }
    if (in.buyBack() != null && in.buyBack().isPositive() && in.buyBackPricePerKwh() != null) {
      lines.add(BillLine.of(BillLineKind.BUY_BACK_CREDIT, item,
          round(in.buyBack().in(EnergyUnit.KWH).multiply(in.buyBackPricePerKwh()), c).negate()));
    }
    lines.add(line(BillLineKind.TAX, null, charges.multiply(price(p.taxRate())), c));
    return Bill.of(lines, c);
  }

  private static BigDecimal price(@Nullable BigDecimal price) {
    return price == null ? BigDecimal.ZERO : price;
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
