package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The piecewise-constant ledger against a brute-force model over random bookings and releases. */
class StepLedgerTest {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  record Booking(int start, int end, BigDecimal amount) {}

  @Test
  void maxAndLevelsMatchABruteForceModel() {
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      StepLedger ledger = new StepLedger();
      List<Booking> live = new ArrayList<>();
      try {
        for (int op = 0; op < 60; op++) {
          if (!live.isEmpty() && r.nextInt(3) == 0) {
            Booking b = live.remove(r.nextInt(live.size()));
            ledger.add(at(b.start), at(b.end), b.amount.negate());
          } else {
            int s = r.nextInt(96);
            Booking b = new Booking(s, s + 1 + r.nextInt(24), BigDecimal.valueOf(r.nextInt(5000), 2));
            live.add(b);
            ledger.add(at(b.start), at(b.end), b.amount);
          }
          int qs = r.nextInt(100);
          int qe = qs + 1 + r.nextInt(30);
          assertThat(ledger.max(at(qs), at(qe))).isEqualByComparingTo(bruteMax(live, qs, qe));
          int p = r.nextInt(130);
          assertThat(ledger.levelAt(at(p))).isEqualByComparingTo(bruteMax(live, p, p + 1));
        }
        live.forEach(b -> ledger.add(at(b.start), at(b.end), b.amount.negate()));
        assertThat(ledger.isEmpty()).as("merged back to nothing").isTrue();
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void adjacentEqualLevelsMerge() {
    StepLedger l = new StepLedger();
    l.add(at(0), at(4), BigDecimal.TEN);
    l.add(at(4), at(8), BigDecimal.TEN);
    assertThat(l.view()).containsOnlyKeys(at(0), at(8));
    assertThat(l.max(at(8), at(9))).isZero();
  }

  static Instant at(int slot) {
    return T0.plusSeconds(900L * slot);
  }

  static BigDecimal bruteMax(List<Booking> live, int from, int to) {
    BigDecimal max = BigDecimal.ZERO;
    for (int t = from; t < to; t++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Booking b : live) {
        if (b.start <= t && t < b.end) {
          sum = sum.add(b.amount);
        }
      }
      max = max.max(sum);
    }
    return max;
  }
}
