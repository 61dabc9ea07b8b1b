package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * A priced bill of one contract (the estimate of a quote, or the final bill): lines titled as the profile's quote
 * breakup ({@code capacity-reservation energy-in energy-out fixed-fee cancellation-fee buy-back-credit tax}) and a
 * total that is exactly their sum.
 *
 * <p>Rounding, stated once: each line is computed exactly and rounded {@link #ROUNDING HALF_UP} to the currency's
 * fraction digits (2 for INR); {@code capacity-reservation} is {@code reserved kWh × price × window seconds ÷ 86400}
 * rounded once; {@code buy-back-credit} is the negated rounded magnitude; {@code tax} is {@code tax-rate × the sum
 * of the rounded charge lines} (every line but the credit), rounded once; the total adds the rounded lines, so it
 * needs no rounding.
 *
 * @param currency the currency of every line
 * @param lines the lines in breakup order
 * @param total the sum of the lines
 */
public record Invoice(Currency currency, List<Line> lines, Money total) {
  /** Rounding of every line. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /** Breakup titles. */
  public static final String CAPACITY = "capacity-reservation";
  /** Breakup title of metered (or estimated) energy in. */
  public static final String ENERGY_IN = "energy-in";
  /** Breakup title of metered (or estimated) energy out. */
  public static final String ENERGY_OUT = "energy-out";
  /** Breakup title of the fixed fee. */
  public static final String FIXED = "fixed-fee";
  /** Breakup title of the cancellation fee. */
  public static final String CANCELLATION = "cancellation-fee";
  /** Breakup title of the residual buy-back (never positive). */
  public static final String BUY_BACK = "buy-back-credit";
  /** Breakup title of the tax. */
  public static final String TAX = "tax";

  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  /**
   * One line.
   *
   * @param title the breakup title
   * @param amount its rounded amount (negative only for {@code buy-back-credit})
   */
  public record Line(String title, Money amount) {
    /** Validates. */
    public Line {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * Checks that the total is the sum of the lines.
   *
   * @throws IllegalArgumentException otherwise
   */
  public Invoice {
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
    Money sum = Money.zero(currency);
    for (Line l : lines) {
      sum = sum.plus(l.amount());
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("total " + total + " is not the sum of the lines " + sum);
    }
  }

  /** The line titled {@code title}, or null. */
  public @Nullable Line line(String title) {
    return lines.stream().filter(l -> l.title().equals(title)).findFirst().orElse(null);
  }

  /**
   * What one contract is billed from its terms and meters.
   *
   * @param tariff the asset's price terms
   * @param reservedKwh energy reserved
   * @param window length of the reservation
   * @param inKwh energy charged (metered, or estimated)
   * @param outKwh energy delivered (metered, or estimated)
   * @param cancellationFee the fee when cancelled, else null (no line)
   * @param buyBackKwh residual bought back, or null (no line)
   * @param buyBackPricePerKwh the buy-back price, with {@code buyBackKwh}
   * @param chargeContract false for a free cancellation: capacity, energy and fixed lines are left out
   */
  static Invoice compute(Tariff tariff, BigDecimal reservedKwh, Duration window, BigDecimal inKwh, BigDecimal outKwh,
      @Nullable BigDecimal cancellationFee, @Nullable BigDecimal buyBackKwh, @Nullable BigDecimal buyBackPricePerKwh,
      boolean chargeContract) {
    Currency c = tariff.currency();
    List<Line> lines = new ArrayList<>();
    if (chargeContract) {
      if (tariff.has(Tariff.Component.CAPACITY_TIME)) {
        BigDecimal exact = reservedKwh.multiply(tariff.capacityPricePerKwhDay())
            .multiply(BigDecimal.valueOf(window.getSeconds()));
        lines.add(line(CAPACITY, exact.divide(SECONDS_PER_DAY, digits(c), ROUNDING), c));
      }
      if (tariff.has(Tariff.Component.ENERGY_THROUGHPUT)) {
        lines.add(line(ENERGY_IN, inKwh.multiply(tariff.energyInPricePerKwh()), c));
        lines.add(line(ENERGY_OUT, outKwh.multiply(tariff.energyOutPricePerKwh()), c));
      }
      if (tariff.has(Tariff.Component.FIXED)) {
        lines.add(line(FIXED, tariff.fixedFee(), c));
      }
    }
    if (cancellationFee != null) {
      lines.add(line(CANCELLATION, cancellationFee, c));
    }
    BigDecimal charges = BigDecimal.ZERO;
    for (Line l : lines) {
      charges = charges.add(l.amount().amount());
    }
    if (buyBackKwh != null && buyBackKwh.signum() > 0 && buyBackPricePerKwh != null) {
      lines.add(new Line(BUY_BACK, round(buyBackKwh.multiply(buyBackPricePerKwh), c).negate()));
    }
    lines.add(line(TAX, charges.multiply(tariff.taxRate()), c));
    Money total = Money.zero(c);
    for (Line l : lines) {
      total = total.plus(l.amount());
    }
    return new Invoice(c, lines, total);
  }

  private static Line line(String title, BigDecimal exact, Currency c) {
    return new Line(title, round(exact, c));
  }

  private static Money round(BigDecimal exact, Currency c) {
    return Money.of(exact.setScale(digits(c), ROUNDING), c);
  }

  private static int digits(Currency c) {
    return Math.max(0, c.getDefaultFractionDigits());
  }
}
