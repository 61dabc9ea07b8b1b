package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.dent.client.bap.DentClient;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.jspecify.annotations.Nullable;

/**
 * Follows a portfolio's legs' telemetry and keeps the aggregate state ({@link AggregateState}) and portfolio
 * alerts.
 *
 * <p>Readings are kept per leg by {@code seq} (an older or repeated {@code seq} is ignored). A leg is stale when
 * its latest reading is older than {@code staleAfter} by the injected clock. SoC alerts use the portfolio's SoC
 * only when every leg is fresh, with hysteresis: {@code SOC_HIGH} is raised when the SoC reaches the high
 * threshold from below and again only after it fell below {@code high − hysteresis}; {@code SOC_LOW} mirrors it.
 * The first complete reading sets the side without alerting. {@code LEG_STALE} is raised once each time a leg goes
 * from fresh to stale. Thread-safe.
 */
public final class PortfolioMonitor {
  private final List<Leg> legs;
  private final Clock clock;
  private final Duration staleAfter;
  private final BigDecimal high;
  private final BigDecimal low;
  private final BigDecimal hysteresis;
  private final Map<String, Telemetry> latest = new LinkedHashMap<>();
  private final Map<String, List<Telemetry>> readings = new LinkedHashMap<>();
  private final Set<String> reportedStale = new HashSet<>();
  private final List<PortfolioAlert> alerts = new ArrayList<>();
  private final List<Consumer<PortfolioAlert>> listeners = new ArrayList<>();
  private final List<AggregateState> history = new ArrayList<>();
  private @Nullable Boolean above;
  private @Nullable Boolean below;

  /**
   * @param high SoC threshold for {@code SOC_HIGH}, a fraction
   * @param low SoC threshold for {@code SOC_LOW}, a fraction below {@code high}
   * @param hysteresis how far back the SoC must go before the same alert can fire again, not negative
   */
  public PortfolioMonitor(List<Leg> legs, Clock clock, Duration staleAfter, BigDecimal high, BigDecimal low,
      BigDecimal hysteresis) {
    this.legs = List.copyOf(legs);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    if (low.compareTo(high) >= 0 || hysteresis.signum() < 0) {
      throw new IllegalArgumentException("low below high, hysteresis not negative");
    }
    this.high = high;
    this.low = low;
    this.hysteresis = hysteresis;
  }

  /** Calls {@code listener} with every alert raised from now on. */
  public synchronized void onAlert(Consumer<PortfolioAlert> listener) {
    listeners.add(listener);
  }

  /**
   * Subscribes to the legs' unsolicited {@code on_status}/{@code on_update} at {@code client}.
   *
   * @return handles that unsubscribe
   */
  public List<AutoCloseable> follow(DentClient client) {
    List<AutoCloseable> out = new ArrayList<>();
    for (Leg l : legs) {
      out.add(client.onUpdate(l.target().transactionId(), m -> accept(l.orderId(), m)));
    }
    return out;
  }

  /** Takes the telemetry of an {@code on_status}/{@code on_track}/{@code on_update} of leg {@code orderId}. */
  public void accept(String orderId, BecknMessage message) {
    Order order = message instanceof OnStatusCallback s && s.message() != null ? s.message().order()
        : message instanceof OnUpdateCallback u && u.message() != null ? u.message().order() : null;
    if (order == null || order.fulfillments() == null) {
      return;
    }
    for (Fulfillment f : order.fulfillments()) {
      if (f != null) {
        Telemetry.in(f.tags()).ifPresent(t -> accept(orderId, t));
      }
    }
  }

  /** Takes one reading of leg {@code orderId}; returns the alerts it raised. */
  public List<PortfolioAlert> accept(String orderId, Telemetry t) {
    List<PortfolioAlert> raised;
    List<Consumer<PortfolioAlert>> ls;
    synchronized (this) {
      Telemetry old = latest.get(orderId);
      if (old != null && old.seq() >= t.seq()) {
        return List.of();
      }
      latest.put(orderId, t);
      readings.computeIfAbsent(orderId, k -> new ArrayList<>()).add(t);
      raised = evaluate();
      ls = List.copyOf(listeners);
    }
    raised.forEach(a -> ls.forEach(l -> l.accept(a)));
    return raised;
  }

  /** Re-evaluates staleness and thresholds at the clock's now (call periodically); returns new alerts. */
  public List<PortfolioAlert> tick() {
    List<PortfolioAlert> raised;
    List<Consumer<PortfolioAlert>> ls;
    synchronized (this) {
      raised = evaluate();
      ls = List.copyOf(listeners);
    }
    raised.forEach(a -> ls.forEach(l -> l.accept(a)));
    return raised;
  }

  /** The latest reading of each leg that reported, by order id. */
  public synchronized Map<String, Telemetry> latest() {
    return Map.copyOf(latest);
  }

