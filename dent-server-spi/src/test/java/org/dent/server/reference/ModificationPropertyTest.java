package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.dent.core.error.DentException;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.junit.jupiter.api.Test;

/**
 * Seeded random runs of bookings, modifications, transfers and time on one asset (in-process): after every step
 * the asset's ledger is exactly the sum of its live contracts and never above the usable capacity, stored energy
 * never exceeds reserved energy, and every refused modification leaves the contract and the ledger as they were.
 * A failure names its seed.
 */
class ModificationPropertyTest {
  static final String ASSET = "vv-bess-01"; // usable 450 kWh, 100 kW, 15-minute slots
  static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void modificationsKeepTheLedgerExactAndRefusalsChangeNothing() {
    for (long seed = 1; seed <= 25; seed++) {
      try {
        run(seed);
      } catch (Throwable e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  void run(long seed) {
    Random r = new Random(seed);
    try (Harness h = new Harness(Instant.parse("2026-11-30T20:00:00Z"))) {
      AssetBook book = h.operator.state().books.get(ASSET);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        TimeWindow w = randomWindow(r);
        try {
          ids.add(h.book(ASSET, String.valueOf(20 + r.nextInt(100)), WireTime.format(w.start()),
              WireTime.format(w.end())));
        } catch (DentException full) {
          assertThat(full.code()).isEqualTo("40002");
        }
      }
      Instant now = h.clock.instant();
      for (int step = 0; step < 60 && !ids.isEmpty(); step++) {
        String id = ids.get(r.nextInt(ids.size()));
        Contract c = h.operator.state().orders.get(id);
        int op = r.nextInt(5);
        if (op == 0) {
          now = now.plus(Duration.ofMinutes(15L * (1 + r.nextInt(8))));
          h.advanceTo(WireTime.format(now));
        } else if (op == 1 && !c.phase.isFinal() && c.transfer == null) {
          Instant start = slotAtOrAfter(now.plus(Duration.ofMinutes(1)));
          try {
            h.update("t", "order.fulfillments", Harness.transfer(id, "charge", (5 + r.nextInt(60)) + " kWh",
                (10 + r.nextInt(90)) + " kW", WireTime.format(start)));
          } catch (DentException refused) {
            assertThat(refused.code()).isEqualTo("50002");
          }
        } else {
          ContractModification m = op == 4
              ? ContractModification.ofWindow(id, "f1", moved(r, c.terms.window(), now))
              : ContractModification.ofEnergy(id, ASSET, Energy.ofKwh(String.valueOf(1 + r.nextInt(300))));
          Terms before = OperatorState.locked(book, () -> c.terms);
          NavigableMap<Instant, BigDecimal> ledger = OperatorState.locked(book, () -> new TreeMap<>(
              book.reserved.view()));
          UpdateRequest.Message msg = m.toMessage();
          try {
            h.update("t", msg.updateTarget(), msg.order());
            Terms after = OperatorState.locked(book, () -> c.terms);
            assertThat(m.newEnergy().orElse(before.energy())).isEqualTo(after.energy());
            assertThat(m.newWindow().orElse(before.window())).isEqualTo(after.window());
          } catch (DentException refused) {
            assertThat(refused.code()).isIn("40002", "50002");
            assertThat(OperatorState.locked(book, () -> c.terms)).isEqualTo(before);
            assertThat(OperatorState.locked(book, () -> book.reserved.view())).isEqualTo(ledger);
          }
        }
        checkInvariants(h, book);
      }
    }
  }

  static void checkInvariants(Harness h, AssetBook book) {
    OperatorState.locked(book, () -> {
      StepLedger expected = new StepLedger();
      for (Contract c : book.live()) {
        expected.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh());
        assertThat(c.stored).isLessThanOrEqualTo(c.terms.energyKwh());
        assertThat(c.stored.signum()).isNotNegative();
      }
      assertThat(book.reserved.view()).isEqualTo(expected.view());
      assertThat(book.reserved.max(Instant.MIN, Instant.MAX)).isLessThanOrEqualTo(book.usableKwh);
      return null;
    });
    for (Map.Entry<String, Contract> e : h.operator.state().orders.entrySet()) {
      Contract c = e.getValue();
      OperatorState.locked(c.book, () -> {
        if (c.finalBill != null) {
          c.finalBill.requireBalanced();
        }
        return null;
      });
    }
  }

  static TimeWindow randomWindow(Random r) {
    Instant start = DAY.plus(Duration.ofMinutes(15L * r.nextInt(40)));
    return new TimeWindow(start, start.plus(Duration.ofMinutes(15L * (1 + r.nextInt(24)))));
  }

  /** A new window: the end moved by up to ±2 h; before the start, sometimes the whole window shifted. */
  static TimeWindow moved(Random r, TimeWindow w, Instant now) {
    Duration shift = Duration.ofMinutes(15L * (r.nextInt(17) - 8));
    Instant end = w.end().plus(shift);
    Instant start = w.start();
    if (now.isBefore(start) && r.nextBoolean()) {
      start = start.plus(shift);
    }
    if (!end.isAfter(start)) {
      end = start.plus(Duration.ofMinutes(15));
    }
    return new TimeWindow(start, end);
  }

  static Instant slotAtOrAfter(Instant t) {
    long slot = Duration.ofMinutes(15).toSeconds();
    long s = t.getEpochSecond();
    return Instant.ofEpochSecond((s + slot - 1) / slot * slot);
  }
}
