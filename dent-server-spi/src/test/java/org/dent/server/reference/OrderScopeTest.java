package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.model.Descriptor;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Rating;
import org.dent.core.model.Support;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.testing.MutableClock;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order-scoped access over real HTTP: a second BAP that names the first BAP's order in {@code status},
 * {@code update}, {@code cancel}, {@code track}, {@code rating} or {@code support} gets exactly the answer an unknown order id gets (code, paths, message with the
 * id it asked about), in the same time within noise, and the order is untouched.
 */
class OrderScopeTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  LoopbackNet net;
  ReferenceOperator operator;
  BppEngine engine;
  DentClient owner;
  DentClient other;

  @BeforeEach
  void start() {
    net = new LoopbackNet(clock, "bap.owner.example", "bap.other.example");
    operator = net.operator;
    engine = net.engine;
    owner = net.owner;
    other = net.other;
  }

  @AfterEach
  void stop() {
    net.close();
  }

  /** The owner's confirmed order. */
  String book() throws Exception {
    StorageRequirement want = new StorageRequirement(new SearchArea(GeoPoint.parse("12.9716,77.5946"),
        BigDecimal.TEN), TimeWindow.parse(START, END), Energy.ofKwh("50"), Money.parse("1500.00", "INR"), null,
        null);
    OnSearchCallback found = owner.search(want.toIntent(), List.of(engine.bppUri())).first()
        .get(10, TimeUnit.SECONDS);
    BppTarget t = BppTarget.of(found);
    Order o = Harness.withTerms(Harness.order("vv-bess-01", "50", START, END));
    owner.select(t, o).get(10, TimeUnit.SECONDS);
    owner.init(t, o).get(10, TimeUnit.SECONDS);
    return owner.confirm(t, o).get(10, TimeUnit.SECONDS).message().order().id();
  }

  BppTarget otherTarget() {
    return new BppTarget("bpp.voltvault.example", engine.bppUri(), other.newTransactionId());
  }

  /** What the second BAP learns: the error, with the order id it named replaced by a placeholder. */
  static String answer(CompletableFuture<?> call, String orderId) {
    try {
      call.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected an error callback");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(CallbackErrorException.class);
      CallbackErrorException c = (CallbackErrorException) e.getCause();
      return (c.code() + " " + c.paths() + " " + c.getMessage()).replace(orderId, "<id>");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<Function<String, CompletableFuture<?>>> probes() {
    return List.of(
        id -> other.status(otherTarget(), id),
        id -> other.update(otherTarget(), "order.fulfillments", Harness.transfer(id, "charge", "10 kWh", "10 kW",
            START)),
        id -> other.cancel(otherTarget(), id, "buyer-terminates", Descriptor.builder().shortDesc("mine").build()),
        id -> other.track(otherTarget(), id),
        id -> other.rating(otherTarget(), List.of(Rating.builder().ratingCategory("Order").id(id).value("1")
            .build())),
        id -> other.support(otherTarget(), Support.builder().refId(id).build()));
  }

  static String unknownLike(String id) {
    return id.substring(0, id.lastIndexOf("-ord-") + 5) + UUID.randomUUID();
  }

  @Test
  void anotherBapLearnsNothingAboutAnOrder() throws Exception {
    String id = book();
    String unknown = unknownLike(id);
    assertThat(unknown).hasSameSizeAs(id).isNotEqualTo(id);
    for (Function<String, CompletableFuture<?>> probe : probes()) {
      String foreign = answer(probe.apply(id), id);
      String none = answer(probe.apply(unknown), unknown);
      assertThat(foreign).isEqualTo(none).startsWith("30010 ");
    }
    BppTarget mine = new BppTarget("bpp.voltvault.example", engine.bppUri(), owner.newTransactionId());
    Order still = owner.status(mine, id).get(10, TimeUnit.SECONDS).message().order();
    assertThat(still.status()).isEqualTo("ACTIVE");
    assertThat(still.fulfillments().get(0).state().descriptor().code()).isEqualTo("RESERVED");
  }

  @Test
  void anotherBapsOrderTakesAsLongToRefuseAsAnUnknownOne() throws Exception {
    String id = book();
    int rounds = 40;
    List<Function<String, CompletableFuture<?>>> probes = probes();
    List<Long> foreign = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int i = 0; i < 10 + rounds; i++) { // the first 10 rounds warm up
      Function<String, CompletableFuture<?>> probe = probes.get(i % probes.size());
      // alternate which goes first, so drift in the machine's load affects both alike
      boolean foreignFirst = i % 2 == 0;
      long a = time(probe, foreignFirst ? id : unknownLike(id));
      long b = time(probe, foreignFirst ? unknownLike(id) : id);
      if (i >= 10) {
        foreign.add(foreignFirst ? a : b);
        unknown.add(foreignFirst ? b : a);
      }
    }
    long mf = median(foreign);
    long mu = median(unknown);
    System.out.printf("order scope timing: median foreign %d µs, unknown %d µs over %d rounds%n", mf / 1000,
        mu / 1000, rounds);
    // Both are dominated by two loopback round trips; the refusal itself is a map lookup either way. A leak worth
    // the name (a database read, a lock, a different code path with I/O) shows as a multiple, not as noise.
    assertThat(Math.abs(mf - mu)).as("medians foreign %d µs, unknown %d µs", mf / 1000, mu / 1000)
        .isLessThanOrEqualTo(Math.max(TimeUnit.MILLISECONDS.toNanos(3), Math.min(mf, mu) / 2));
  }

  static long time(Function<String, CompletableFuture<?>> probe, String id) {
    long start = System.nanoTime();
    answer(probe.apply(id), id);
    return System.nanoTime() - start;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