  /** Every accepted reading by order id, in {@code seq} order: the legs' SoC over time. */
  public synchronized Map<String, List<Telemetry>> readings() {
    Map<String, List<Telemetry>> out = new LinkedHashMap<>();
    readings.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  /** Every alert raised so far. */
  public synchronized List<PortfolioAlert> alerts() {
    return List.copyOf(alerts);
  }

  /** Every state computed so far (one per accepted reading or tick), oldest first: the SoC history. */
  public synchronized List<AggregateState> history() {
    return List.copyOf(history);
  }

  /** The aggregate state now. */
  public synchronized AggregateState state() {
    return compute(clock.instant(), legs, latest, staleAfter);
  }

  private List<PortfolioAlert> evaluate() {
    Instant now = clock.instant();
    AggregateState s = compute(now, legs, latest, staleAfter);
    history.add(s);
    List<PortfolioAlert> raised = new ArrayList<>();
    for (AggregateState.LegState l : s.legs()) {
      if (l.freshness() == AggregateState.Freshness.STALE) {
        if (reportedStale.add(l.orderId())) {
          raised.add(new PortfolioAlert(now, PortfolioAlert.LEG_STALE, null, null, l.orderId()));
        }
      } else if (l.freshness() == AggregateState.Freshness.FRESH) {
        reportedStale.remove(l.orderId());
      }
    }
    BigDecimal soc = s.soc().orElse(null);
    if (soc != null) {
      if (above == null) {
        above = soc.compareTo(high) >= 0;
        below = soc.compareTo(low) <= 0;
      } else {
        if (!above && soc.compareTo(high) >= 0) {
          above = true;
          raised.add(new PortfolioAlert(now, PortfolioAlert.SOC_HIGH, high, soc, null));
        } else if (above && soc.compareTo(high.subtract(hysteresis)) < 0) {
          above = false;
        }
        if (!below && soc.compareTo(low) <= 0) {
          below = true;
          raised.add(new PortfolioAlert(now, PortfolioAlert.SOC_LOW, low, soc, null));
        } else if (below && soc.compareTo(low.add(hysteresis)) > 0) {
          below = false;
        }
      }
    }
    alerts.addAll(raised);
    return raised;
  }

  /**
   * The aggregate of {@code legs} at {@code now} from {@code latest} readings by order id (the maths of
   * {@link AggregateState}, usable without a monitor).
   */
  public static AggregateState compute(Instant now, List<Leg> legs, Map<String, Telemetry> latest,
      Duration staleAfter) {
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal reserved = BigDecimal.ZERO;
    BigDecimal reservedFresh = BigDecimal.ZERO;
    BigDecimal weightedFresh = BigDecimal.ZERO; // Σ soc_i × reserved_i over fresh legs
    BigDecimal storedFresh = BigDecimal.ZERO;
    BigDecimal storedKnown = BigDecimal.ZERO;
    BigDecimal unknownReserved = BigDecimal.ZERO;
    BigDecimal power = BigDecimal.ZERO;
    List<AggregateState.LegState> states = new ArrayList<>();
    for (Leg l : legs) {
      BigDecimal r = l.energy().in(EnergyUnit.KWH);
      reserved = reserved.add(r);
      Telemetry t = latest.get(l.orderId());
      AggregateState.Freshness f = t == null ? AggregateState.Freshness.MISSING
          : Duration.between(t.measuredAt(), now).compareTo(staleAfter) > 0 ? AggregateState.Freshness.STALE
          : AggregateState.Freshness.FRESH;
      if (t != null) {
        storedKnown = storedKnown.add(t.storedEnergy().in(EnergyUnit.KWH));
      }
      if (f == AggregateState.Freshness.FRESH) {
        reservedFresh = reservedFresh.add(r);
        weightedFresh = weightedFresh.add(t.soc().value().multiply(r));
        storedFresh = storedFresh.add(t.storedEnergy().in(EnergyUnit.KWH));
        power = t.power() == null ? power : power.add(t.power().in(PowerUnit.KW));
      } else {
        unknownReserved = unknownReserved.add(r);
      }
      states.add(new AggregateState.LegState(l.orderId(), l.name(), l.energy(),
          t == null ? null : t.storedEnergy(), t == null ? null : t.soc().value(),
          t == null ? null : t.measuredAt(), f));
    }
    BigDecimal socFresh = reservedFresh.signum() == 0 ? null : weightedFresh.divide(reservedFresh, mc);
    BigDecimal socLow = reserved.signum() == 0 ? BigDecimal.ZERO : weightedFresh.divide(reserved, mc);
    BigDecimal socHigh = reserved.signum() == 0 ? BigDecimal.ZERO
        : weightedFresh.add(unknownReserved).divide(reserved, mc);
    return new AggregateState(now, kwh(reserved), kwh(storedFresh), kwh(storedKnown),
        Power.of(power, PowerUnit.KW), socFresh, socLow, socHigh, states);
  }

  private static Energy kwh(BigDecimal v) {
    return Energy.of(v, EnergyUnit.KWH);
  }
}
