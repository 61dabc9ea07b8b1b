package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.core.profile.view.Worked.json;
import static org.dent.core.profile.view.Worked.message;
import static org.dent.core.profile.view.Worked.tree;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Provider;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;

/** Each view reads its structure out of a worked message and writes back exactly the same JSON. */
class WorkedRoundTripTest {
  private static final Currency INR = Currency.getInstance("INR");

  @Test
  void searchIntent() {
    SearchRequest search = message("01-search");
    StorageRequirement r = StorageRequirement.from(search.message().intent());

    assertThat(r.energy().format()).isEqualTo("50 kWh");
    assertThat(r.window()).isEqualTo(TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z"));
    assertThat(r.budget()).isEqualTo(Money.parse("1500.00", "INR"));
    assertThat(r.minChargePower()).isEqualTo(Power.ofKw("10"));
    assertThat(r.minDischargePower()).isEqualTo(Power.ofKw("10"));
    assertThat(r.area().center()).isEqualTo(new GeoPoint(new BigDecimal("12.9716"), new BigDecimal("77.5946")));
    assertThat(r.area().radiusKm()).isEqualTo(new BigDecimal("10"));
    assertThat(json(r.toIntent())).isEqualTo(tree("01-search").at("/message/intent"));
  }

  @Test
  void catalogItem() {
    OnSearchCallback onSearch = message("02-on_search");
    List<StorageOffer> offers = StorageOffer.fromCatalog(onSearch.message().catalog());

    assertThat(offers).hasSize(1);
    StorageOffer o = offers.get(0);
    assertThat(o.itemId()).isEqualTo("vv-bess-01");
    assertThat(o.providerId()).isEqualTo("voltvault");
    assertThat(o.location()).hasToString("12.9352,77.6245");
    assertThat(o.freeEnergy()).isEqualTo(Energy.ofKwh("300"));
    assertThat(o.estimatedPrice()).isEqualTo(Money.parse("154.97", "INR"));
    assertThat(o.spec().usableCapacity()).isEqualTo(o.maximumEnergy()).isEqualTo(Energy.ofKwh("450"));
    assertThat(o.spec().slotGranularity()).isEqualTo(Duration.ofMinutes(15));
    assertThat(o.pricing().models()).containsExactly(PricingModel.CAPACITY_TIME, PricingModel.ENERGY_THROUGHPUT,
        PricingModel.FIXED);
    assertThat(o.pricing().taxRate()).isEqualTo(new BigDecimal("0.18"));
    assertThat(o.cancellationTerms()).hasSize(3);

    JsonAt provider = new JsonAt(tree("02-on_search"), "/message/catalog/providers/0");
    assertThat(json(o.toItem())).isEqualTo(provider.at("/items/0"));
    assertThat(json(o.toLocation()).get("gps")).isEqualTo(provider.at("/locations/0/gps"));
    assertThat(json(o.toLocation()).get("id")).isEqualTo(provider.at("/locations/0/id"));
    Provider p = onSearch.message().catalog().providers().get(0);
    assertThat(StorageOffer.from(p, p.items().get(0))).isEqualTo(o);
    assertThat(StorageOffer.fromCatalog(StorageOffer.toCatalog(offers))).isEqualTo(offers);
  }

  @Test
  void orderItemTagsEchoTheOffer() {
    OnConfirmCallback onConfirm = message("08-on_confirm");
    var item = onConfirm.message().order().items().get(0);
    StorageSpec spec = StorageSpec.in(item.tags()).orElseThrow();
    PricingTerms pricing = PricingTerms.in(item.tags()).orElseThrow();
    assertThat(json(List.of(spec.toTagGroup(), pricing.toTagGroup())))
        .isEqualTo(tree("08-on_confirm").at("/message/order/items/0/tags"));
  }

  @Test
  void transferRequest() {
    UpdateRequest update = message("09-update");
    Fulfillment f = update.message().order().fulfillments().get(0);
    TransferRequest t = TransferRequest.in(f.tags()).orElseThrow();

    assertThat(t).isEqualTo(new TransferRequest(TransferDirection.CHARGE, Energy.ofKwh("40"), Power.ofKw("20"),
        Instant.parse("2026-12-01T10:00:00Z")));
    assertThat(t.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(json(t.putInto(null))).isEqualTo(tree("09-update").at("/message/order/fulfillments/0/tags"));
  }

  @Test
  void transferSchedule() {
    OnUpdateCallback onUpdate = message("10-on_update");
    Fulfillment f = onUpdate.message().order().fulfillments().get(0);
    TransferSchedule s = TransferSchedule.in(f.tags()).orElseThrow();

    assertThat(s.end()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(s.request().toSchedule()).isEqualTo(s);
    assertThat(json(s.putInto(null))).isEqualTo(tree("10-on_update").at("/message/order/fulfillments/0/tags"));
    assertThat(StorageState.of(f)).contains(StorageState.RESERVED);
    assertThat(json(StorageState.RESERVED.toState(Instant.parse("2026-12-01T09:55:01Z"))))
        .isEqualTo(tree("10-on_update").at("/message/order/fulfillments/0/state"));
  }

  @Test
  void telemetry() {
    OnStatusCallback onStatus = message("12-on_status");
    Fulfillment f = onStatus.message().order().fulfillments().get(0);
    Telemetry t = Telemetry.in(f.tags()).orElseThrow();

    assertThat(t.storedEnergy().format()).isEqualTo("19.184 kWh");
    assertThat(t.soc()).isEqualTo(StateOfCharge.parse("0.3837"));
    assertThat(t.power()).isEqualTo(Power.ofKw("20"));
    assertThat(t.seq()).isEqualTo(240L);
    assertThat(json(t.putInto(null))).isEqualTo(tree("12-on_status").at("/message/order/fulfillments/0/tags"));
    assertThat(StorageState.of(f)).contains(StorageState.CHARGING);
  }

  @Test
  void telemetryReceiptAndAlertOfAPush() {
    OnStatusCallback push = message("13-on_status_push");
    Fulfillment f = push.message().order().fulfillments().get(0);
    Telemetry t = Telemetry.in(f.tags()).orElseThrow();
    Receipt r = Receipt.in(f.tags()).orElseThrow();
    Alert a = Alert.in(f.tags()).orElseThrow();

    assertThat(r).isEqualTo(Receipt.charge(Energy.ofKwh("40"), Energy.ofKwh("1.633"), Energy.ofKwh("38.367")));
    assertThat(r.energyIn().minus(r.losses())).isEqualTo(r.storedEnergy());
    assertThat(a).isEqualTo(Alert.transferComplete(Energy.ofKwh("38.367")));
    assertThat(a.value().energy()).contains(t.storedEnergy());
    assertThat(Alert.allIn(f.tags())).containsExactly(a);
    assertThat(json(List.of(t.toTagGroup(), r.toTagGroup(), a.toTagGroup())))
        .isEqualTo(tree("13-on_status_push").at("/message/order/fulfillments/0/tags"));
  }

  @Test
  void confirmedQuoteAndThresholds() {
    Order order = ((OnConfirmCallback) message("08-on_confirm")).message().order();
    Bill bill = Bill.from(order.quote());
    AlertThresholds th = AlertThresholds.in(order.tags()).orElseThrow();

    bill.requireBalanced();
    assertThat(bill.total()).isEqualTo(Money.parse("154.97", "INR"));
    assertThat(bill.amount(BillLineKind.TAX)).isEqualTo(Money.parse("23.64", "INR"));
    assertThat(bill.lines().get(4).itemId()).isNull();
    assertThat(json(bill.toQuotation(null))).isEqualTo(tree("08-on_confirm").at("/message/order/quote"));
    assertThat(Bill.of(bill.lines(), INR)).isEqualTo(bill);
    assertThat(th.high()).isEqualTo(AlertThresholds.DEFAULT_HIGH);
    assertThat(json(th.putInto(null))).isEqualTo(tree("08-on_confirm").at("/message/order/tags"));
  }

  @Test
  void cancelledBillAndSettlement() {
    Order order = ((OnCancelCallback) message("15-on_cancel")).message().order();
    Bill bill = Bill.from(order.quote());
    Settlement s = Settlement.in(order.tags()).orElseThrow();
    AlertThresholds th = AlertThresholds.in(order.tags()).orElseThrow();

    bill.requireBalanced();
    assertThat(s.policy()).isEqualTo(ResidualPolicy.BUY_BACK);
    assertThat(s.buyBackCredit(INR).rounded()).isEqualTo(bill.amount(BillLineKind.BUY_BACK_CREDIT))
        .isEqualTo(Money.parse("-95.92", "INR"));
    assertThat(bill.lines()).extracting(BillLine::kind).containsExactly(BillLineKind.CAPACITY_RESERVATION,
        BillLineKind.ENERGY_IN, BillLineKind.ENERGY_OUT, BillLineKind.FIXED_FEE, BillLineKind.CANCELLATION_FEE,
        BillLineKind.BUY_BACK_CREDIT, BillLineKind.TAX);
    assertThat(json(bill.toQuotation(null))).isEqualTo(tree("15-on_cancel").at("/message/order/quote"));
    assertThat(json(s.putInto(th.putInto(null)))).isEqualTo(tree("15-on_cancel").at("/message/order/tags"));
    assertThat(StorageState.of(order.fulfillments().get(0))).contains(StorageState.CANCELLED);
  }

  @Test
  void putIntoReplacesInPlace() {
    Order order = ((OnCancelCallback) message("15-on_cancel")).message().order();
    AlertThresholds th = AlertThresholds.in(order.tags()).orElseThrow();
    assertThat(json(th.putInto(order.tags()))).isEqualTo(json(order.tags()));
  }

  /** A tree and a base pointer. */
  private record JsonAt(tools.jackson.databind.JsonNode root, String base) {
    tools.jackson.databind.JsonNode at(String pointer) {
      return root.at(base + pointer);
    }
  }
}
