package org.dent.server.reference;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link Simulator} in real time: calls {@link Simulator#tick()} every {@code period} of wall time on one
 * daemon thread (the simulator reads the operator's clock, which a time scale makes run faster). Tests do not use
 * this; they call the simulator directly. Closing stops the ticks and waits for a running one.
 */
public final class SimulationScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulationScheduler.class);

  private final ScheduledExecutorService timer;

  private SimulationScheduler(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Starts ticking {@code simulator} every {@code period}.
   *
   * @throws IllegalArgumentException unless {@code period} is positive
   */
  public static SimulationScheduler start(Simulator simulator, Duration period) {
    Objects.requireNonNull(simulator, "simulator");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("tick period must be positive");
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dent-reference-simulator");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> {
      try {
        simulator.tick();
      } catch (RuntimeException e) {
        log.error("simulation tick failed", e);
      }
    }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return new SimulationScheduler(timer);
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
