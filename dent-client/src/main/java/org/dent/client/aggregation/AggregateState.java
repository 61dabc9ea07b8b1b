package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.jspecify.annotations.Nullable;

/**
 * The portfolio's state at one instant, from its legs' latest telemetry ({@link PortfolioMonitor#state()}).
 *
 * <p>The state of charge is capacity-weighted: {@code Σ soc_i × reserved_i / Σ reserved_i}, which is stored energy
 * over reserved energy of the legs it covers. Legs whose latest reading is older than the staleness limit, and legs
 * that never reported, are <em>not</em> averaged away: {@link #soc()} is empty unless every leg is fresh, and
 * {@link #socLow()}/{@link #socHigh()} bound the true value by counting each unknown leg as empty or as full.
 *
 * @param at when the state was computed
 * @param reserved reserved energy of all legs
 * @param storedFresh stored energy of the fresh legs
 * @param storedKnown stored energy of every leg that ever reported (fresh or stale, last known value)
 * @param power summed power of the fresh legs, signed (positive charging); zero when none states it
 * @param socFresh capacity-weighted SoC of the fresh legs only; null when no leg is fresh
 * @param socLow lower bound of the portfolio's SoC: unknown legs counted empty
 * @param socHigh upper bound of the portfolio's SoC: unknown legs counted full
 * @param legs each leg's view, in portfolio order
 */
public record AggregateState(Instant at, Energy reserved, Energy storedFresh, Energy storedKnown, Power power,
    @Nullable BigDecimal socFresh, BigDecimal socLow, BigDecimal socHigh, List<LegState> legs) {
  public AggregateState {
    Objects.requireNonNull(at, "at");
    legs = List.copyOf(legs);
  }

  /** How fresh one leg's data is. */
  public enum Freshness {
    /** The latest reading is within the staleness limit. */
    FRESH,
    /** The latest reading is older than the limit. */
    STALE,
    /** No reading yet. */
    MISSING
  }

  /**
   * One leg in an {@link AggregateState}.
   *
   * @param orderId the leg's order
   * @param name the leg's name ({@link Leg#name()})
   * @param reserved its reserved energy
   * @param stored its last known stored energy; null when missing
   * @param soc its last known SoC; null when missing
   * @param measuredAt when its latest reading was taken; null when missing
   * @param freshness fresh, stale or missing
   */
  public record LegState(String orderId, String name, Energy reserved, @Nullable Energy stored,
      @Nullable BigDecimal soc, @Nullable Instant measuredAt, Freshness freshness) {}

  /** The portfolio's SoC, present only when every leg is fresh. */
  public Optional<BigDecimal> soc() {
    return complete() ? Optional.ofNullable(socFresh) : Optional.empty();
  }

  /** True when every leg is fresh. */
  public boolean complete() {
    return legs.stream().allMatch(l -> l.freshness() == Freshness.FRESH);
  }

  /** Legs that are stale or missing. */
  public List<LegState> flagged() {
    return legs.stream().filter(l -> l.freshness() != Freshness.FRESH).toList();
  }
}
