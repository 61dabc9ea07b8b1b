package org.dent.client.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static StorageRequirement need(String kwh, String budget, String kw) {
    return new StorageRequirement(new SearchArea(Offers.SITE, BigDecimal.TEN), Offers.WINDOW,
        Energy.parse(kwh + " kWh"), budget == null ? null : Money.parse(budget, "INR"),
        kw == null ? null : Power.parse(kw + " kW"), kw == null ? null : Power.parse(kw + " kW"));
  }

  @Test
  void legCostFollowsThePricingTerms() {
    // 12 h window: capacity 2.00/kWh-day -> 1.00/kWh; throughput 0.50 + 0.9 x 0.50 = 0.95; fixed 50; tax 18 %
    PortfolioOffer o = Offers.offer("x", "100", "10", "10", "2.00", "0.50", "0.50", "50", "0.18", "0.90");
    LegCost c = LegCost.of(o.offer(), Offers.WINDOW.duration());
    assertThat(c.fixed().amount()).isEqualByComparingTo("59");
    assertThat(c.perKwh().amount()).isEqualByComparingTo("2.301");
    assertThat(c.cost(Energy.parse("10 kWh")).amount()).isEqualByComparingTo("82.01");
    assertThat(c.cost(Energy.ZERO).isZero()).isTrue();
  }

  @Test
  void usesOffersInPartAndTakesTheCheapestKwhFirst() {
    PortfolioOffer cheap = Offers.offer("cheap", "60", "50", "50", "1.00", null, null, null, null, "0.9");
    PortfolioOffer dear = Offers.offer("dear", "100", "50", "50", "3.00", null, null, null, null, "0.9");
    Plan p = Planner.standard().plan(need("100", null, null), List.of(dear, cheap));
    assertThat(p.optimal()).isTrue();
    assertThat(p.legs()).extracting(l -> l.offer().offer().itemId()).containsExactly("cheap", "dear");
    assertThat(p.legs()).extracting(PlannedLeg::energy).containsExactly(Energy.parse("60 kWh"),
        Energy.parse("40 kWh"));
  }

  @Test
  void aFixedFeeCanMakeTheBiggerOfferCheaper() {
    // two small fixed-fee offers vs one dearer-per-kWh offer without a fee
    PortfolioOffer a = Offers.offer("a", "50", "50", "50", "1.00", null, null, "40", null, "0.9");
    PortfolioOffer b = Offers.offer("b", "50", "50", "50", "1.00", null, null, "40", null, "0.9");
    PortfolioOffer c = Offers.offer("c", "100", "50", "50", "1.50", null, null, null, null, "0.9");
    Plan p = Planner.standard().plan(need("100", null, null), List.of(a, b, c));
    assertThat(p.legs()).extracting(l -> l.offer().offer().itemId()).containsExactly("c");
  }

  @Test
  void powerCanRequireAnExtraLegAtTheMinimumEnergy() {
    PortfolioOffer big = Offers.offer("big", "200", "40", "40", "1.00", null, null, null, null, "0.9");
    PortfolioOffer fast = Offers.offer("fast", "200", "80", "80", "5.00", null, null, null, null, "0.9");
    Plan p = Planner.standard().plan(need("100", null, "100"), List.of(big, fast));
    assertThat(p.legs()).extracting(PlannedLeg::energy).containsExactly(Energy.parse("99 kWh"),
        Energy.parse("1 kWh"));
  }

  @Test
  void rejectsUnusableOffersWithTheReason() {
    PortfolioOffer ok = Offers.offer("ok", "100", "50", "50", "1.00", null, null, null, null, "0.9");
    StorageOffer o = ok.offer();
    PortfolioOffer far = new PortfolioOffer("bpp-far", ok.bppUri(), new StorageOffer("far", "p", "l",
        GeoPoint.parse("13.5,77.5946"), o.availability(), o.freeEnergy(), null, null, o.spec(), o.pricing(),
        List.of(), null));
    PortfolioOffer late = new PortfolioOffer("bpp-late", ok.bppUri(), new StorageOffer("late", "p", "l",
        Offers.SITE, new TimeWindow(Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")),
        o.freeEnergy(), null, null, o.spec(), o.pricing(), List.of(), null));
    PortfolioOffer tiny = Offers.offer("tiny", "0.5", "50", "50", "1.00", null, null, null, null, "0.9");
    Plan p = Planner.standard().plan(need("50", null, null), List.of(ok, far, late, tiny));
    assertThat(p.rejected()).containsOnlyKeys(far.key(), late.key(), tiny.key());
    assertThat(p.rejected().get(far.key())).contains("outside the search area");
    assertThat(p.rejected().get(late.key())).contains("not available");
  }

  @Test
  void overBudgetSaysWhatTheCheapestCosts() {
    PortfolioOffer ok = Offers.offer("ok", "100", "50", "50", "2.00", null, null, null, null, "0.9");
    assertThatThrownBy(() -> Planner.standard().plan(need("50", "40", null), List.of(ok)))
        .isInstanceOf(AggregationException.class).hasMessageContaining("cheapest costs 50.00")
        .extracting(e -> ((AggregationException) e).code()).isEqualTo("40002");
    assertThat(Planner.standard().plan(need("50", "50", null), List.of(ok)).cost().amount())
        .isEqualByComparingTo("50");
  }

  @Test
  void aTruncatedSearchSaysSoAndBoundsTheGap() {
    List<PortfolioOffer> offers = Offers.random(new Random(7), 60, 40, 30);
    StorageRequirement n = need("400", null, "150");
    Plan exact = Planner.standard().plan(n, offers);
    Plan cut = Planner.builder().maxNodes(30).build().plan(n, offers);
    assertThat(exact.optimal()).isTrue();
    assertThat(cut.optimal()).isFalse();
    assertThat(cut.lowerBound().compareTo(exact.cost())).isLessThanOrEqualTo(0);
    assertThat(cut.cost().compareTo(exact.cost())).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aThousandOffersArePlannedExactly() {
    List<PortfolioOffer> offers = Offers.random(new Random(11), 1000, 400, 150);
    long t = System.nanoTime();
    Plan p = Planner.standard().plan(need("20000", null, "3000"), offers);
    long ms = (System.nanoTime() - t) / 1_000_000;
    assertThat(p.optimal()).isTrue();
    assertThat(p.energy().compareTo(Energy.parse("20000 kWh"))).isGreaterThanOrEqualTo(0);
    assertThat(ms).as("planning time (generous: CI machines are shared)").isLessThan(5_000);
  }
}
