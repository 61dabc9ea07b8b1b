package org.dent.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dent.client.aggregation.AggregationException;
import org.dent.client.aggregation.Aggregator;
import org.dent.client.aggregation.Leg;
import org.dent.client.aggregation.Portfolio;
import org.dent.client.aggregation.PortfolioModifier;
import org.dent.client.aggregation.SagaEvent;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Billing;
import org.dent.core.model.Order;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.BusinessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grow, shrink and extend a confirmed portfolio through the reference operator's modification updates over
 * loopback, with one provider that cannot follow. Afterwards each BPP's free energy shows that it holds exactly the
 * portfolio's legs.
 */
class PortfolioModifierTest {
  AggregationNetwork net;

  @AfterEach
  void stop() {
    if (net != null) {
      net.close();
    }
  }

  Aggregator aggregator() {
    return Aggregator.builder(net.bap).bpps(net.urls()).clock(net.clock)
        .billing(Billing.builder().name("Sunfield Solar Co-op").build()).build();
  }

  @Test
  void growReplansAroundAProviderThatCannotFollow() {
    net = new AggregationNetwork(AggregatorSagaTest.fourAssets());
    Aggregator agg = aggregator();
    Portfolio p = agg.aggregate(AggregatorSagaTest.need("300"));
    // the leg with room left is the one the planner grows first (no second fixed fee): its BPP refuses
    Leg roomy = p.legs().stream().filter(l -> l.energy().in(EnergyUnit.KWH).intValueExact()
        < net.bpp(l.offer().bppId()).asset.kwh()).findFirst().orElseThrow();
    String refusing = roomy.offer().bppId();
    net.bpp(refusing).operator.updateFault = (req, ctx, ref) -> {
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the asset cannot hold more");
    };
    Portfolio grown = new PortfolioModifier(agg).grow(p, Energy.parse("700 kWh"));

    assertThat(grown.energy()).isEqualTo(Energy.parse("700 kWh"));
    assertThat(grown.need().energy()).isEqualTo(Energy.parse("700 kWh"));
    assertThat(grown.journal()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(SagaEvent.Kind.LEG_FAILED);
      assertThat(e.offerKey()).startsWith(refusing + "/");
    });
    Leg unchanged = grown.legs().stream().filter(l -> l.offer().bppId().equals(refusing)).findFirst().orElseThrow();
    assertThat(unchanged.energy()).isEqualTo(roomy.energy());
    for (Leg l : grown.legs()) {
      Order o = status(l);
      assertThat(o.status()).isEqualTo("ACTIVE");
      assertThat(new BigDecimal(o.items().get(0).quantity().selected().measure().value()))
          .isEqualByComparingTo(l.energy().in(EnergyUnit.KWH));
    }
    assertHeldOnlyByLegs(grown);
  }

  @Test
  void growThatCannotBePlacedPutsEverythingBack() {
    net = new AggregationNetwork(AggregatorSagaTest.fourAssets().subList(0, 2));
    Aggregator agg = aggregator();
    Portfolio p = agg.aggregate(AggregatorSagaTest.need("300"));
    assertThatThrownBy(() -> new PortfolioModifier(agg).grow(p, Energy.parse("460 kWh")))
        .isInstanceOf(AggregationException.class);
    assertHeldOnlyByLegs(p);
  }

  @Test
  void shrinkTakesTheMostExpensiveKwhFirst() {
    net = new AggregationNetwork(AggregatorSagaTest.fourAssets());
    Aggregator agg = aggregator();
    Portfolio p = new PortfolioModifier(agg).grow(agg.aggregate(AggregatorSagaTest.need("300")),
        Energy.parse("600 kWh"));
    Portfolio small = new PortfolioModifier(agg).shrink(p, Energy.parse("450 kWh"), Map.of());
    assertThat(small.energy()).isEqualTo(Energy.parse("450 kWh"));
    assertHeldOnlyByLegs(small);
  }

  @Test
  void extendReplacesTheLegThatCannotFollow() {
    net = new AggregationNetwork(AggregatorSagaTest.fourAssets());
    Aggregator agg = aggregator();
    Portfolio p = agg.aggregate(AggregatorSagaTest.need("400"));
    Leg first = p.legs().get(0);
    net.bpp(first.offer().bppId()).operator.updateFault = (req, ctx, ref) -> {
      throw BusinessException.transferRefused("OUTSIDE_WINDOW", "the asset is booked after 22:00", "/message/order");
    };
    TimeWindow longer = TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-02T02:00:00Z");
    Portfolio extended = new PortfolioModifier(agg).extend(p, longer);

    assertThat(extended.legs()).allSatisfy(l -> assertThat(l.window()).isEqualTo(longer));
    assertThat(extended.legs()).noneMatch(l -> l.orderId().equals(first.orderId()));
    assertThat(extended.energy().compareTo(Energy.parse("400 kWh"))).isGreaterThanOrEqualTo(0);
    assertThat(status(first).status()).isEqualTo("CANCELLED");
    for (Leg l : extended.legs()) {
      assertThat(status(l).status()).isEqualTo("ACTIVE");
    }
    assertThat(extended.journal()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(SagaEvent.Kind.RELEASED);
      assertThat(e.orderId()).isEqualTo(first.orderId());
    });
    assertHeldOnlyByLegs(extended);
  }

  Order status(Leg l) {
    return net.bap.status(l.target(), l.orderId()).orTimeout(30, TimeUnit.SECONDS).join().message().order();
  }

  /** Every BPP's free energy over the portfolio's window is its asset's minus the legs it holds. */
  void assertHeldOnlyByLegs(Portfolio p) {
    TimeWindow w = p.legs().get(0).window();
    for (AggregationNetwork.Bpp b : net.bpps.values()) {
      BigDecimal held = p.legs().stream().filter(l -> l.offer().bppId().equals(b.asset.bppId()))
          .map(l -> l.energy().in(EnergyUnit.KWH)).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(free(b, w)).as(b.asset.bppId()).isEqualByComparingTo(BigDecimal.valueOf(b.asset.kwh()).subtract(held));
    }
  }

  BigDecimal free(AggregationNetwork.Bpp b, TimeWindow w) {
    var probe = new org.dent.core.profile.view.StorageRequirement(null, w, Energy.parse("1 kWh"), null, null, null);
    var offers = net.bap.search(probe.toIntent(), List.of(b.uri())).all().orTimeout(30, TimeUnit.SECONDS).join()
        .stream().flatMap(a -> org.dent.client.aggregation.PortfolioOffer.from(a).stream()).toList();
    return offers.isEmpty() ? BigDecimal.ZERO : offers.get(0).offer().freeEnergy().in(EnergyUnit.KWH);
  }

  static Duration d(long s) {
    return Duration.ofSeconds(s);
  }
}
