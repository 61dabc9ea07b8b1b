package org.dent.client.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
  final Leg a = Legs.leg("a", "100", "20");
  final Leg b = Legs.leg("b", "300", "100");

  @Test
  void chargeIsSharedByHeadroomAndPowerCappedByRating() {
    // efficiency 0.81: energy in is stored at 0.9. a holds 55 kWh (room 45 -> 50 kWh in), b is empty (333.333 in)
    Map<String, Telemetry> latest = Map.of("order-a", new Telemetry(Energy.parse("55 kWh"), null,
        StateOfCharge.of(new BigDecimal("0.55")), null, 1, START));
    List<Dispatcher.LegTransfer> split = Dispatcher.split(List.of(a, b), latest, TransferDirection.CHARGE,
        Energy.parse("191.666 kWh"), Power.parse("100 kW"), START);
    assertThat(split).hasSize(2);
    Energy ea = split.get(0).request().energy();
    Energy eb = split.get(1).request().energy();
    assertThat(ea.plus(eb)).isEqualTo(Energy.parse("191.666 kWh"));
    // same fraction of each headroom: 50 : 333.333
    assertThat(ea.in(org.dent.core.units.EnergyUnit.KWH).doubleValue()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.01));
    // power in proportion (13 kW for a, 87 for b) within the ratings
    assertThat(split.get(0).request().power().compareTo(Power.parse("20 kW"))).isLessThanOrEqualTo(0);
    assertThat(split.get(1).request().power().compareTo(Power.parse("100 kW"))).isLessThanOrEqualTo(0);
    assertThat(split).allSatisfy(t -> assertThat(t.request().start()).isEqualTo(START));
  }

  @Test
  void dischargeUsesWithdrawableEnergyAndRefusesTooMuch() {
    Map<String, Telemetry> latest = Map.of(
        "order-a", new Telemetry(Energy.parse("100 kWh"), Energy.parse("90 kWh"), StateOfCharge.FULL, null, 1, START),
        "order-b", new Telemetry(Energy.parse("100 kWh"), Energy.parse("90 kWh"),
            StateOfCharge.of(new BigDecimal("0.3333")), null, 1, START));
    List<Dispatcher.LegTransfer> split = Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE,
        Energy.parse("90 kWh"), Power.parse("40 kW"), START);
    assertThat(split).extracting(t -> t.request().energy()).containsExactly(Energy.parse("45 kWh"),
        Energy.parse("45 kWh"));
    assertThat(split.get(0).request().power()).isEqualTo(Power.parse("20 kW"));
    assertThatThrownBy(() -> Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE,
        Energy.parse("180.001 kWh"), Power.parse("40 kW"), START))
        .isInstanceOf(AggregationException.class).hasMessageContaining("INSUFFICIENT_STORED_ENERGY");
    assertThatThrownBy(() -> Dispatcher.split(List.of(a, b), latest, TransferDirection.DISCHARGE,
        Energy.parse("10 kWh"), Power.parse("121 kW"), START))
        .isInstanceOf(AggregationException.class).hasMessageContaining("ABOVE_POWER_RATING");
  }
}
