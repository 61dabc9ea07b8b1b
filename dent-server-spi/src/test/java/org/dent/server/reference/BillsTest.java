package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Random;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.units.Money;
import org.junit.jupiter.api.Test;

/** Billing: the worked numbers exactly, and seeded random bills that always balance and tax only charges. */
class BillsTest {
  static final org.dent.server.spi.BillingHandler BILLING = new ReferenceBilling();
  static final AssetSpec VV = Fleet.defaultFleet().assets().get(0);

  static String text(Bill b) {
    StringBuilder s = new StringBuilder();
    for (BillLine l : b.lines()) {
      s.append(l.title()).append('=').append(l.amount().value()).append(' ');
    }
    return s.append("total=").append(b.total().value()).toString();
  }

  @Test
  void theWorkedEstimateAndTheWorkedFinalBill() {
    assertThat(text(Bills.estimate(BILLING, VV, new BigDecimal("50"), Duration.ofHours(8)))).isEqualTo(
        "capacity-reservation=33.33 energy-in=25.00 energy-out=23.00 fixed-fee=50.00 tax=23.64 total=154.97");
    // 15-on_cancel: 40 kWh in, nothing out, cancelled in HOLDING for 25.00, 38.367 kWh bought back at 2.50
    Bill cancelled = Bills.compute(BILLING, VV, new BigDecimal("50"), Duration.ofHours(8), new BigDecimal("40"),
        BigDecimal.ZERO, new BigDecimal("25.00"), new BigDecimal("38.367"), true);
    assertThat(text(cancelled)).isEqualTo("capacity-reservation=33.33 energy-in=20.00 energy-out=0.00 "
        + "fixed-fee=50.00 cancellation-fee=25.00 buy-back-credit=-95.92 tax=23.10 total=55.51");
  }

  @Test
  void linesAreRoundedHalfUp() {
    // 0.125 × 0.50 = 0.0625 → 0.06; 0.13 × 0.50 = 0.065 → 0.07 (HALF_EVEN would give 0.06)
    Bill b = Bills.compute(BILLING, VV, BigDecimal.ONE, Duration.ofMinutes(15), new BigDecimal("0.13"), BigDecimal.ZERO, null,
        null, true);
    assertThat(b.amount(BillLineKind.ENERGY_IN).value()).isEqualTo("0.07");
  }

  @Test
  void randomBillsBalanceAndTaxOnlyTheCharges() {
    for (long seed = 1; seed <= 2000; seed++) {
      Random r = new Random(seed);
      AssetSpec a = Assets.random(r, "x", 12.97, 77.59);
      BigDecimal reserved = Assets.dec(r, 100_000_000, 6);
      BigDecimal in = Assets.dec(r, 100_000_000, 9);
      BigDecimal out = Assets.dec(r, 100_000_000, 9);
      BigDecimal fee = r.nextBoolean() ? Assets.dec(r, 10_000, 2) : null;
      BigDecimal residual = r.nextBoolean() ? Assets.dec(r, 100_000_000, 9) : null;
      Duration window = a.slotGranularity().multipliedBy(1 + r.nextInt(500));
      Bill b = Bills.compute(BILLING, a, reserved, window, in, out, fee, residual, r.nextInt(5) > 0);
      String where = "seed " + seed;
      b.requireBalanced();
      Money charges = Money.zero(b.currency());
      for (BillLine l : b.lines()) {
        assertThat(l.amount().amount().scale()).as(where).isEqualTo(2);
        if (l.kind() == BillLineKind.BUY_BACK_CREDIT) {
          assertThat(l.amount().isPositive()).as(where).isFalse();
        } else if (l.kind() != BillLineKind.TAX) {
          assertThat(l.amount().isNegative()).as(where).isFalse();
          charges = charges.plus(l.amount());
        }
      }
      BigDecimal rate = AssetSpec.price(a.pricing().taxRate());
      assertThat(b.amount(BillLineKind.TAX).amount()).as(where)
          .isEqualByComparingTo(charges.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP));
      assertThat(b.lines().get(b.lines().size() - 1).kind()).as(where).isEqualTo(BillLineKind.TAX);
    }
  }
}
