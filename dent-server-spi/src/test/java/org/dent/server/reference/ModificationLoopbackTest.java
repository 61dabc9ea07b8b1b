package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.testing.MutableClock;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract modification (DESIGN.md §3 "Modify") against the reference operator behind a real {@link BppEngine},
 * driven by real {@link DentClient}s over loopback HTTP with Ed25519 signatures both ways. Every refusal is checked
 * to leave the contract as it was, through {@code status}.
 */
class ModificationLoopbackTest {
  static final String ASSET = "vv-bess-01"; // usable 450 kWh, 2.00 INR per kWh-day
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  LoopbackNet net;
  ReferenceOperator operator;
  BppEngine engine;
  DentClient client;
  DentClient other;

  @BeforeEach
  void start() {
    net = new LoopbackNet(clock, "bap.microgrid.example", "bap.other.example");
    operator = net.operator;
    engine = net.engine;
    client = net.owner;
    other = net.other;
  }

  @AfterEach
  void stop() {
    net.close();
  }

  /** A booked order: the transaction it was confirmed in and its id. */
  record Booked(BppTarget target, String id) {}

  Booked book(DentClient c, String kwh) throws Exception {
    BppTarget t = new BppTarget("bpp.voltvault.example", engine.bppUri(), c.newTransactionId());
    Order o = Harness.withTerms(Harness.order(ASSET, kwh, START, END));
    get(c.select(t, o));
    get(c.init(t, o));
    return new Booked(t, get(c.confirm(t, o)).message().order().id());
  }

  CompletableFuture<OnUpdateCallback> send(DentClient c, Booked b, ContractModification m) {
    UpdateRequest.Message msg = m.toMessage();
    return c.update(b.target(), msg.updateTarget(), msg.order());
  }

  CompletableFuture<OnUpdateCallback> resize(Booked b, String kwh) {
    return send(client, b, ContractModification.ofEnergy(b.id(), ASSET, Energy.ofKwh(kwh)));
  }

  CompletableFuture<OnUpdateCallback> reschedule(Booked b, String start, String end) {
    return send(client, b, ContractModification.ofWindow(b.id(), "f1", TimeWindow.parse(start, end)));
  }

  /** The contract as {@code status} reports it. */
  Order status(Booked b) throws Exception {
    return get(client.status(b.target(), b.id())).message().order();
  }

  static StorageOrder terms(Order o) {
    return StorageOrder.from(o);
  }

  static String capacityLine(Order o) {
    return Bill.from(o.quote()).amount(BillLineKind.CAPACITY_RESERVATION).amount().toPlainString();
  }

  static <T extends BecknMessage> T get(CompletableFuture<T> f) throws Exception {
    T m = f.get(10, TimeUnit.SECONDS);
    assertThat(Harness.VALIDATOR.validate(Harness.CODEC.toTree(m))).isEmpty();
    return m;
  }

