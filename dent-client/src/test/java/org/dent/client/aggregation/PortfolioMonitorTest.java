package org.dent.client.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.testing.MutableClock;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.junit.jupiter.api.Test;

class PortfolioMonitorTest {
  static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  final Leg a = Legs.leg("a", "100", "50");
  final Leg b = Legs.leg("b", "300", "50");
  final Leg c = Legs.leg("c", "600", "100");

  static Telemetry reading(String stored, String reserved, long seq, Instant at, String powerKw) {
    Energy s = Energy.parse(stored + " kWh");
    return new Telemetry(s, null, StateOfCharge.of(new BigDecimal(stored).divide(new BigDecimal(reserved),
        java.math.MathContext.DECIMAL64)), powerKw == null ? null : Power.parse(powerKw + " kW"), seq, at);
  }

  @Test
  void socIsCapacityWeightedNotAPlainMean() {
    // a is full (soc 1), b and c are empty: plain mean 1/3, capacity-weighted 100/1000
    AggregateState s = PortfolioMonitor.compute(T0, List.of(a, b, c), Map.of(
        "order-a", reading("100", "100", 1, T0, "0"), "order-b", reading("0", "300", 1, T0, "20"),
        "order-c", reading("0", "600", 1, T0, "-5")), Duration.ofSeconds(30));
    assertThat(s.soc()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.1"));
    assertThat(s.socLow()).isEqualByComparingTo("0.1");
    assertThat(s.socHigh()).isEqualByComparingTo("0.1");
    assertThat(s.reserved()).isEqualTo(Energy.parse("1000 kWh"));
    assertThat(s.storedFresh()).isEqualTo(Energy.parse("100 kWh"));
    assertThat(s.power()).isEqualTo(Power.parse("15 kW"));
    assertThat(s.complete()).isTrue();
    assertThat(s.flagged()).isEmpty();
  }

  @Test
  void staleAndMissingLegsAreFlaggedAndBoundTheSoc() {
    AggregateState s = PortfolioMonitor.compute(T0, List.of(a, b, c), Map.of(
        "order-a", reading("50", "100", 1, T0, null),
        "order-b", reading("300", "300", 7, T0.minusSeconds(31), null)), Duration.ofSeconds(30));
    assertThat(s.soc()).isEmpty();
    assertThat(s.complete()).isFalse();
    assertThat(s.flagged()).extracting(AggregateState.LegState::orderId).containsExactly("order-b", "order-c");
    assertThat(s.flagged()).extracting(AggregateState.LegState::freshness)
        .containsExactly(AggregateState.Freshness.STALE, AggregateState.Freshness.MISSING);
    // fresh: a alone at 0.5; unknown b and c: 900 kWh counted empty or full
    assertThat(s.socFresh()).isEqualByComparingTo("0.5");
    assertThat(s.socLow()).isEqualByComparingTo("0.05");
    assertThat(s.socHigh()).isEqualByComparingTo("0.95");
    assertThat(s.storedKnown()).isEqualTo(Energy.parse("350 kWh"));
    assertThat(s.storedFresh()).isEqualTo(Energy.parse("50 kWh"));
  }

  @Test
  void alertsFireOncePerCrossingWithHysteresis() {
    MutableClock clock = new MutableClock(T0);
    PortfolioMonitor m = new PortfolioMonitor(List.of(a, c), clock, Duration.ofSeconds(30), new BigDecimal("0.9"),
        new BigDecimal("0.1"), new BigDecimal("0.05"));
    long[] seq = {0};
    // total reserved 700; feed a at full and c rising
    String[] cStored = {"200", "560", "600", "590", "600", "520", "600"};
    // socs: (100+200)/700=.43, 660/700=.943 HIGH, .1 above, .986, 1.0 (still above), 620/700=.886 (< .85? no), 1.0
    m.accept("order-a", reading("100", "100", ++seq[0], T0, null));
    for (String s : cStored) {
      m.accept("order-c", reading(s, "600", ++seq[0], clock.instant(), null));
    }
    assertThat(m.alerts()).extracting(PortfolioAlert::code).containsExactly("SOC_HIGH");
    // fall below 0.85 re-arms, then rise again: a second alert
    m.accept("order-c", reading("480", "600", ++seq[0], clock.instant(), null)); // 580/700 = .829
    m.accept("order-c", reading("600", "600", ++seq[0], clock.instant(), null));
    assertThat(m.alerts()).extracting(PortfolioAlert::code).containsExactly("SOC_HIGH", "SOC_HIGH");
    // down to low: once
    m.accept("order-a", reading("0", "100", ++seq[0], clock.instant(), null));
    m.accept("order-c", reading("50", "600", ++seq[0], clock.instant(), null)); // 50/700 = .071
    m.accept("order-c", reading("40", "600", ++seq[0], clock.instant(), null));
    m.accept("order-c", reading("60", "600", ++seq[0], clock.instant(), null)); // .086, still within hysteresis
    m.accept("order-c", reading("30", "600", ++seq[0], clock.instant(), null));
    assertThat(m.alerts()).extracting(PortfolioAlert::code).containsExactly("SOC_HIGH", "SOC_HIGH", "SOC_LOW");
    // an old seq is ignored
    assertThat(m.accept("order-c", reading("600", "600", 1, clock.instant(), null))).isEmpty();
  }

  @Test
  void aStaleLegSuspendsSocAlertsAndIsReportedOnce() {
    MutableClock clock = new MutableClock(T0);
    PortfolioMonitor m = new PortfolioMonitor(List.of(a, c), clock, Duration.ofSeconds(30), new BigDecimal("0.9"),
        new BigDecimal("0.1"), new BigDecimal("0.05"));
    m.accept("order-a", reading("50", "100", 1, T0, null));
    m.accept("order-c", reading("300", "600", 2, T0, null));
    clock.advance(Duration.ofSeconds(20));
    m.accept("order-a", reading("100", "100", 3, clock.instant(), null));
    clock.advance(Duration.ofSeconds(15)); // c is now 35 s old
    assertThat(m.tick()).extracting(PortfolioAlert::code).containsExactly("LEG_STALE");
    assertThat(m.tick()).isEmpty();
    // while c is stale, a's jump to full cannot raise SOC_HIGH: the portfolio SoC is unknown
    m.accept("order-a", reading("100", "100", 4, clock.instant(), null));
    assertThat(m.state().soc()).isEmpty();
    assertThat(m.alerts()).extracting(PortfolioAlert::code).containsExactly("LEG_STALE");
    assertThat(m.alerts().get(0).orderId()).isEqualTo("order-c");
  }
}
