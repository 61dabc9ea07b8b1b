package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dent.core.model.Action;
import org.dent.core.model.Context;
import org.dent.core.model.Intent;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.Provider;
import org.dent.core.model.SearchRequest;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;

/** Every search filter on the default fleet, and the latency of a search over 10,000 assets. */
class SearchTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  static final SearchArea TEN_KM = new SearchArea(GeoPoint.parse("12.9716,77.5946"), BigDecimal.TEN);

  static StorageRequirement want(String kwh) {
    return new StorageRequirement(null, TimeWindow.parse(START, END), Energy.ofKwh(kwh), null, null, null);
  }

  static List<String> found(Harness h, StorageRequirement r) {
    return found(h, r.toIntent());
  }

  static List<String> found(Harness h, Intent intent) {
    Context c = h.context(Action.SEARCH, UUID.randomUUID().toString());
    OnSearchCallback cb = h.valid(new OnSearchCallback(h.callbackContext(c),
        h.operator.search(new SearchRequest(c, new SearchRequest.Message(intent)), h.rc(c))));
    return StorageOffer.fromCatalog(cb.message().catalog()).stream().map(StorageOffer::itemId).toList();
  }

  @Test
  void onlyOffersPassingEveryFilterAreReturned() {
    try (Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"))) {
      StorageRequirement all = want("50");
      assertThat(found(h, all)).containsExactly("vv-bess-01", "vv-bess-02", "vv-flow-03", "vv-bess-04");
      assertThat(found(h, withArea(all, TEN_KM))).containsExactly("vv-bess-01", "vv-flow-03", "vv-bess-04");
      assertThat(found(h, withBudget(all, Money.parse("60.00", "INR")))).containsExactly("vv-flow-03");
      assertThat(found(h, withBudget(all, Money.parse("1000.00", "USD")))).isEmpty();
      assertThat(found(h, new StorageRequirement(null, all.window(), all.energy(), null, Power.ofKw("150"), null)))
          .containsExactly("vv-bess-02", "vv-flow-03");
      assertThat(found(h, new StorageRequirement(null, all.window(), all.energy(), null, null, Power.ofKw("210"))))
          .containsExactly("vv-bess-02");
      assertThat(found(h, want("600"))).containsExactly("vv-bess-02", "vv-flow-03");
      assertThat(found(h, new StorageRequirement(null, TimeWindow.parse("2026-12-01T10:15:00Z", END),
          all.energy(), null, null, null))).containsExactly("vv-bess-01", "vv-bess-02", "vv-bess-04");
      assertThat(found(h, new StorageRequirement(null, TimeWindow.parse("2026-11-29T10:00:00Z",
          "2026-11-29T12:00:00Z"), all.energy(), null, null, null))).isEmpty();
      assertThat(found(h, all.toIntent().toBuilder().provider(Provider.builder().id("someone-else").build())
          .build())).isEmpty();

      h.book("vv-bess-01", "420", START, END);
      assertThat(found(h, all)).doesNotContain("vv-bess-01");
      Context c = h.context(Action.SEARCH, UUID.randomUUID().toString());
      var offers = StorageOffer.fromCatalog(h.operator.search(new SearchRequest(c,
          new SearchRequest.Message(want("20").toIntent())), h.rc(c)).catalog());
      assertThat(offers.get(0).freeEnergy()).isEqualTo(Energy.ofKwh("30"));
      assertThat(offers.get(0).maximumEnergy()).isEqualTo(Energy.ofKwh("450"));
    }
  }

  @Test
  void searchOverTenThousandAssets() {
    Fleet fleet = Assets.large(10_000, 42);
    try (Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"), fleet)) {
      StorageRequirement r = new StorageRequirement(TEN_KM, TimeWindow.parse(START, END), Energy.ofKwh("1"), null,
          null, null);
      long expected = fleet.assets().stream().filter(a -> a.site().distanceKm(12.9716, 77.5946) <= 10).count();
      Context c = h.context(Action.SEARCH, UUID.randomUUID().toString());
      SearchRequest req = new SearchRequest(c, new SearchRequest.Message(r.toIntent()));
      for (int i = 0; i < 20; i++) {
        h.operator.search(req, h.rc(c));
      }
      int runs = 50;
      long t0 = System.nanoTime();
      int items = 0;
      for (int i = 0; i < runs; i++) {
        items = h.operator.search(req, h.rc(c)).catalog().providers().get(0).items().size();
      }
      double ms = (System.nanoTime() - t0) / 1e6 / runs;
      System.out.printf("search over %d assets, %d offers within 10 km: %.2f ms per search%n",
          fleet.assets().size(), items, ms);
      assertThat(items).isEqualTo((int) expected).isPositive();
      assertThat(Duration.ofNanos((long) (ms * 1e6))).isLessThan(Duration.ofSeconds(1));
    }
  }

  static StorageRequirement withArea(StorageRequirement r, SearchArea a) {
    return new StorageRequirement(a, r.window(), r.energy(), r.budget(), r.minChargePower(), r.minDischargePower());
  }

  static StorageRequirement withBudget(StorageRequirement r, Money m) {
    return new StorageRequirement(r.area(), r.window(), r.energy(), m, r.minChargePower(), r.minDischargePower());
  }
}