  static String errorCode(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected an error callback");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(CallbackErrorException.class);
      CallbackErrorException c = (CallbackErrorException) e.getCause();
      return c.code() + " " + c.callback().error().message();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  void advance(String to) {
    Instant t = Instant.parse(to);
    clock.advance(Duration.between(clock.instant(), t));
    operator.simulator().advanceTo(t);
  }

  BigDecimal free() {
    AssetBook b = operator.state().books.get(ASSET);
    return OperatorState.locked(b, () -> b.freeKwh(TimeWindow.parse(START, END)));
  }

  @Test
  void growBeforeTheWindowIsPricedLikeANewContract() throws Exception {
    Booked b = book(client, "50");
    Order grown = get(resize(b, "100")).message().order();
    assertThat(terms(grown).energy()).isEqualTo(Energy.ofKwh("100"));
    assertThat(grown.status()).isEqualTo("ACTIVE");
    assertThat(capacityLine(grown)).isEqualTo("66.67"); // 100 kWh × 8/24 day × 2.00
    Bill.from(grown.quote()).requireBalanced();
    assertThat(terms(status(b)).energy()).isEqualTo(Energy.ofKwh("100"));
    assertThat(free()).isEqualByComparingTo("350");
  }

  @Test
  void growRefusedWhenAnotherOrderHoldsTheCapacityLeavesTheContractAlone() throws Exception {
    Booked mine = book(client, "50");
    Booked theirs = book(other, "400"); // the asset is full
    Order before = status(mine);
    assertThat(errorCode(resize(mine, "60"))).startsWith("40002 ");
    Order after = status(mine);
    assertThat(terms(after)).isEqualTo(terms(before));
    assertThat(after.quote()).isEqualTo(before.quote());
    assertThat(free()).isZero();
    // the other BAP cannot touch mine: not found, exactly like an unknown order
    assertThat(errorCode(send(other, theirs, ContractModification.ofEnergy(mine.id(), ASSET,
        Energy.ofKwh("10"))))).startsWith("30010 ");
    // once theirs shrinks, mine can grow into what was freed, and no further
    get(send(other, theirs, ContractModification.ofEnergy(theirs.id(), ASSET, Energy.ofKwh("390"))));
    assertThat(terms(get(resize(mine, "60")).message().order()).energy()).isEqualTo(Energy.ofKwh("60"));
    assertThat(errorCode(resize(mine, "60.001"))).startsWith("40002 ");
    assertThat(free()).isZero();
  }

  @Test
  void shrinkDuringTheWindowBillsTheOldTermsUntilTheChange() throws Exception {
    Booked b = book(client, "100");
    advance("2026-12-01T14:00:00Z");
    Order shrunk = get(resize(b, "40")).message().order();
    assertThat(terms(shrunk).energy()).isEqualTo(Energy.ofKwh("40"));
    // (100 kWh × 4 h + 40 kWh × 4 h) ÷ 24 h × 2.00 = 46.666…
    assertThat(capacityLine(shrunk)).isEqualTo("46.67");
    assertThat(free()).isEqualByComparingTo("410");
    advance(END);
    Order done = status(b);
    assertThat(done.status()).isEqualTo("COMPLETE");
    assertThat(capacityLine(done)).isEqualTo("46.67");
    Bill.from(done.quote()).requireBalanced();
  }

  @Test
  void extendAndShortenTheWindow() throws Exception {
    Booked b = book(client, "50");
    Order extended = get(reschedule(b, START, "2026-12-01T20:00:00Z")).message().order();
    assertThat(terms(extended).window()).isEqualTo(TimeWindow.parse(START, "2026-12-01T20:00:00Z"));
    assertThat(capacityLine(extended)).isEqualTo("41.67"); // 50 kWh × 10/24 day × 2.00
    assertThat(terms(status(b)).window().end()).isEqualTo(Instant.parse("2026-12-01T20:00:00Z"));

    // another order holds the two extra hours: extending into them is refused, the window unchanged
    Booked late = bookAt(other, "420", "2026-12-01T20:00:00Z", "2026-12-01T23:00:00Z");
    assertThat(late.id()).isNotNull();
    assertThat(errorCode(reschedule(b, START, "2026-12-01T21:00:00Z"))).startsWith("40002 ");
    assertThat(terms(status(b)).window().end()).isEqualTo(Instant.parse("2026-12-01T20:00:00Z"));

    advance("2026-12-01T12:00:00Z");
    // started: the start stays, the end can be brought in, but not off the slot grid nor into the past
    assertThat(errorCode(reschedule(b, "2026-12-01T11:00:00Z", END))).startsWith("50002 OUTSIDE_WINDOW");
    assertThat(errorCode(reschedule(b, START, "2026-12-01T16:10:00Z"))).startsWith("50002 OFF_GRANULARITY");
    assertThat(errorCode(reschedule(b, START, "2026-12-01T11:45:00Z"))).startsWith("50002 OUTSIDE_WINDOW");
    Order shortened = get(reschedule(b, START, "2026-12-01T16:00:00Z")).message().order();
    // 50 kWh × 2 h (10:00–12:00 under the 20:00 terms) + 50 kWh × 4 h (12:00–16:00) = 50 × 6/24 × 2.00
    assertThat(capacityLine(shortened)).isEqualTo("25.00");
    assertThat(terms(status(b)).window()).isEqualTo(TimeWindow.parse(START, "2026-12-01T16:00:00Z"));
  }

  Booked bookAt(DentClient c, String kwh, String start, String end) throws Exception {
    BppTarget t = new BppTarget("bpp.voltvault.example", engine.bppUri(), c.newTransactionId());
    Order o = Harness.withTerms(Harness.order(ASSET, kwh, start, end));
    get(c.select(t, o));
    get(c.init(t, o));
    return new Booked(t, get(c.confirm(t, o)).message().order().id());
  }

  @Test
  void shrinkBelowTheStoredEnergyIsRefused() throws Exception {
    Booked b = book(client, "100");
    advance("2026-12-01T09:55:00Z");
    get(client.update(b.target(), "order.fulfillments", Harness.transfer(b.id(), "charge", "80 kWh", "80 kW",
        START)));
    advance("2026-12-01T11:00:00Z");
    Order before = status(b);
    BigDecimal stored = Telemetry.in(before.fulfillments().get(0).tags()).orElseThrow().storedEnergy().value();
    assertThat(stored).isBetween(new BigDecimal("76.7"), new BigDecimal("76.8")); // 80 × √0.92
    assertThat(errorCode(resize(b, "76"))).startsWith("50002 ABOVE_RESERVED_ENERGY");
    Order after = status(b);
    assertThat(terms(after).energy()).isEqualTo(Energy.ofKwh("100"));
    assertThat(after.quote()).isEqualTo(before.quote());
    assertThat(free()).isEqualByComparingTo("350");
    assertThat(terms(get(resize(b, "77")).message().order()).energy()).isEqualTo(Energy.ofKwh("77"));
  }

  @Test
  void updatesBeyondTheirTargetOrWithAnUnknownTargetAreRefused() throws Exception {
    Booked b = book(client, "50");
    Order both = new ContractModification(b.id(), java.util.Set.of(ContractModification.Target.ITEMS), ASSET,
        Energy.ofKwh("60"), TimeWindow.parse(START, "2026-12-01T20:00:00Z"), "f1").toMessage().order();
    Order withWindow = both.toBuilder().fulfillments(ContractModification.ofWindow(b.id(), "f1",
        TimeWindow.parse(START, "2026-12-01T20:00:00Z")).toMessage().order().fulfillments()).build();
    assertThat(errorCode(client.update(b.target(), "order.items", withWindow))).startsWith("30013 ");
    assertThat(errorCode(client.update(b.target(), "order.quote", withWindow))).startsWith("30012 ");
    StorageOrder now = terms(status(b));
    assertThat(now.energy()).isEqualTo(Energy.ofKwh("50"));
    assertThat(now.window()).isEqualTo(TimeWindow.parse(START, END));
  }

  /**
   * Many threads grow different orders on one asset at once, in steps, until each is refused: the asset is then
   * exactly full, never over, and every order holds what its last accepted answer said.
   */
  @Test
  void concurrentGrowthNeverBooksMoreThanTheAssetHolds() throws Exception {
    int orders = 8;
    List<Booked> booked = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      booked.add(book(i % 2 == 0 ? client : other, "40")); // 320 of 450 kWh
    }
    ExecutorService pool = Executors.newFixedThreadPool(orders);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<BigDecimal>> results = new ArrayList<>();
    try {
      for (int i = 0; i < orders; i++) {
        Booked b = booked.get(i);
        DentClient c = i % 2 == 0 ? client : other;
        Callable<BigDecimal> grow = () -> {
          go.await();
          BigDecimal held = new BigDecimal("40");
          while (true) {
            BigDecimal next = held.add(new BigDecimal("10"));
            CompletableFuture<OnUpdateCallback> f = send(c, b, ContractModification.ofEnergy(b.id(), ASSET,
                Energy.of(next, org.dent.core.units.EnergyUnit.KWH)));
            try {
              Order o = f.get(20, TimeUnit.SECONDS).message().order();
              assertThat(terms(o).energy().in(org.dent.core.units.EnergyUnit.KWH)).isEqualByComparingTo(next);
              held = next;
            } catch (ExecutionException e) {
              assertThat(((CallbackErrorException) e.getCause()).code()).isEqualTo("40002");
              return held;
            }
          }
        };
        results.add(pool.submit(grow));
      }
      go.countDown();
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < orders; i++) {
        BigDecimal held = results.get(i).get(60, TimeUnit.SECONDS);
        DentClient c = i % 2 == 0 ? client : other;
        Order o = get(c.status(booked.get(i).target(), booked.get(i).id())).message().order();
        assertThat(terms(o).energy().in(org.dent.core.units.EnergyUnit.KWH)).isEqualByComparingTo(held);
        sum = sum.add(held);
      }
      assertThat(sum).isEqualByComparingTo("450");
      assertThat(free()).isZero();
      AssetBook book = operator.state().books.get(ASSET);
      assertThat(OperatorState.locked(book, () -> book.reserved.max(Instant.parse(START), Instant.parse(END))))
          .isEqualByComparingTo("450");
    } finally {
      pool.shutdownNow();
    }
  }
}
