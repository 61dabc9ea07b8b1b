package org.dent.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.aggregation.AggregationException;
import org.dent.client.aggregation.Aggregator;
import org.dent.client.aggregation.Leg;
import org.dent.client.aggregation.Portfolio;
import org.dent.client.aggregation.PortfolioOffer;
import org.dent.client.aggregation.SagaEvent;
import org.dent.client.bap.BppTarget;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Billing;
import org.dent.core.model.Order;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.BusinessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reservation saga over real HTTP and signatures against reference BPPs made to fail: a confirm refused
 * ({@code 40002}, a lost race), a confirm NACKed synchronously, an expired quote, a confirm never answered (the client's ttl ends on the shared clock), a BPP
 * stopped mid-saga. Afterwards every BPP is asked what it holds: {@code status} of every order the saga made, and
 * a search showing the asset's free energy, so no reservation is left behind.
 */
class AggregatorSagaTest {
  static final TimeWindow WINDOW = TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T22:00:00Z");
  static final GeoPoint SITE = GeoPoint.parse("12.9716,77.5946");

  AggregationNetwork net;

  @AfterEach
  void stop() {
    if (net != null) {
      net.close();
    }
  }

  static List<AggregationNetwork.Asset> fourAssets() {
    return List.of(new AggregationNetwork.Asset("bpp.a.example", "a1", 200, 60, "1.00", "10.00"),
        new AggregationNetwork.Asset("bpp.b.example", "b1", 250, 60, "1.20", "10.00"),
        new AggregationNetwork.Asset("bpp.c.example", "c1", 300, 80, "1.50", "20.00"),
        new AggregationNetwork.Asset("bpp.d.example", "d1", 300, 80, "2.00", "20.00"));
  }

  static StorageRequirement need(String kwh) {
    return new StorageRequirement(new SearchArea(SITE, new BigDecimal("25")), WINDOW, Energy.parse(kwh + " kWh"),
        Money.parse("5000.00", "INR"), Power.parse("100 kW"), Power.parse("100 kW"));
  }

  Aggregator aggregator() {
    return Aggregator.builder(net.bap).bpps(net.urls()).clock(net.clock).stepTimeout(Duration.ofSeconds(60))
        .billing(Billing.builder().name("Sunfield Solar Co-op").build()).build();
  }

  @Test
  void confirmRefusedIsReplannedWithTheRemainingOffers() {
    net = new AggregationNetwork(fourAssets());
    net.bpp("bpp.a.example").operator.confirmFault = (req, ctx, ref) -> {
      throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "taken by another BAP meanwhile");
    };
    Aggregator agg = aggregator();
    List<PortfolioOffer> offers = agg.search(need("400"));
    assertThat(offers).hasSize(4);
    assertThat(agg.planner().plan(need("400"), offers).legs()).extracting(l -> l.offer().bppId())
        .contains("bpp.a.example");

    Portfolio p = agg.reserve(need("400"), offers);

    assertThat(p.legs()).extracting(l -> l.offer().bppId()).doesNotContain("bpp.a.example");
    assertThat(p.energy().compareTo(Energy.parse("400 kWh"))).isGreaterThanOrEqualTo(0);
    assertThat(p.chargePower().compareTo(Power.parse("100 kW"))).isGreaterThanOrEqualTo(0);
    assertThat(p.journal()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(SagaEvent.Kind.LEG_FAILED);
      assertThat(e.code()).isEqualTo("40002");
      assertThat(e.offerKey()).startsWith("bpp.a.example/");
    });
    assertThat(p.journal()).filteredOn(e -> e.kind() == SagaEvent.Kind.PLANNED).hasSizeGreaterThanOrEqualTo(2);
    for (Leg l : p.legs()) {
      assertThat(status(l.target(), l.orderId()).status()).isEqualTo("ACTIVE");
    }
    assertThat(p.inDoubt()).isEmpty();
    assertFree("bpp.a.example", 200);
    assertHeldOnlyByLegs(p);
  }

  @Test
  void confirmNackedAtTheHttpLevelIsReplanned() {
    net = new AggregationNetwork(fourAssets());
    net.withoutConfirm("bpp.a.example");
    Aggregator agg = aggregator();
    Portfolio p = agg.reserve(need("400"), agg.search(need("400")));
    assertThat(p.legs()).extracting(l -> l.offer().bppId()).doesNotContain("bpp.a.example");
    assertThat(p.journal()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(SagaEvent.Kind.LEG_FAILED);
      assertThat(e.code()).isEqualTo("40001");
      assertThat(e.offerKey()).startsWith("bpp.a.example/");
    });
    assertFree("bpp.a.example", 200);
    assertHeldOnlyByLegs(p);
  }

  @Test
  void anExpiredQuoteIsQuotedAfreshOnceThenTheOfferIsDropped() {
    net = new AggregationNetwork(fourAssets());
    FaultyOperator a = net.bpp("bpp.a.example").operator;
    a.confirmFault = (req, ctx, ref) -> {
      if (a.confirms.get() == 1) {
        throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "the quote expired; select again");
      }
      return ref.confirm(req, ctx);
    };
    Aggregator agg = aggregator();
    Portfolio p = agg.reserve(need("400"), agg.search(need("400")));
    assertThat(p.legs()).extracting(l -> l.offer().bppId()).contains("bpp.a.example");
    assertThat(p.journal()).anySatisfy(e -> assertThat(e.code()).isEqualTo("40003"));
    assertThat(a.confirms.get()).isEqualTo(2);
    assertHeldOnlyByLegs(p);

    // always expired: asked twice, then dropped and re-planned without it
    net.close();
    net = new AggregationNetwork(fourAssets());
    FaultyOperator a2 = net.bpp("bpp.a.example").operator;
    a2.confirmFault = (req, ctx, ref) -> {
      throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "the quote expired; select again");
    };
    Aggregator agg2 = aggregator();
    Portfolio p2 = agg2.reserve(need("400"), agg2.search(need("400")));
    assertThat(p2.legs()).extracting(l -> l.offer().bppId()).doesNotContain("bpp.a.example");
    assertThat(a2.confirms.get()).isEqualTo(2);
    assertHeldOnlyByLegs(p2);
  }

  @Test
  void unansweredConfirmIsAskedAgainAndTheReservationLearnt() throws Exception {
    net = new AggregationNetwork(fourAssets());
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FaultyOperator b = net.bpp("bpp.b.example").operator;
    b.confirmFault = (req, ctx, ref) -> {
      var answer = ref.confirm(req, ctx); // reserves, but the answer is held back past the client's ttl
      if (b.confirms.get() == 1) {
        entered.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return answer;
    };
    try {
      Aggregator agg = aggregator();
      List<PortfolioOffer> offers = agg.search(need("400"));
      CompletableFuture<Portfolio> saga = CompletableFuture.supplyAsync(() -> agg.reserve(need("400"), offers));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> net.bap.pendingCount() == 1);
      net.clock.advance(Duration.ofSeconds(31)); // the client's ttl ends for the held confirm
      Portfolio p = saga.get(60, TimeUnit.SECONDS);

      assertThat(p.journal()).anySatisfy(e -> {
        assertThat(e.kind()).isEqualTo(SagaEvent.Kind.LEG_FAILED);
        assertThat(e.offerKey()).startsWith("bpp.b.example/");
        assertThat(e.detail()).contains("asking again");
      });
      Leg bLeg = p.legs().stream().filter(l -> l.offer().bppId().equals("bpp.b.example")).findFirst().orElseThrow();
      assertThat(b.confirms.get()).isEqualTo(2);
      assertThat(status(bLeg.target(), bLeg.orderId()).status()).isEqualTo("ACTIVE");
      assertThat(p.inDoubt()).isEmpty();
      assertHeldOnlyByLegs(p);
    } finally {
      release.countDown();
    }
  }

  @Test
  void bppStoppedMidSagaLeavesNothingReservedWhenThePortfolioCannotBeCompleted() {
    net = new AggregationNetwork(fourAssets().subList(0, 3));
    Aggregator agg = aggregator();
    StorageRequirement need = need("700");
    List<PortfolioOffer> offers = agg.search(need);
    assertThat(offers).hasSize(3);
    net.bpp("bpp.c.example").engine.close(); // dies after the search, before its leg is reserved

    assertThatThrownBy(() -> agg.reserve(need, offers)).isInstanceOfSatisfying(AggregationException.class, e -> {
      assertThat(e.inDoubt()).isEmpty();
      List<SagaEvent> confirmed = e.journal().stream().filter(j -> j.kind() == SagaEvent.Kind.CONFIRMED).toList();
      List<SagaEvent> released = e.journal().stream().filter(j -> j.kind() == SagaEvent.Kind.RELEASED).toList();
      assertThat(confirmed).hasSize(2);
      assertThat(released).extracting(SagaEvent::orderId)
          .containsExactlyInAnyOrderElementsOf(confirmed.stream().map(SagaEvent::orderId).toList());
      assertThat(e.journal()).anySatisfy(j -> {
        assertThat(j.kind()).isEqualTo(SagaEvent.Kind.LEG_FAILED);
        assertThat(j.offerKey()).startsWith("bpp.c.example/");
      });
      for (SagaEvent c : confirmed) {
        String bppId = c.offerKey().substring(0, c.offerKey().indexOf('/'));
        // each leg's own transaction is not needed for status: the order is found by id for this BAP
        BppTarget t = new BppTarget(bppId, net.bpp(bppId).uri(), net.bap.newTransactionId());
        assertThat(status(t, c.orderId()).status()).isEqualTo("CANCELLED");
      }
    });
    assertFree("bpp.a.example", 200);
    assertFree("bpp.b.example", 250);
    var revived = net.revive("bpp.c.example");
    assertThat(freeAt(revived.bppUri(), "bpp.c.example")).isEqualTo(300);
  }

  @Test
  void aBppThatDiesAfterReservingIsReportedInDoubtAndSettledWhenBack() throws Exception {
    net = new AggregationNetwork(fourAssets().subList(0, 3));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AggregationNetwork.Bpp c = net.bpp("bpp.c.example");
    c.operator.confirmFault = (req, ctx, ref) -> {
      var answer = ref.confirm(req, ctx); // reserves, then the BPP dies before answering
      entered.countDown();
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          // keep holding the answer back
        }
      }
      return answer;
    };
    try {
      Aggregator agg = aggregator();
      StorageRequirement need = need("700");
      List<PortfolioOffer> offers = agg.search(need);
      CompletableFuture<Portfolio> saga = CompletableFuture.supplyAsync(() -> agg.reserve(need, offers));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> net.bap.pendingCount() == 1);
      int port = c.uri().getPort();
      CompletableFuture.runAsync(c.engine::close); // its host stops at once; the held handler is waited for
      await().atMost(Duration.ofSeconds(30)).until(() -> !listening(port));
      net.clock.advance(Duration.ofSeconds(31)); // the held confirm times out; asked again, nobody answers

      assertThat(saga).failsWithin(Duration.ofSeconds(60)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOfSatisfying(AggregationException.class, e -> {
            assertThat(e.inDoubt()).hasSize(1);
            assertThat(e.inDoubt().get(0).offer().bppId()).isEqualTo("bpp.c.example");
            assertThat(e.journal()).filteredOn(j -> j.kind() == SagaEvent.Kind.RELEASED).hasSize(2);
          });
      AggregationException failed = (AggregationException) saga.handle((ok, ex) -> ex.getCause()).join();
      assertFree("bpp.a.example", 200);
      assertFree("bpp.b.example", 250);

      release.countDown();
      var back = net.revive("bpp.c.example", port); // back at the same address
      assertThat(freeAt(back.bppUri(), "bpp.c.example")).as("the dead BPP did reserve").isLessThan(300);
      var bill = agg.resolve(failed.inDoubt().get(0));
      assertThat(bill).isPresent();
      assertThat(freeAt(back.bppUri(), "bpp.c.example")).isEqualTo(300);
    } finally {
      release.countDown();
    }
  }

  static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void nothingFitsMeansNothingIsReserved() {
    net = new AggregationNetwork(fourAssets().subList(0, 2));
    Aggregator agg = aggregator();
    assertThatThrownBy(() -> agg.aggregate(need("600"))).isInstanceOfSatisfying(AggregationException.class,
        e -> assertThat(e.journal()).noneMatch(j -> j.kind() == SagaEvent.Kind.CONFIRMED));
    assertFree("bpp.a.example", 200);
    assertFree("bpp.b.example", 250);
  }

  Order status(BppTarget t, String orderId) {
    return net.bap.status(t, orderId).orTimeout(30, TimeUnit.SECONDS).join().message().order();
  }

  void assertFree(String bppId, int kwh) {
    assertThat(freeAt(net.bpp(bppId).uri(), bppId)).isEqualTo(kwh);
  }

  /** Free energy of the BPP's only asset in the window, by a search for 1 kWh (no offer: less than that). */
  int freeAt(java.net.URI uri, String bppId) {
    StorageRequirement probe = new StorageRequirement(null, WINDOW, Energy.parse("1 kWh"), null, null, null);
    var answers = net.bap.search(probe.toIntent(), List.of(uri)).all().orTimeout(30, TimeUnit.SECONDS).join();
    List<PortfolioOffer> offers = answers.stream().flatMap(a -> PortfolioOffer.from(a).stream()).toList();
    assertThat(offers).hasSizeLessThanOrEqualTo(1);
    return offers.isEmpty() ? 0 : offers.get(0).offer().freeEnergy().in(org.dent.core.units.EnergyUnit.KWH).intValueExact();
  }

  /** Every BPP's free energy is its asset's minus what the portfolio's legs there reserve. */
  void assertHeldOnlyByLegs(Portfolio p) {
    for (AggregationNetwork.Bpp b : net.bpps.values()) {
      BigDecimal held = p.legs().stream().filter(l -> l.offer().bppId().equals(b.asset.bppId()))
          .map(l -> l.energy().in(org.dent.core.units.EnergyUnit.KWH)).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(BigDecimal.valueOf(freeAt(b.uri(), b.asset.bppId())))
          .isEqualByComparingTo(BigDecimal.valueOf(b.asset.kwh()).subtract(held));
    }
  }

  static Instant t(String s) {
    return Instant.parse(s);
  }
}
