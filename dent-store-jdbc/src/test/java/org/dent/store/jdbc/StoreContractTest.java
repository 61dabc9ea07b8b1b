package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dent.core.error.DentException;
import org.dent.core.model.Action;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.Descriptor;
import org.dent.core.model.InitRequest;
import org.dent.core.model.Order;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.testing.MutableClock;
import org.dent.core.units.Energy;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.store.ContractRecord;
import org.dent.server.store.EngineStore;
import org.dent.server.store.Ledger;
import org.dent.server.store.OperatorStore;
import org.dent.server.store.OrderOwnerRecord;
import org.dent.server.store.QuoteRecord;
import org.dent.server.store.StoredCallback;
import org.junit.jupiter.api.Test;

/**
 * What every store guarantees, run against each implementation (a subclass per store): records round-trip,
 * capacity is enforced by the store itself, and a reference operator built again on the same store (a restart)
 * or a second operator sharing it (another instance) sees every order, reservation, meter and bill.
 */
abstract class StoreContractTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  /** A new, empty store (both interfaces). */
  abstract <S extends OperatorStore & EngineStore> S newStore();

  /** The same storage seen by another process (a JDBC store on the same database); in memory the same object. */
  abstract <S extends OperatorStore & EngineStore> S reopen(S store);

  static ContractRecord record(String id, String asset, String start, String end, String kwh, boolean live) {
    return new ContractRecord(id, "bap", "txn-" + id, asset, Instant.parse(start), Instant.parse(end),
        new BigDecimal(kwh), live, T0, "{\"v\":1}", live ? "{\"billing\":{\"name\":\"x\"}}" : null);
  }

  @Test
  void contractsRoundTripAndTheVersionMovesWithEveryWrite() {
    var store = newStore();
    long v0 = store.inAsset("a", new BigDecimal("100"), s -> s.version());
    ContractRecord r = record("o1", "a", START, END, "60", true);
    store.inAsset("a", new BigDecimal("100"), s -> {
      s.save(r, true);
      return null;
    });
    long v1 = store.inAsset("a", new BigDecimal("100"), s -> {
      assertThat(s.liveContracts()).extracting(ContractRecord::orderId).containsExactly("o1");
      return s.version();
    });
    assertThat(v1).isNotEqualTo(v0);
    List<ContractRecord> sinceV0 = store.inAsset("a", new BigDecimal("100"), s -> s.changedSince(v0));
    assertThat(sinceV0).extracting(ContractRecord::orderId).containsExactly("o1");
    List<ContractRecord> sinceV1 = store.inAsset("a", new BigDecimal("100"), s -> s.changedSince(v1));
    assertThat(sinceV1).isEmpty();
    ContractRecord read = store.contract("o1");
    assertThat(read).isNotNull();
    assertThat(read.reservedKwh()).isEqualByComparingTo("60");
    assertThat(read.windowStart()).isEqualTo(Instant.parse(START));
    assertThat(read.state()).isEqualTo(r.state());
    assertThat(read.personal()).isEqualTo(r.personal());
    assertThat(store.confirmedOrder("bap", "txn-o1")).isEqualTo("o1");
    assertThat(store.contract("nope")).isNull();

    store.inAsset("a", new BigDecimal("100"), s -> {
      s.save(record("o1", "a", START, END, "60", false), true);
      return null;
    });
    List<ContractRecord> none = store.inAsset("a", new BigDecimal("100"), s -> s.liveContracts());
    assertThat(none).isEmpty();
    assertThat(store.contract("o1").live()).isFalse();
  }

  @Test
  void theStoreRefusesToOverbookAndWritesNothingThen() {
    var store = newStore();
    BigDecimal usable = new BigDecimal("100");
    save(store, record("o1", "a", "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z", "60", true));
    assertThatThrownBy(() -> save(store, record("o2", "a", "2026-12-01T11:00:00Z", "2026-12-01T13:00:00Z", "50",
        true))).isInstanceOf(DentException.class).satisfies(e -> assertThat(((DentException) e).code())
        .isEqualTo("40002"));
    assertThat(store.contract("o2")).isNull();
    save(store, record("o3", "a", "2026-12-01T11:00:00Z", "2026-12-01T13:00:00Z", "40", true));
    save(store, record("o4", "a", "2026-12-01T12:00:00Z", "2026-12-01T14:00:00Z", "60", true)); // o1 ended by then
    save(store, record("o5", "b", "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z", "100", true)); // other asset
    assertThatThrownBy(() -> save(store, record("o6", "a", "2026-12-01T13:30:00Z", "2026-12-01T15:00:00Z", "41",
        true))).isInstanceOf(DentException.class);
    // an ended reservation frees its capacity
    save(store, record("o4", "a", "2026-12-01T12:00:00Z", "2026-12-01T14:00:00Z", "60", false));
    save(store, record("o6", "a", "2026-12-01T13:30:00Z", "2026-12-01T15:00:00Z", "100", true));
    List<ContractRecord> live = store.inAsset("a", usable, s -> s.liveContracts());
    assertThat(live).extracting(ContractRecord::orderId).containsExactlyInAnyOrder("o1", "o3", "o6");
  }

  static void save(OperatorStore store, ContractRecord r) {
    store.inAsset(r.assetId(), new BigDecimal("100"), s -> {
      s.save(r, true);
      return null;
    });
  }

  @Test
  void quotesCallbacksAndOwners() {
    var store = newStore();
    store.putQuote(new QuoteRecord("bap", "t1", T0.plusSeconds(60), "{\"q\":1}", "{\"billing\":null}"));
    store.putQuote(new QuoteRecord("bap", "t1", T0.plusSeconds(90), "{\"q\":2}", null));
    assertThat(store.quote("bap", "t1").state()).isEqualTo("{\"q\":2}");
    assertThat(store.quote("other", "t1")).isNull();
    store.purgeQuotes(T0.plusSeconds(89));
    assertThat(store.quote("bap", "t1")).isNotNull();
    store.purgeQuotes(T0.plusSeconds(91));
    assertThat(store.quote("bap", "t1")).isNull();

    store.saveCallback(new StoredCallback("k1", "one".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(60)));
    store.saveCallback(new StoredCallback("k2", "two".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(120)));
    assertThat(store.pending()).extracting(StoredCallback::key).containsExactly("k1", "k2");
    store.delivered("k1");
    assertThat(store.pending()).extracting(StoredCallback::key).containsExactly("k2");
    assertThat(new String(store.callback("k1").body(), StandardCharsets.UTF_8)).isEqualTo("one");
    store.purge(T0.plusSeconds(61));
    assertThat(store.callback("k1")).isNull();
    assertThat(store.callback("k2")).isNotNull();

    store.saveOwner(new OrderOwnerRecord("o1", "bap", "http://bap", "t1", "d"));
    store.saveOwner(new OrderOwnerRecord("o1", "thief", "http://thief", "t1", "d"));
    assertThat(store.owner("o1").bapId()).isEqualTo("bap");
    assertThat(store.owner("o2")).isNull();
  }

  /** Drives a reference operator in-process, as the engine would. */
  static final class Bpp {
    final MutableClock clock;
    final ReferenceOperator operator;

    Bpp(MutableClock clock, OperatorStore store) {
      this.clock = clock;
      this.operator = ReferenceOperator.builder().clock(clock).store(store).build();
    }

    Context ctx(Action a, String txn) {
      return Orders.context(a, txn, clock.instant(), "https://bap.example/dent", "https://bpp.example/dent");
    }

    Order select(String txn, Order o) {
      Context c = ctx(Action.SELECT, txn);
      return operator.select(new SelectRequest(c, new SelectRequest.Message(o)), Orders.rc(c, clock.instant()))
          .order();
    }

    Order init(String txn, Order o) {
      Context c = ctx(Action.INIT, txn);
      return operator.init(new InitRequest(c, new InitRequest.Message(o)), Orders.rc(c, clock.instant())).order();
    }

    Order confirm(String txn, Order o) {
      Context c = ctx(Action.CONFIRM, txn);
      return operator.confirm(new ConfirmRequest(c, new ConfirmRequest.Message(o)), Orders.rc(c, clock.instant()))
          .order();
    }

    Order update(String txn, String target, Order o) {
      Context c = ctx(Action.UPDATE, txn);
      return operator.update(new UpdateRequest(c, new UpdateRequest.Message(target, o)),
          Orders.rc(c, clock.instant())).order();
    }

    /** Grows or shrinks {@code id} to {@code kwh} (update of order.items). */
    Order resize(String txn, String id, String kwh) {
      Context c = ctx(Action.UPDATE, txn);
      return operator.update(new UpdateRequest(c, ContractModification.ofEnergy(id, "vv-bess-01",
          Energy.ofKwh(kwh)).toMessage()), Orders.rc(c, clock.instant())).order();
    }

    /** What is granted when asking for all of the asset's 450 kWh over the window. */
    String free(String start, String end) {
      return select(UUID.randomUUID().toString(), Orders.order("vv-bess-01", "450", start, end)).items().get(0)
          .quantity().selected().measure().value();
    }

    Order status(String txn, String id) {
      Context c = ctx(Action.STATUS, txn);
      return operator.status(new StatusRequest(c, new StatusRequest.Message(id)), Orders.rc(c, clock.instant()))
          .order();
    }

    Order cancel(String txn, String id) {
      Context c = ctx(Action.CANCEL, txn);
      return operator.cancel(new CancelRequest(c, new CancelRequest.Message(id, "buyer-terminates",
          Descriptor.builder().shortDesc("stop").build())), Orders.rc(c, clock.instant())).order();
    }

    /** select (taking what is granted), init, confirm; the order id. */
    String book(String txn, String asset, String kwh, String start, String end) {
      Order granted = select(txn, Orders.order(asset, kwh, start, end));
      Order o = Orders.withTerms(Orders.order(asset, granted.items().get(0).quantity().selected().measure().value(),
          start, end));
      init(txn, o);
      return confirm(txn, o).id();
    }
  }

  static Telemetry telemetry(Order o) {
    return Telemetry.in(o.fulfillments().get(0).tags()).orElseThrow();
  }

  @Test
  void anOperatorBuiltAgainOnTheStoreCarriesOnMidTransfer() {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp first = new Bpp(clock, store);
    String txn = UUID.randomUUID().toString();
    String id = first.book(txn, "vv-bess-01", "50", START, END);
    String other = first.book(UUID.randomUUID().toString(), "vv-bess-01", "300", START, END);
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T09:55:00Z")));
    first.update(txn, "order.fulfillments", Orders.transfer(id, "charge", "40 kWh", "20 kW", START));
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T11:00:00Z")));
    first.operator.simulator().advanceTo(clock.instant());
    Order before = first.status(txn, id);
    assertThat(before.fulfillments().get(0).state().descriptor().code()).isEqualTo("CHARGING");
    Telemetry t1 = telemetry(before);
    // killed: the first operator is abandoned, never closed

    Bpp second = new Bpp(clock, reopen(store));
    Order after = second.status(txn, id);
    Telemetry t2 = telemetry(after);
    assertThat(t2.storedEnergy()).isEqualTo(t1.storedEnergy());
    assertThat(t2.seq()).isGreaterThan(t1.seq());
    assertThat(after.fulfillments().get(0).state().descriptor().code()).isEqualTo("CHARGING");
    assertThat(after.billing().name()).isEqualTo(Orders.NAME);
    // the repeated confirm of the transaction answers with the same order
    Order again = Orders.withTerms(Orders.order("vv-bess-01", "50", START, END));
    assertThat(second.confirm(txn, again).id()).isEqualTo(id);
    // the reservations are still booked: 450 usable − 50 − 300 free
    Order granted = second.select(UUID.randomUUID().toString(), Orders.order("vv-bess-01", "400", START, END));
    assertThat(granted.items().get(0).quantity().selected().measure().value()).isEqualTo("100");

    clock.advance(Duration.ofHours(2));
    second.operator.simulator().advanceTo(clock.instant());
    Order charged = second.status(txn, id);
    assertThat(charged.fulfillments().get(0).state().descriptor().code()).isEqualTo("HOLDING");
    Order cancelled = second.cancel(txn, id);
    Bill bill = Bill.from(cancelled.quote());
    assertThat(new BigDecimal(bill.amount(BillLineKind.ENERGY_IN).value())).isPositive();
    bill.requireBalanced();
    // and once more, after another restart, the ended contract and its bill are there
    Bpp third = new Bpp(clock, reopen(store));
    Order ended = third.status(txn, id);
    assertThat(ended.status()).isEqualTo("CANCELLED");
    assertThat(Bill.from(ended.quote())).isEqualTo(bill);
    assertThat(third.status(UUID.randomUUID().toString(), other).status()).isEqualTo("ACTIVE");
  }

  @Test
  void twoOperatorsSharingTheStoreNeverDoubleBook() throws Exception {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp[] instances = {new Bpp(clock, store), new Bpp(clock, reopen(store))};
    Instant day = Instant.parse(START);
    Random r = new Random(8);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    Map<String, Ledger.Booking> accepted = new ConcurrentHashMap<>();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int s = r.nextInt(28);
        Instant start = day.plus(Duration.ofMinutes(15L * s));
        Instant end = day.plus(Duration.ofMinutes(15L * (s + 1 + r.nextInt(32 - s))));
        String kwh = String.valueOf(20 + r.nextInt(120));
        Bpp quoting = instances[i % 2];
        Bpp confirming = instances[(i / 2) % 2];
        runs.add(pool.submit(() -> {
          String txn = UUID.randomUUID().toString();
          try {
            Order granted = quoting.select(txn, Orders.order("vv-bess-01", kwh, start.toString(), end.toString()));
            String got = granted.items().get(0).quantity().selected().measure().value();
            Order o = Orders.withTerms(Orders.order("vv-bess-01", got, start.toString(), end.toString()));
            String id = confirming.confirm(txn, o).id();
            accepted.put(id, new Ledger.Booking(start, end, new BigDecimal(got)));
          } catch (DentException e) {
            assertThat(e.code()).isEqualTo("40002");
          }
          return null;
        }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(accepted).isNotEmpty();
    for (Ledger.Booking b : accepted.values()) {
      assertThat(Ledger.peak(accepted.values(), b.start(), b.end())).isLessThanOrEqualTo(new BigDecimal("450"));
    }
    List<ContractRecord> live = store.inAsset("vv-bess-01", new BigDecimal("450"), s -> s.liveContracts());
    assertThat(live).extracting(ContractRecord::orderId).containsExactlyInAnyOrderElementsOf(accepted.keySet());
    // and each instance answers for every order, whoever confirmed it
    for (String id : accepted.keySet()) {
      ContractRecord rec = store.contract(id);
      for (Bpp b : instances) {
        Context c = b.ctx(Action.STATUS, rec.transactionId());
        assertThat(b.operator.status(new StatusRequest(c, new StatusRequest.Message(id)), Orders.rc(c,
            clock.instant())).order().status()).isEqualTo("ACTIVE");
      }
    }
  }

  static String reserved(Order o) {
    return o.items().get(0).quantity().selected().measure().value();
  }

  @Test
  void aModifiedContractKeepsItsCapacityHistoryAndBillAcrossARebuild() {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp first = new Bpp(clock, store);
    String txn = UUID.randomUUID().toString();
    String id = first.book(txn, "vv-bess-01", "100", START, END);
    // grow before the window, shrink in the middle of it: billed 300 kWh until 14:00, 150 kWh from then
    assertThat(reserved(first.resize(txn, id, "300"))).isEqualTo("300");
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T14:00:00Z")));
    assertThat(reserved(first.resize(txn, id, "150"))).isEqualTo("150");
    Order before = first.status(txn, id);
    Bill billBefore = Bill.from(before.quote());

    Bpp second = new Bpp(clock, reopen(store));
    Order after = second.status(txn, id);
    assertThat(reserved(after)).isEqualTo("150");
    assertThat(Bill.from(after.quote())).isEqualTo(billBefore);
    // the ledger holds the shrunk reservation: 450 − 150 free for the rest of the window
    assertThat(second.free("2026-12-01T14:00:00Z", END)).isEqualTo("300");
    // pro rata: more than 150 kWh over the whole window would cost, less than 300 kWh
    Bill flat = Bill.from(new Bpp(clock, newStore()).select(UUID.randomUUID().toString(),
        Orders.order("vv-bess-01", "150", START, END)).quote());
    assertThat(new BigDecimal(Bill.from(after.quote()).amount(BillLineKind.CAPACITY_RESERVATION).value()))
        .isGreaterThan(new BigDecimal(flat.amount(BillLineKind.CAPACITY_RESERVATION).value()));

    // the window ends on the rebuilt operator: the final bill is the pro-rated one
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T19:00:00Z")));
    second.operator.simulator().advanceTo(clock.instant());
    Order done = second.status(txn, id);
    assertThat(done.status()).isEqualTo("COMPLETE");
    Bill finalBill = Bill.from(done.quote());
    assertThat(finalBill.amount(BillLineKind.CAPACITY_RESERVATION)).isEqualTo(billBefore.amount(BillLineKind.CAPACITY_RESERVATION));
    Bpp third = new Bpp(clock, reopen(store));
    // the fleet report of an operator that never saw the contract live: same reserved and used energy-hours
    assertThat(third.operator.fleetReport().assets()).isEqualTo(second.operator.fleetReport().assets());
    assertThat(third.operator.fleetReport().assets()).filteredOn(a -> a.assetId().equals("vv-bess-01"))
        .singleElement().satisfies(a -> assertThat(a.contracts()).isEqualTo(1));
    assertThat(Bill.from(third.status(txn, id).quote())).isEqualTo(finalBill);
  }

  @Test
  void twoOperatorsSharingTheStoreCannotDoubleBookByModification() throws Exception {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp one = new Bpp(clock, store);
    Bpp two = new Bpp(clock, reopen(store));
    String txnA = UUID.randomUUID().toString();
    String txnB = UUID.randomUUID().toString();
    String a = one.book(txnA, "vv-bess-01", "200", START, END);
    String b = two.book(txnB, "vv-bess-01", "200", START, END);
    // each instance grows into what it last saw free; the second must see the first's growth
    assertThat(reserved(one.resize(txnA, a, "250"))).isEqualTo("250");
    assertThatThrownBy(() -> two.resize(txnB, b, "250")).isInstanceOfSatisfying(DentException.class,
        e -> assertThat(e.code()).isEqualTo("40002"));
    assertThat(reserved(two.status(txnB, b))).isEqualTo("200");
    assertThat(reserved(two.resize(txnB, b, "150"))).isEqualTo("150");
    assertThat(reserved(one.resize(txnA, a, "300"))).isEqualTo("300");

    // concurrently, both instances growing and shrinking both orders: never more than 450 kWh reserved
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Random r = new Random(9);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Bpp via = i % 2 == 0 ? one : two;
        boolean first = r.nextBoolean();
        String kwh = String.valueOf(50 + r.nextInt(350));
        runs.add(pool.submit(() -> {
          try {
            via.resize(first ? txnA : txnB, first ? a : b, kwh);
          } catch (DentException e) {
            assertThat(e.code()).isEqualTo("40002");
          }
          return null;
        }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<ContractRecord> live = store.inAsset("vv-bess-01", new BigDecimal("450"), s -> s.liveContracts());
    BigDecimal total = live.stream().map(ContractRecord::reservedKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(total).isLessThanOrEqualTo(new BigDecimal("450"));
    // both instances agree with the store
    for (Bpp via : List.of(one, two)) {
      BigDecimal seen = new BigDecimal(reserved(via.status(txnA, a))).add(new BigDecimal(reserved(via.status(txnB,
          b))));
      assertThat(seen).isEqualByComparingTo(total);
    }
  }

  @Test
  void theOrdersOfAFaultedAssetStayCancelledAfterARebuild() {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp first = new Bpp(clock, store);
    Bpp other = new Bpp(clock, reopen(store));
    String txnA = UUID.randomUUID().toString();
    String txnB = UUID.randomUUID().toString();
    String a = first.book(txnA, "vv-bess-01", "100", START, END);
    String b = other.book(txnB, "vv-bess-01", "200", START, END);
    assertThat(other.status(txnA, a).status()).isEqualTo("ACTIVE");

    // the fault, on one instance, cancels the orders booked through either
    assertThat(first.operator.admin().markFaulted("vv-bess-01", "inverter fault"))
        .containsExactlyInAnyOrder(a, b);
    List<ContractRecord> stillLive = store.inAsset("vv-bess-01", new BigDecimal("450"), s -> s.liveContracts());
    assertThat(stillLive).isEmpty();
    assertThat(other.status(txnA, a).status()).isEqualTo("CANCELLED");
    assertThat(other.status(txnB, b).status()).isEqualTo("CANCELLED");

    // rebuilt with the asset in its fleet again: the orders are still cancelled and nothing is booked
    Bpp rebuilt = new Bpp(clock, reopen(store));
    for (String[] o : new String[][] {{txnA, a}, {txnB, b}}) {
      Order s = rebuilt.status(o[0], o[1]);
      assertThat(s.status()).isEqualTo("CANCELLED");
      assertThat(new BigDecimal(s.quote().price().value())).isNotPositive();
    }
    assertThat(rebuilt.free(START, END)).isEqualTo("450");
    assertThat(other.free(START, END)).isEqualTo("450");
  }

  @Test
  void aPriceChangeOnOneInstanceNeverReachesAContractOrQuoteReadFromTheStore() {
    var store = newStore();
    MutableClock clock = new MutableClock(T0);
    Bpp one = new Bpp(clock, store);
    Bpp two = new Bpp(clock, reopen(store));
    String txn = UUID.randomUUID().toString();
    String id = two.book(txn, "vv-bess-01", "100", START, END);
    Bill billed = Bill.from(two.status(txn, id).quote());
    String quotedTxn = UUID.randomUUID().toString();
    Order o = Orders.withTerms(Orders.order("vv-bess-01", "50", START, END));
    two.select(quotedTxn, o);
    String quoted = two.init(quotedTxn, o).quote().price().value();

    var p = one.operator.admin().asset("vv-bess-01").orElseThrow().pricing();
    one.operator.admin().changePricing("vv-bess-01", new org.dent.core.profile.view.PricingTerms(p.models(),
        p.currency(), p.capacityPricePerKwhDay().multiply(BigDecimal.TEN), p.energyInPricePerKwh(),
        p.energyOutPricePerKwh(), p.fixedFee(), p.taxRate()));
    // the instance with the new prices reads the contract and the quote made on the old ones: they keep them
    assertThat(Bill.from(one.status(txn, id).quote())).isEqualTo(billed);
    assertThat(one.confirm(quotedTxn, o).quote().price().value()).isEqualTo(quoted);
    String fresh = UUID.randomUUID().toString();
    assertThat(one.select(fresh, o).quote().price().value()).isNotEqualTo(quoted);
  }
}
