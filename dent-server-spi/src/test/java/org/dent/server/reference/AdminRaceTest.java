package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dent.core.model.Action;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.Order;
import org.dent.server.spi.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * A fault racing with confirms never leaves a live contract on an asset out of the
 * catalog; every confirm either wins before the change (and is then cancelled by the fault) or is refused
 * (30004 when the item is gone, 40002 when its book closed, 40003 when its quote was voided).
 */
class AdminRaceTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";

  @Test
  void aFaultRacingWithConfirmsLeavesNoLiveContractBehind() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        try (Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"))) {
          List<Future<?>> done = new ArrayList<>();
          Map<String, String> outcome = new ConcurrentHashMap<>();
          CountDownLatch go = new CountDownLatch(1);
          for (int i = 0; i < 32; i++) {
            String txn = UUID.randomUUID().toString();
            Order o = Harness.withTerms(Harness.order("vv-bess-01", "1", START, END));
            h.select(txn, o);
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
          go.countDown();
          List<String> cancelled = h.operator.admin().markFaulted("vv-bess-01", "race " + round);
          for (Future<?> f : done) {
            f.get();
          }
          assertThat(outcome.values()).allSatisfy(v -> assertThat(v).isIn("ok", "30004", "40002", "40003"));
          List<Contract> onAsset = h.operator.state().orders.values().stream()
              .filter(c -> c.terms.asset().id().equals("vv-bess-01")).toList();
          assertThat(onAsset).allSatisfy(c -> assertThat(c.phase.isFinal()).as(c.orderId).isTrue());
          assertThat(onAsset).extracting(c -> c.orderId).containsExactlyInAnyOrderElementsOf(cancelled);
          assertThat(onAsset).hasSize((int) outcome.values().stream().filter("ok"::equals).count());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
