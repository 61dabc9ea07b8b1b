package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.server.spi.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * Seeded random runs of whole contracts (random assets, several contracts per asset, random transfers and clock
 * steps) checking the physics after every step and the final bills at the end. A failure names its seed.
 */
class PhysicsPropertyTest {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  static final BigDecimal TOLERANCE = new BigDecimal("0.00001");

  final int[] accepted = new int[2];

  @Test
  void physicsAndBillsHoldForRandomRuns() {
    for (long seed = 1; seed <= 60; seed++) {
      try {
        run(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
    // the runs exercise both directions, not only refusals
    assertThat(accepted[0]).as("charges").isGreaterThan(100);
    assertThat(accepted[1]).as("discharges").isGreaterThan(30);
  }

  void run(long seed) {
    Random r = new Random(seed);
    AssetSpec asset = Assets.random(r, "x", 12.97, 77.59);
    Duration slot = asset.slotGranularity();
    try (Harness h = new Harness(T0.minus(Duration.ofHours(1)), Assets.fleet(List.of(asset)))) {
      Instant start = T0.plus(slot.multipliedBy(r.nextInt(4)));
      Instant end = start.plus(slot.multipliedBy(4 + r.nextInt(40)));
      List<String> ids = new ArrayList<>();
      BigDecimal usable = asset.usableKwh();
      for (int i = 0; i < 1 + r.nextInt(3); i++) {
        BigDecimal kwh = usable.multiply(BigDecimal.valueOf(10 + r.nextInt(50), 2)).setScale(1, RoundingMode.DOWN)
            .max(BigDecimal.ONE);
        try {
          ids.add(h.book("x", kwh.toPlainString(), start.toString(), end.toString()));
        } catch (BusinessException e) {
          assertThat(e.code()).isEqualTo("40002");
        }
      }
      assertThat(ids).isNotEmpty();
      h.advanceTo(start.minusSeconds(1).toString());
      Instant now = h.clock.instant();
      while (now.isBefore(end)) {
        if (r.nextInt(3) > 0) {
          requestTransfer(h, r, asset, ids.get(r.nextInt(ids.size())), now, end);
        }
        now = now.plusSeconds(1 + r.nextInt(r.nextBoolean() ? 120 : 7200));
        h.advanceTo(now.toString());
        for (String id : ids) {
          check(h, id, asset);
        }
      }
      for (String id : ids) {
        checkFinalBill(h.operator.state().orders.get(id), asset);
      }
      AssetBook book = h.operator.state().books.get("x");
      assertThat(OperatorState.locked(book, () -> book.reserved.isEmpty() && book.charging.isEmpty()
          && book.discharging.isEmpty())).as("released").isTrue();
      List<Long> seqs = h.validPushes(UUID.randomUUID().toString()).stream()
          .filter(o -> o.id().equals(ids.get(0)))
          .map(o -> org.dent.core.profile.view.Telemetry.in(o.fulfillments().get(0).tags()).orElseThrow().seq())
          .toList();
      assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }
  }

  void requestTransfer(Harness h, Random r, AssetSpec asset, String id, Instant now, Instant end) {
    Duration slot = asset.slotGranularity();
    long slotsLeft = Duration.between(now, end).dividedBy(slot);
    if (slotsLeft < 1) {
      return;
    }
    Instant aligned = Instant.ofEpochSecond((now.getEpochSecond() / slot.getSeconds() + 1) * slot.getSeconds());
    Instant start = aligned.plus(slot.multipliedBy(r.nextInt((int) Math.min(slotsLeft, 8))));
    boolean charge = r.nextInt(3) > 0;
    BigDecimal rating = charge ? asset.maxChargeKw() : asset.maxDischargeKw();
    BigDecimal kw = rating.multiply(BigDecimal.valueOf(5 + r.nextInt(110), 2)).setScale(1, RoundingMode.DOWN)
        .max(BigDecimal.ONE);
    BigDecimal kwh = BigDecimal.valueOf(1 + r.nextInt(400), 1);
    try {
      h.update("t", "order.fulfillments", Harness.transfer(id, charge ? "charge" : "discharge", kwh + " kWh",
          kw + " kW", start.toString()));
      accepted[charge ? 0 : 1]++;
    } catch (BusinessException e) {
      assertThat(e.code()).isEqualTo("50002");
      assertThat(e.getMessage()).matches("(OUTSIDE_WINDOW|ABOVE_RESERVED_ENERGY|INSUFFICIENT_STORED_ENERGY"
          + "|ABOVE_POWER_RATING|OFF_GRANULARITY): .*");
    }
  }

  static void check(Harness h, String id, AssetSpec asset) {
    Contract c = h.operator.state().orders.get(id);
    OperatorState.locked(c.book, () -> {
      BigDecimal cap = asset.spec().capacity().in(EnergyUnit.KWH)
          .multiply(asset.spec().maxSoc().value());
      assertThat(c.stored).isBetween(BigDecimal.ZERO, c.terms.energyKwh());
      assertThat(c.stored).isLessThanOrEqualTo(cap);
      Meters m = c.meters();
      assertThat(m.inKwh().subtract(m.chargeLossKwh()).subtract(m.outKwh()).subtract(m.dischargeLossKwh())
          .subtract(m.selfDischargeKwh()).subtract(m.boughtBackKwh())).as("energy accounting")
          .isEqualByComparingTo(c.stored);
      BigDecimal sqrt = asset.sqrtEfficiency();
      assertThat(m.chargeLossKwh().subtract(m.inKwh().multiply(BigDecimal.ONE.subtract(sqrt))).abs())
          .as("charge losses = in × (1 − √η)").isLessThan(TOLERANCE);
      assertThat(m.dischargeLossKwh().subtract(m.outKwh().divide(sqrt, 12, RoundingMode.HALF_EVEN)
          .subtract(m.outKwh())).abs()).as("discharge losses = out ÷ √η − out").isLessThan(TOLERANCE);
      assertThat(m.selfDischargeKwh()).isNotNegative();
      BigDecimal p = c.powerKw();
      assertThat(p).isBetween(asset.maxDischargeKw().negate(), asset.maxChargeKw());
      AssetBook b = c.book;
      b.charging.view().values().forEach(v -> assertThat(v).isBetween(BigDecimal.ZERO, b.maxChargeKw));
      b.discharging.view().values().forEach(v -> assertThat(v).isBetween(BigDecimal.ZERO, b.maxDischargeKw));
      b.reserved.view().values().forEach(v -> assertThat(v).isBetween(BigDecimal.ZERO, b.usableKwh));
      return null;
    });
  }

  static void checkFinalBill(Contract c, AssetSpec asset) {
    assertThat(c.phase.isFinal()).isTrue();
    Bill bill = c.finalBill;
    bill.requireBalanced();
    var p = asset.pricing();
    Money charges = Money.zero(bill.currency());
    for (var l : bill.lines()) {
      assertThat(l.amount().amount().scale()).isEqualTo(2);
      if (l.kind() != BillLineKind.TAX && l.kind() != BillLineKind.BUY_BACK_CREDIT) {
        charges = charges.plus(l.amount());
      }
    }
    if (asset.charges(PricingModel.ENERGY_THROUGHPUT)) {
      assertThat(bill.amount(BillLineKind.ENERGY_IN).amount())
          .isEqualByComparingTo(c.inKwh.multiply(p.energyInPricePerKwh()).setScale(2, RoundingMode.HALF_UP));
      assertThat(bill.amount(BillLineKind.ENERGY_OUT).amount())
          .isEqualByComparingTo(c.outKwh.multiply(p.energyOutPricePerKwh()).setScale(2, RoundingMode.HALF_UP));
    }
    assertThat(bill.amount(BillLineKind.TAX).amount())
        .isEqualByComparingTo(charges.amount().multiply(p.taxRate()).setScale(2, RoundingMode.HALF_UP));
    assertThat(bill.amount(BillLineKind.BUY_BACK_CREDIT).amount()).isNotPositive();
    if (asset.residual().buyBackPricePerKwh() != null) {
      assertThat(bill.amount(BillLineKind.BUY_BACK_CREDIT).amount().negate()).isEqualByComparingTo(
          c.boughtBack.multiply(asset.residual().buyBackPricePerKwh()).setScale(2, RoundingMode.HALF_UP));
    }
  }
}
