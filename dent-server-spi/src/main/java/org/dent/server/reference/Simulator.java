package org.dent.server.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The step function of the reference operator's physics: {@link #advanceTo(Instant)} runs every live contract up
 * to an instant (charging, discharging, self-discharge, alerts, receipts, window ends) and pushes what happened.
 * Time only moves forward; advancing to an earlier instant does nothing. Thread-safe: each asset is stepped under
 * its lock, so handlers and the simulator can run at once.
 *
 * <p>Tests call {@link #advanceTo} (or {@link #tick()}) directly after moving their clock; in production a
 * {@link SimulationScheduler} calls {@link #tick()} periodically. Besides event pushes (transfer start, alerts,
 * receipts, completion), a contract with a transfer running gets a periodic telemetry push whenever at least the
 * telemetry interval (simulated time) has passed since its last one.
 */
public final class Simulator {
  private final OperatorState state;

  Simulator(OperatorState state) {
    this.state = state;
  }

  /** Advances to the operator clock's instant. */
  public void tick() {
    advanceTo(state.now());
  }

  /** Runs every live contract up to {@code until} and pushes the resulting readings. */
  public void advanceTo(Instant until) {
    List<Snapshot> events = new ArrayList<>();
    for (AssetBook book : state.store.shared() ? List.copyOf(state.books.values()) : List.copyOf(state.active)) {
      state.atomically(book, null, true, () -> {
        for (Contract c : book.live()) {
          c.advance(until, events);
          if (!c.phase.isFinal() && c.busy
              && !Duration.between(c.lastTelemetryAt, until).minus(state.telemetryInterval).isNegative()) {
            events.add(c.snapshot(until, null, null));
            c.lastTelemetryAt = until;
            c.busy = Contract.transferring(c.phase);
          }
        }
        if (!book.hasLive()) {
          state.active.remove(book);
        }
        return null;
      });
    }
    state.store.purgeQuotes(until);
    state.dispatch(events);
  }
}
