package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.server.reference.Harness.refused;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dent.core.model.Action;
import org.dent.core.model.Context;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SearchRequest;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.junit.jupiter.api.Test;

/**
 * The operator admin API: changes reach the next search and quote at once and never alter confirmed contracts;
 * retirement and physical changes wait for live contracts; a fault cancels them as the provider; all audited.
 */
class OperatorAdminTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"));
  final OperatorAdmin admin = h.operator.admin().as("alice");

  List<StorageOffer> offers() {
    Context c = h.context(Action.SEARCH, UUID.randomUUID().toString());
    OnSearchCallback cb = h.valid(new OnSearchCallback(h.callbackContext(c), h.operator.search(new SearchRequest(c,
        new SearchRequest.Message(SearchTest.want("50").toIntent())), h.rc(c))));
    return StorageOffer.fromCatalog(cb.message().catalog());
  }

  StorageOffer offer(String id) {
    return offers().stream().filter(o -> o.itemId().equals(id)).findFirst().orElseThrow();
  }

  List<String> offered() {
    return offers().stream().map(StorageOffer::itemId).toList();
  }

  static PricingTerms doubled(PricingTerms p) {
    return new PricingTerms(p.models(), p.currency(), p.capacityPricePerKwhDay().multiply(BigDecimal.valueOf(2)),
        p.energyInPricePerKwh(), p.energyOutPricePerKwh(), p.fixedFee(), p.taxRate());
  }

  String total(String orderId) {
    return h.status("s-" + orderId, orderId).message().order().quote().price().value();
  }

  String capacityLine(String orderId) {
    return h.status("s-" + orderId, orderId).message().order().quote().breakup().stream()
        .filter(l -> l.title().equals("capacity-reservation")).findFirst().orElseThrow().price().value();
  }

  @Test
  void aPriceChangeReachesTheNextSearchAndQuoteButNoConfirmedContract() {
    String id = h.book("vv-bess-01", "50", START, END);
    String billBefore = total(id);
    String capacityBefore = capacityLine(id);
    Money before = offer("vv-bess-01").estimatedPrice();
    String quoted = "quoted-before";
    Order o = Harness.withTerms(Harness.order("vv-bess-01", "50", START, END));
    String oldQuote = h.init(quoted, o).message().order().quote().price().value();

    admin.changePricing("vv-bess-01", doubled(admin.asset("vv-bess-01").orElseThrow().pricing()));

    Money after = offer("vv-bess-01").estimatedPrice();
    assertThat(after.compareTo(before)).isPositive();
    assertThat(total(id)).isEqualTo(billBefore);
    // a new quote has the new price; a quote given before keeps its own until its ttl
    assertThat(h.init("quoted-after", o).message().order().quote().price().value()).isNotEqualTo(oldQuote);
    assertThat(h.confirm(quoted, o).message().order().quote().price().value()).isEqualTo(oldQuote);
    // the confirmed contract settles on its own terms
    h.advanceTo(END);
    assertThat(h.status("s-end", id).message().order().status()).isEqualTo("COMPLETE");
    assertThat(capacityLine(id)).isEqualTo(capacityBefore);
    assertThat(admin.auditLog()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("alice");
      assertThat(e.action()).isEqualTo("change-asset");
      assertThat(e.target()).isEqualTo("vv-bess-01");
      assertThat(e.ok()).isTrue();
    });
  }

  @Test
  void addedAssetsAreOfferedAtOnceAndRetiredOnesDisappear() {
    AssetSpec base = admin.asset("vv-bess-04").orElseThrow();
    AssetSpec added = new AssetSpec("vv-new-05", "New battery", base.site(), base.spec(), base.pricing(),
        base.cancellation(), base.residual());
    admin.addAsset(added);
    assertThat(offered()).endsWith("vv-new-05");
    assertThat(h.operator.fleet().assets()).extracting(AssetSpec::id).contains("vv-new-05");
    refused(() -> admin.addAsset(added), AdminException.EXISTS);

    String id = h.book("vv-new-05", "50", START, END);
    refused(() -> admin.retireAsset("vv-new-05"), AdminException.IN_USE);
    assertThat(offered()).contains("vv-new-05");
    h.cancel("c-" + id, id);
    admin.retireAsset("vv-new-05");
    assertThat(offered()).doesNotContain("vv-new-05");
    refused(() -> h.select("after-retire", Harness.order("vv-new-05", "10", START, END)), "30004");
    refused(() -> admin.retireAsset("vv-new-05"), AdminException.NOT_FOUND);
    assertThat(h.status("s-" + id, id).message().order().status()).isEqualTo("CANCELLED");
    assertThat(admin.auditLog()).extracting(e -> e.action() + " " + e.target() + " " + e.outcome()).containsSubsequence(
        "add-asset vv-new-05 OK", "add-asset vv-new-05 ADMIN_ASSET_EXISTS", "retire-asset vv-new-05 ADMIN_ASSET_IN_USE",
        "retire-asset vv-new-05 OK", "retire-asset vv-new-05 ADMIN_ASSET_NOT_FOUND");
  }

  @Test
  void physicsChangeOnlyWhenIdleAndItVoidsOutstandingQuotes() {
    AssetSpec a = admin.asset("vv-bess-04").orElseThrow();
    StorageSpec s = a.spec();
    AssetSpec bigger = new AssetSpec(a.id(), a.name(), a.site(), new StorageSpec(s.technology(),
        Energy.ofKwh("2000"), s.maxChargePower(), s.maxDischargePower(), s.roundTripEfficiency(),
        s.selfDischargePerDay(), s.minSoc(), s.maxSoc(), s.slotGranularity()), a.pricing(), a.cancellation(),
        a.residual());
    String id = h.book("vv-bess-04", "50", START, END);
    refused(() -> admin.changeAsset(bigger), AdminException.IN_USE);
    h.cancel("c-" + id, id);
    Order o = Harness.withTerms(Harness.order("vv-bess-04", "50", START, END));
    h.init("q", o);
    admin.changeAsset(bigger);
    refused(() -> h.confirm("q", o), "40003");
    assertThat(offer("vv-bess-04").maximumEnergy().compareTo(Energy.ofKwh("1000"))).isPositive();
    h.book("vv-bess-04", "1500", START, END);
  }

  @Test
  void aFaultCancelsLiveContractsAsTheProviderAndPushesBoth() {
    List<Order> updates = new CopyOnWriteArrayList<>();
    h.operator.attachUpdates(updates::add);
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:55:00Z");
    h.update("tr", "order.fulfillments", Harness.transfer(id, "charge", "40 kWh", "20 kW", START));
    h.advanceTo("2026-12-01T11:00:00Z");

    List<String> cancelled = admin.markFaulted("vv-bess-01", "inverter trip");
    assertThat(cancelled).containsExactly(id);
    h.operator.awaitPushes();
    Order pushed = h.pushes.get(h.pushes.size() - 1);
    assertThat(pushed.status()).isEqualTo("CANCELLED");
    assertThat(Alert.in(pushed.fulfillments().get(0).tags())).map(Alert::code).contains(Alert.ASSET_FAULT);
    h.validPushes("tr");
    assertThat(updates).singleElement().satisfies(u -> assertThat(u.id()).isEqualTo(id));

    Order status = h.status("after-fault", id).message().order();
    assertThat(status.status()).isEqualTo("CANCELLED");
    // the provider's cancellation bills nothing of the booking; the residual is bought back (a credit)
    assertThat(status.quote().breakup()).extracting(l -> l.title())
        .doesNotContain("capacity-reservation", "energy-in", "fixed-fee");
    assertThat(new BigDecimal(status.quote().price().value())).isNotPositive();
    assertThat(offered()).doesNotContain("vv-bess-01");
    refused(() -> h.select("while-faulted", Harness.order("vv-bess-01", "10", START, END)), "30004");
    assertThat(admin.utilisation().assets()).anySatisfy(u -> {
      assertThat(u.assetId()).isEqualTo("vv-bess-01");
      assertThat(u.status()).isEqualTo(FleetUtilisation.Status.FAULTED);
    });
    refused(() -> admin.changePricing("vv-bess-01", admin.faulted().get(0).asset().pricing()),
        AdminException.NOT_FOUND);

    admin.clearFault("vv-bess-01");
    assertThat(offered()).contains("vv-bess-01");
    h.book("vv-bess-01", "50", START, END);
  }

  @Test
  void utilisationCountsWhatIsReservedNow() {
    h.book("vv-bess-01", "100", "2026-11-30T09:00:00Z", "2026-11-30T12:00:00Z");
    FleetUtilisation u = admin.utilisation();
    FleetUtilisation.Asset a = u.assets().stream().filter(x -> x.assetId().equals("vv-bess-01")).findFirst()
        .orElseThrow();
    assertThat(a.reservedKwh()).isEqualByComparingTo("100");
    assertThat(a.liveContracts()).isEqualTo(1);
    assertThat(a.utilisation()).isEqualByComparingTo(new BigDecimal("100").divide(a.usableKwh(), 4,
        java.math.RoundingMode.HALF_UP));
    assertThat(u.utilisation()).isPositive();
  }

  @Test
  void assetJsonRoundTrips() {
    for (AssetSpec a : admin.assets()) {
      assertThat(AssetJson.parse(AssetJson.write(a).toString())).isEqualTo(a);
    }
    assertThat(Set.copyOf(admin.assets().stream().map(AssetSpec::id).toList())).hasSize(4);
  }
}
