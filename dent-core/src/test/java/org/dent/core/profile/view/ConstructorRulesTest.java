package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** Every view enforces the profile's rules when built, so no invalid view exists. */
class ConstructorRulesTest {
  private static final Currency INR = Currency.getInstance("INR");
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final TimeWindow WINDOW = new TimeWindow(T0, T0.plus(Duration.ofHours(8)));
  private static final Energy KWH_50 = Energy.ofKwh("50");
  private static final Power KW_20 = Power.ofKw("20");

  private static void rejects(ThrowingSupplier<?> build, String pointer, String message) {
    assertThatThrownBy(build::get).isInstanceOfSatisfying(ProfileException.class, e -> {
      assertThat(e.pointer()).isEqualTo(pointer);
      assertThat(e.getMessage()).contains(message);
      assertThat(e.code()).isEqualTo("30000");
    });
  }

  private static StorageSpec spec(String minSoc, String maxSoc) {
    return new StorageSpec("LFP", Energy.ofKwh("500"), Power.ofKw("100"), Power.ofKw("100"),
        new BigDecimal("0.92"), null, StateOfCharge.parse(minSoc), StateOfCharge.parse(maxSoc),
        Duration.ofMinutes(15));
  }

  @Test
  void storageRequirement() {
    rejects(() -> StorageRequirement.of(Energy.ZERO, WINDOW), "/item/quantity/selected/measure/value", "positive");
    rejects(() -> new StorageRequirement(null, WINDOW, KWH_50, Money.parse("-1", "INR"), null, null),
        "/item/price/maximum_value", "budget");
    rejects(() -> new StorageRequirement(null, WINDOW, KWH_50, null, Power.ofKw("-1"), null), "/item/tags",
        "min-charge-power");
    rejects(() -> new SearchArea(new GeoPoint(BigDecimal.ONE, BigDecimal.ONE), BigDecimal.ZERO), "/radius/value",
        "radius");
    assertThat(StorageRequirement.of(KWH_50, WINDOW).toIntent().fulfillment().stops().get(0).location()).isNull();
  }

  @Test
  void geoPoint() {
    rejects(() -> new GeoPoint(new BigDecimal("90.1"), BigDecimal.ZERO), "", "latitude");
    rejects(() -> new GeoPoint(BigDecimal.ZERO, new BigDecimal("-180.5")), "", "longitude");
    rejects(() -> GeoPoint.parse("12.9716"), "", "gps must be");
    rejects(() -> GeoPoint.parse("12.9716,7e1"), "", "gps must be");
    assertThat(GeoPoint.parse("12.9716, 77.5946").format()).isEqualTo("12.9716,77.5946");
  }

  @Test
  void storageSpec() {
    rejects(() -> spec("0.95", "0.95"), "", "min-soc must be below max-soc");
    rejects(() -> new StorageSpec(null, Energy.ZERO, KW_20, KW_20, BigDecimal.ONE, null, null, null,
        Duration.ofMinutes(15)), "", "capacity must be positive");
    rejects(() -> new StorageSpec(null, KWH_50, KW_20, KW_20, BigDecimal.ZERO, null, null, null,
        Duration.ofMinutes(15)), "", "round-trip-efficiency");
    rejects(() -> new StorageSpec(null, KWH_50, KW_20, KW_20, BigDecimal.ONE, new BigDecimal("1.01"), null, null,
        Duration.ofMinutes(15)), "", "self-discharge-per-day");
    rejects(() -> new StorageSpec(null, KWH_50, KW_20, KW_20, BigDecimal.ONE, null, null, null, Duration.ZERO), "",
        "slot-granularity");
    assertThat(new StorageSpec(null, KWH_50, KW_20, KW_20, BigDecimal.ONE, null, null, null, Duration.ofHours(1))
        .usableCapacity()).isEqualTo(KWH_50);
  }

  @Test
  void pricingTerms() {
    rejects(() -> new PricingTerms(EnumSet.noneOf(PricingModel.class), null, null, null, null, null, null), "",
        "needs a model");
    rejects(() -> new PricingTerms(EnumSet.of(PricingModel.ENERGY_THROUGHPUT), INR, null, BigDecimal.ONE, null,
        null, null), "", "energy-throughput needs energy-out-price-per-kwh");
    rejects(() -> new PricingTerms(EnumSet.of(PricingModel.FIXED), INR, null, null, null, new BigDecimal("-1"),
        null), "", "fixed-fee must not be negative");
    rejects(() -> new PricingTerms(EnumSet.of(PricingModel.FIXED), INR, null, null, null, BigDecimal.ONE,
        new BigDecimal("18")), "", "tax-rate");
    var order = new LinkedHashSet<>(List.of(PricingModel.FIXED, PricingModel.CAPACITY_TIME));
    var terms = new PricingTerms(order, null, BigDecimal.ONE, null, null, BigDecimal.TEN, null);
    assertThat(PricingTerms.from(terms.toTagGroup()).toTagGroup().list().get(0).value())
        .isEqualTo("fixed+capacity-time");
  }

