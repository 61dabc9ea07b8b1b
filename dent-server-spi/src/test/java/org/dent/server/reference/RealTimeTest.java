package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.StorageState;
import org.junit.jupiter.api.Test;

/**
 * The production path: a {@link ScaledClock} (an hour of simulated time per wall second) and the
 * {@link SimulationScheduler} push telemetry on their own while a transfer runs, spaced by the telemetry interval
 * of wall time. Waits with Awaitility; nothing sleeps.
 */
class RealTimeTest {
  record Push(long nanos, Order order) {}

  @Test
  void theSchedulerRunsTransfersAndPushesTelemetryInScaledTime() {
    Harness.VALIDATOR.validate(Harness.CODEC.toTree(Fleet.defaultFleet().assets().get(0).spec().toTagGroup()));
    ReferenceOperator op = ReferenceOperator.builder().clock(Clock.systemUTC()).timeScale(3600)
        .telemetryInterval(Duration.ofMillis(200)).build();
    List<Push> pushes = new CopyOnWriteArrayList<>();
    try (Harness h = new Harness(new MutableClock(Instant.now()), op)) {
      op.attach(o -> pushes.add(new Push(System.nanoTime(), o)));
      Instant simNow = op.clock().instant();
      long slot = Duration.ofMinutes(15).getSeconds();
      Instant start = Instant.ofEpochSecond((simNow.getEpochSecond() / slot + 8) * slot); // 1.75-2 s ahead
      String id = h.book("vv-bess-01", "50", start.toString(), start.plus(Duration.ofHours(8)).toString());
      // on a loaded machine booking can take longer than those 2 s (2 simulated hours): start the transfer at the
      // next slot that is still ahead, well inside the 8-hour window
      Instant next = Instant.ofEpochSecond((op.clock().instant().getEpochSecond() / slot + 2) * slot);
      Instant transferStart = next.isAfter(start) ? next : start;
      h.update("t", "order.fulfillments", Harness.transfer(id, "charge", "20 kWh", "10 kW",
          transferStart.toString()));
      op.startSimulation();
      await().atMost(15, TimeUnit.SECONDS).until(() -> pushes.stream().anyMatch(p -> Alert.in(
          p.order().fulfillments().get(0).tags()).map(Alert::code).filter(Alert.TRANSFER_COMPLETE::equals)
          .isPresent()));
      op.close();
      List<Long> charging = new ArrayList<>();
      for (Push p : pushes) {
        if (p.order().fulfillments().get(0).state().descriptor().code().equals(StorageState.CHARGING.code())) {
          charging.add(p.nanos());
        }
      }
      // two simulated hours at 1 h/s with a push every 200 ms of wall time: about ten pushes while charging; the
      // bounds leave room for a loaded machine (a stalled scheduler would push once or not at all)
      assertThat(charging.size()).isBetween(4, 30);
      for (int i = 1; i < charging.size(); i++) {
        assertThat(Duration.ofNanos(charging.get(i) - charging.get(i - 1))).isLessThan(Duration.ofMillis(1500));
      }
    }
  }
}
