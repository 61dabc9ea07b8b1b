package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.ResidualPolicy;
import org.dent.core.units.Energy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet file format, the built-in fleet and the scaled clock. */
class FleetTest {
  @TempDir Path dir;

  @Test
  void theDefaultFleetHasTheWorkedAssetAndOthersAroundBengaluru() {
    Fleet f = Fleet.defaultFleet();
    assertThat(f.providerId()).isEqualTo("voltvault");
    assertThat(f.assets()).hasSize(4);
    assertThat(f.quoteTtl()).isEqualTo(Duration.ofMinutes(15));
    AssetSpec vv = f.assets().get(0);
    assertThat(vv.id()).isEqualTo("vv-bess-01");
    assertThat(vv.spec().capacity()).isEqualTo(Energy.ofKwh("500"));
    assertThat(vv.usableKwh()).isEqualByComparingTo("450");
    assertThat(vv.pricing().models()).containsExactly(PricingModel.CAPACITY_TIME, PricingModel.ENERGY_THROUGHPUT,
        PricingModel.FIXED);
    assertThat(vv.residual().policy()).isEqualTo(ResidualPolicy.BUY_BACK);
    assertThat(vv.cancellation().fee()).isEqualByComparingTo("25.00");
    assertThat(f.assets()).allSatisfy(a -> assertThat(a.site().distanceKm(12.97, 77.59)).isLessThan(20));
    assertThat(f.assets().stream().map(a -> a.pricing().capacityPricePerKwhDay()).distinct()).hasSize(4);
  }

  @Test
  void aFleetFileIsReadAndItsErrorsNameTheField() throws Exception {
    Path file = dir.resolve("fleet.json");
    Files.writeString(file, """
        {"provider": {"id": "p", "name": "P", "payment-methods": ["UPI"]},
         "assets": [{"id": "a1", "name": "A", "location": {"id": "s", "gps": "12.9,77.6"},
                     "capacity": "100 kWh", "max-charge-power": "50 kW", "max-discharge-power": "50 kW",
                     "round-trip-efficiency": "0.9", "slot-granularity": "PT1H",
                     "pricing": {"model": "fixed", "currency": "INR", "fixed-fee": "10"}}]}
        """);
    Fleet f = Fleet.load(file);
    assertThat(f.paymentMethods()).containsExactly("UPI");
    assertThat(f.assets().get(0).usableKwh()).isEqualByComparingTo("100");
    assertThat(f.assets().get(0).residual().policy()).isEqualTo(ResidualPolicy.FORCED_DISCHARGE);
    assertThat(f.assets().get(0).selfDischargePerDay()).isEqualByComparingTo(BigDecimal.ZERO);

    String good = Files.readString(file);
    assertThatThrownBy(() -> Fleet.parse(good.replace("\"0.9\"", "\"1.2\""))).isInstanceOf(
        IllegalArgumentException.class).hasMessageStartingWith("assets[0]: ").hasMessageContaining("efficiency");
    assertThatThrownBy(() -> Fleet.parse(good.replace("\"fixed\"", "\"capacity-time\"")))
        .hasMessageContaining("capacity-price-per-kwh-day");
    assertThatThrownBy(() -> Fleet.parse(good.replace("\"UPI\"", "\"CASH\""))).hasMessageContaining("CASH");
    assertThatThrownBy(() -> Fleet.parse(good.replace("\"a1\"", "1"))).hasMessageContaining("id is a string");
    assertThatThrownBy(() -> Fleet.parse("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Fleet.parse("{")).hasMessageStartingWith("fleet is not JSON");
    assertThatThrownBy(() -> Fleet.load(dir.resolve("none.json"))).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aScaledClockRunsFasterFromWhereItStarted() {
    MutableClock base = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    ScaledClock c = ScaledClock.of(base, 720);
    assertThat(c.instant()).isEqualTo("2026-12-01T10:00:00Z");
    base.advance(Duration.ofSeconds(5));
    assertThat(c.instant()).isEqualTo("2026-12-01T11:00:00Z");
    assertThat(c.simulated(Duration.ofSeconds(4))).isEqualTo(Duration.ofMinutes(48));
    assertThat(c.withZone(ZoneOffset.UTC).instant()).isEqualTo(c.instant());
    assertThatThrownBy(() -> ScaledClock.of(Clock.systemUTC(), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