  @Test
  void transfers() {
    rejects(() -> new TransferRequest(TransferDirection.CHARGE, Energy.ZERO, KW_20, T0), "", "transfer energy");
    rejects(() -> new TransferRequest(TransferDirection.DISCHARGE, KWH_50, Power.ZERO, T0), "", "transfer power");
    rejects(() -> new TransferSchedule(TransferDirection.CHARGE, KWH_50, KW_20, T0, T0), "", "end must follow");
    TransferRequest r = new TransferRequest(TransferDirection.DISCHARGE, Energy.ofKwh("10"), Power.ofKw("40"), T0);
    assertThat(r.end()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(r.toSchedule().window()).contains(new TimeWindow(T0, r.end()));
    assertThat(new TransferSchedule(TransferDirection.CHARGE, KWH_50, KW_20, T0, null).window()).isEmpty();
    TransferRequest forever = new TransferRequest(TransferDirection.CHARGE, Energy.ofKwh("4045115"),
        Power.parse("0.0353 W"), T0);
    rejects(forever::toSchedule, "", "after the year 9999");
    rejects(() -> new TransferRequest(TransferDirection.CHARGE, Energy.ofKwh("1000000000"),
        Power.parse("0.000000001 W"), T0).duration(), "", "takes too long");
    rejects(() -> new TransferRequest(TransferDirection.CHARGE, KWH_50, KW_20, Instant.parse("+10000-01-01T00:00:00Z")),
        "", "years 0000 to 9999");
    rejects(() -> StorageRequirement.of(KWH_50, new TimeWindow(T0, Instant.MAX)), "/fulfillment/stops/0/time/range",
        "storage window must fall in the years 0000 to 9999");
  }

  @Test
  void telemetryReceiptAlert() {
    StateOfCharge half = StateOfCharge.parse("0.5");
    rejects(() -> new Telemetry(Energy.ofKwh("-1"), null, half, null, 1, T0), "", "stored-energy");
    rejects(() -> new Telemetry(KWH_50, null, half, null, -1, T0), "", "seq");
    assertThat(new Telemetry(KWH_50, null, half, Power.ofKw("-20"), 0, T0).power().isNegative()).isTrue();
    rejects(() -> new Receipt(null, null, null, null, KWH_50), "", "energy-in or energy-out");
    rejects(() -> Receipt.discharge(KWH_50, Energy.ofKwh("-0.1"), KWH_50), "", "must not be negative");
    rejects(() -> Alert.of("soc_high"), "", "upper-case code");
    rejects(() -> new Alert.Level("38 kWhh"), "", "alert value");
    assertThat(new Alert.Level("38.367 KWH").text()).isEqualTo("38.367 kWh");
    assertThat(new Alert.Level("20 kw").power()).contains(KW_20);
    assertThat(new Alert.Level("0.90").decimal()).contains(new BigDecimal("0.90"));
    assertThat(new Alert.Level("0.90").energy()).isEmpty();
  }

  @Test
  void thresholdsAndSettlement() {
    rejects(() -> new AlertThresholds(StateOfCharge.parse("0.2"), StateOfCharge.parse("0.2")), "", "soc-low");
    assertThat(AlertThresholds.DEFAULTS.low()).isEqualTo(StateOfCharge.parse("0.1"));
    assertThat(AlertThresholds.DEFAULTS.toTagGroup().list()).isEmpty();
    rejects(() -> new Settlement(KWH_50, ResidualPolicy.BUY_BACK, null), "", "needs buy-back-price-per-kwh");
    rejects(() -> new Settlement(Energy.ofKwh("-1"), ResidualPolicy.FORCED_DISCHARGE, null), "", "residual-energy");
    assertThat(new Settlement(KWH_50, ResidualPolicy.FORCED_DISCHARGE, null).buyBackCredit(INR).isZero()).isTrue();
    assertThat(new Settlement(Energy.of("500", org.dent.core.units.EnergyUnit.WH), ResidualPolicy.BUY_BACK,
        new BigDecimal("2")).buyBackCredit(INR)).isEqualTo(Money.parse("-1", "INR"));
  }

  @Test
  void bills() {
    Money fee = Money.parse("50.00", "INR");
    rejects(() -> BillLine.of(BillLineKind.BUY_BACK_CREDIT, null, fee), "/price/value", "must not be positive");
    rejects(() -> new BillLine(" ", null, fee), "/title", "needs a title");
    rejects(() -> Bill.of(List.of(BillLine.of(BillLineKind.FIXED_FEE, "i", fee),
        BillLine.of(BillLineKind.TAX, null, Money.parse("9", "EUR"))), INR), "/breakup/1/price/currency", "INR");
    rejects(() -> new Bill(List.of(BillLine.of(BillLineKind.FIXED_FEE, "i", fee)), Money.parse("1", "EUR")),
        "/breakup/0/price/currency", "EUR");
    assertThatThrownBy(() -> BillLine.of(BillLineKind.OTHER, null, fee))
        .isInstanceOf(IllegalArgumentException.class);
    Bill bill = Bill.of(List.of(BillLine.of(BillLineKind.FIXED_FEE, "i", fee),
        BillLine.of(BillLineKind.BUY_BACK_CREDIT, "i", Money.parse("-12.5", "INR"))), INR);
    assertThat(bill.total()).isEqualTo(Money.parse("37.5", "INR"));
    bill.requireBalanced();
    assertThat(bill.toQuotation(Duration.ofMinutes(15)).ttl()).isEqualTo("PT15M");
    assertThat(Bill.of(List.of(), INR).total().isZero()).isTrue();
  }
}
