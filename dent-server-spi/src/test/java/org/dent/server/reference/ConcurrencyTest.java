package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dent.core.model.Action;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.Order;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.BusinessException;
import org.junit.jupiter.api.Test;

/** Many BAPs confirming the last capacity of one asset at once: exactly those that fit win, nothing overbooks. */
class ConcurrencyTest {
  static final Instant DAY = Instant.parse("2026-12-01T10:00:00Z");

  record Bid(String txn, String energy, TimeWindow window, Order order) {}

  @Test
  void sixtyFourThreadsRaceForTheLastCapacityFiftyTimes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      for (long seed = 1; seed <= 50; seed++) {
        try {
          round(seed, pool);
        } catch (AssertionError e) {
          throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  void round(long seed, ExecutorService pool) throws Exception {
    Random r = new Random(seed);
    try (Harness h = new Harness(DAY.minus(Duration.ofDays(1)))) {
      int left = 20 + r.nextInt(60); // kWh still free over the day
      h.book("vv-bess-01", String.valueOf(450 - left), DAY.toString(), DAY.plus(Duration.ofHours(8)).toString());
      List<Bid> bids = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int s = r.nextInt(28);
        TimeWindow w = new TimeWindow(DAY.plus(Duration.ofMinutes(15L * s)),
            DAY.plus(Duration.ofMinutes(15L * (s + 1 + r.nextInt(32 - s)))));
        String energy = String.valueOf(1 + r.nextInt(left));
        String txn = UUID.randomUUID().toString();
        Order o = Harness.withTerms(Harness.order("vv-bess-01", energy, w.start().toString(), w.end().toString()));
        h.select(txn, o);
        bids.add(new Bid(txn, energy, w, o));
      }
      CountDownLatch go = new CountDownLatch(1);
      Map<Bid, String> outcome = new ConcurrentHashMap<>();
      List<Future<?>> done = new ArrayList<>();
      for (Bid b : bids) {
        Context c = h.context(Action.CONFIRM, b.txn);
        done.add(pool.submit(() -> {
          go.await();
          try {
            h.operator.confirm(new ConfirmRequest(c, new ConfirmRequest.Message(b.order)), h.rc(c));
            outcome.put(b, "ok");
          } catch (BusinessException e) {
            outcome.put(b, e.code());
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(outcome.values()).containsOnly("ok", "40002").contains("ok");
      AssetBook book = h.operator.state().books.get("vv-bess-01");
      OperatorState.locked(book, () -> {
        // the ledger never exceeds the usable capacity, and it holds exactly the winners (plus the pre-booking)
        book.reserved.view().values().forEach(v -> assertThat(v).isLessThanOrEqualTo(book.usableKwh));
        for (Instant t = DAY; t.isBefore(DAY.plus(Duration.ofHours(8))); t = t.plus(Duration.ofMinutes(15))) {
          BigDecimal sum = BigDecimal.valueOf(450 - left);
          for (Map.Entry<Bid, String> e : outcome.entrySet()) {
            if (e.getValue().equals("ok") && e.getKey().window.contains(t)) {
              sum = sum.add(new BigDecimal(e.getKey().energy));
            }
          }
          assertThat(book.reserved.levelAt(t)).isEqualByComparingTo(sum);
        }
        // every loser would still not fit: nothing was refused that the final ledger could hold
        outcome.forEach((b, code) -> {
          if (code.equals("40002")) {
            assertThat(book.freeKwh(b.window)).isLessThan(new BigDecimal(b.energy));
          }
        });
        return null;
      });
    }
  }

  @Test
  void aThousandConcurrentConfirmsOnOneAsset() throws Exception {
    thousandConfirms(); // warm-up: the JIT, the validator, the thread pool
    long nanos = thousandConfirms();
    System.out.printf("1000 concurrent confirms on one asset (32 threads): %.1f ms, %.0f confirms/s%n",
        nanos / 1e6, 1000 / (nanos / 1e9));
  }

  /** 1000 quotes of 1 kWh each over the same window, confirmed at once: exactly 450 fit. Returns the race's time. */
  long thousandConfirms() throws Exception {
    try (Harness h = new Harness(DAY.minus(Duration.ofDays(1)))) {
      List<String> txns = new ArrayList<>();
      Order o = Harness.withTerms(Harness.order("vv-bess-01", "1", DAY.toString(),
          DAY.plus(Duration.ofHours(8)).toString()));
      for (int i = 0; i < 1000; i++) {
        String txn = UUID.randomUUID().toString();
        h.operator.select(new org.dent.core.model.SelectRequest(h.context(Action.SELECT, txn),
            new org.dent.core.model.SelectRequest.Message(o)), h.rc(h.context(Action.SELECT, txn)));
        txns.add(txn);
      }
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch go = new CountDownLatch(1);
      Map<String, String> outcome = new ConcurrentHashMap<>();
      List<Future<?>> done = new ArrayList<>();
      for (String txn : txns) {
        Context c = h.context(Action.CONFIRM, txn);
        done.add(pool.submit(() -> {
          go.await();
          try {
            h.operator.confirm(new ConfirmRequest(c, new ConfirmRequest.Message(o)), h.rc(c));
            outcome.put(txn, "ok");
          } catch (BusinessException e) {
            outcome.put(txn, e.code());
          }
          return null;
        }));
      }
      long t0 = System.nanoTime();
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      long nanos = System.nanoTime() - t0;
      pool.shutdownNow();
      assertThat(outcome.values().stream().filter("ok"::equals).count()).isEqualTo(450); // 450 kWh usable
      assertThat(outcome.values()).containsOnly("ok", "40002");
      AssetBook book = h.operator.state().books.get("vv-bess-01");
      assertThat(OperatorState.locked(book, () -> book.reserved.levelAt(DAY))).isEqualByComparingTo("450");
      return nanos;
    }
  }
}
