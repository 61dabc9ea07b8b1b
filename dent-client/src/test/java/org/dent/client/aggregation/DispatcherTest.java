package org.dent.client.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.StateOfCharge;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
  final Leg a = Legs.leg("a", "100", "20");
  final Leg b = Legs.leg("b", "300", "100");

  static double kwh(Dispatcher.LegTransfer t) {
    return t.request().energy().in(EnergyUnit.KWH).doubleValue();
  }

  static double kw(Dispatcher.LegTransfer t) {
    return t.request().power().in(PowerUnit.KW).doubleValue();
  }

  @Test
  void chargeFinishesTogetherWithinHeadroomRatingsAndTheRequestedPower() {
    // efficiency 0.81: energy in is stored at 0.9. a holds 55 of 100 kWh (room: 50 kWh in), b is empty (333.333)
    Map<String, Telemetry> latest = Map.of("order-a", new Telemetry(Energy.parse("55 kWh"), null,
        StateOfCharge.of(new BigDecimal("0.55")), null, 1, START));
    List<Dispatcher.LegTransfer> split = Dispatcher.split(List.of(a, b), latest, TransferDirection.CHARGE,
        Energy.parse("191.666 kWh"), Power.parse("100 kW"), START);
    assertThat(split).hasSize(2);
    assertThat(split.get(0).request().energy().plus(split.get(1).request().energy()))
        .isEqualTo(Energy.parse("191.666 kWh"));
    // power-limited: T = 191.666 / 100 h; a may run at 20 kW -> 38.33 kWh of room, b 191.67: shares 31.94 / 159.72
    assertThat(kwh(split.get(0))).isCloseTo(31.944, offset(0.002));
    assertThat(kw(split.get(0))).isCloseTo(16.667, offset(0.002));
    assertThat(kw(split.get(1))).isCloseTo(83.333, offset(0.002));
    assertThat(split).allSatisfy(t -> assertThat(t.request().start()).isEqualTo(START));
  }

  @Test
  void aLowRatedLegGetsLessSoNoLegRunsLonger() {
    Leg slow = Legs.leg("slow", "100", "10");
    Leg fast = Legs.leg("fast", "100", "90");
    List<Dispatcher.LegTransfer> split = Dispatcher.split(List.of(slow, fast), Map.of(), TransferDirection.CHARGE,
        Energy.parse("100 kWh"), Power.parse("1000 kW"), START);
    assertThat(kwh(split.get(0))).isCloseTo(10, offset(0.002));
    assertThat(kwh(split.get(1))).isCloseTo(90, offset(0.002));
    assertThat(split).allSatisfy(t -> assertThat(t.request().duration()).isCloseTo(Duration.ofHours(1),
        Duration.ofSeconds(1)));
  }

  @Test
  void randomSplitsRespectEveryLimit() {
    for (long seed = 1; seed <= 300; seed++) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(6);
      List<Leg> legs = new java.util.ArrayList<>();
      BigDecimal room = BigDecimal.ZERO;
      BigDecimal ratings = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        Leg l = Legs.leg("l" + i, Integer.toString(1 + r.nextInt(500)), Integer.toString(1 + r.nextInt(200)));
        legs.add(l);
        room = room.add(l.energy().in(EnergyUnit.KWH).divide(new BigDecimal("0.9"), 3, java.math.RoundingMode.FLOOR));
        ratings = ratings.add(l.offer().offer().spec().maxChargePower().in(PowerUnit.KW));
      }
      double want = room.doubleValue() * r.nextDouble();
      Energy amount = Energy.of(BigDecimal.valueOf(Math.max(1, (long) (want * 1000))), EnergyUnit.WH);
      Power power = Power.of(ratings.multiply(BigDecimal.valueOf(0.05 + 0.95 * r.nextDouble()))
          .setScale(3, java.math.RoundingMode.FLOOR), PowerUnit.KW);
      try {
        List<Dispatcher.LegTransfer> split = Dispatcher.split(legs, Map.of(), TransferDirection.CHARGE, amount,
            power, START);
        Energy sum = Energy.ZERO;
        double totalKw = 0;
        Duration longest = Duration.ZERO;
        Duration shortest = Duration.ofDays(10_000);
        for (Dispatcher.LegTransfer t : split) {
          sum = sum.plus(t.request().energy());
          totalKw += kw(t);
          assertThat(t.request().power().compareTo(t.leg().offer().offer().spec().maxChargePower()))
              .isLessThanOrEqualTo(0);
          assertThat(t.request().energy().times(new BigDecimal("0.9")).compareTo(t.leg().energy()))
              .isLessThanOrEqualTo(0);
          longest = t.request().duration().compareTo(longest) > 0 ? t.request().duration() : longest;
          shortest = t.request().duration().compareTo(shortest) < 0 ? t.request().duration() : shortest;
        }
        assertThat(sum).isEqualTo(amount);
        assertThat(totalKw).isLessThanOrEqualTo(power.in(PowerUnit.KW).doubleValue() + 0.001 * n);
        // finish together, up to rounding (a Wh or a W on small legs)
        assertThat(longest.minus(shortest).toSeconds()).isLessThanOrEqualTo(
            Math.max(60, longest.toSeconds() / 100));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void dischargeUsesWithdrawableEnergyAndRefusesTooMuch() {
    Map<String, Telemetry> latest = Map.of(
        "order-a", new Telemetry(Energy.parse("100 kWh"), Energy.parse("90 kWh"), StateOfCharge.FULL, null, 1, START),
        "order-b", new Telemetry(Energy.parse("100 kWh"), Energy.parse("90 kWh"),
            StateOfCharge.of(new BigDecimal("0.3333")), null, 1, START));
    List<Dispatcher.LegTransfer> split = Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE,
        Energy.parse("90 kWh"), Power.parse("40 kW"), START);
    // T = 90 / 40 = 2.25 h; a can give 20 kW x 2.25 h = 45, b 90: shares 30 and 60
    assertThat(split).extracting(t -> t.request().energy()).containsExactly(Energy.parse("30 kWh"),
        Energy.parse("60 kWh"));
    assertThat(kw(split.get(0))).isCloseTo(13.334, offset(0.002));
    assertThatThrownBy(() -> Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE,
        Energy.parse("180.001 kWh"), Power.parse("40 kW"), START))
        .isInstanceOf(AggregationException.class).hasMessageContaining("INSUFFICIENT_STORED_ENERGY");
    // more power than the ratings: as fast as they allow (1.5 h: a gives 30 kWh at its 20 kW, b 90 at 60 kW)
    assertThat(Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE, Energy.parse("120 kWh"),
        Power.parse("500 kW"), START)).extracting(DispatcherTest::kw).containsExactly(20.0, 60.0);
  }
}
