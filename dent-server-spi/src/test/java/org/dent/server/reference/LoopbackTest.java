package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Descriptor;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Rating;
import org.dent.core.model.Support;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference operator behind a real {@link BppEngine}, driven by a real {@link DentClient} over loopback HTTP
 * with Ed25519 signatures both ways. The client's pipeline validates every callback (schema and storage profile)
 * and NACKs an invalid one, so each answer arriving here is also a valid one; each is checked again explicitly.
 */
class LoopbackTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  LoopbackNet net;
  ReferenceOperator operator;
  BppEngine engine;
  DentClient client;
  DentClient other;
  final List<BecknMessage> pushes = new CopyOnWriteArrayList<>();

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

  static <T extends BecknMessage> T valid(T m) {
    assertThat(Harness.VALIDATOR.validate(Harness.CODEC.toTree(m))).isEmpty();
    return m;
  }

  static <T extends BecknMessage> T get(CompletableFuture<T> f) throws Exception {
    return valid(f.get(10, TimeUnit.SECONDS));
  }

  static String errorCode(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected an error callback");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(CallbackErrorException.class);
      CallbackErrorException c = (CallbackErrorException) e.getCause();
      valid(c.callback());
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

  BppTarget search(String energy) throws Exception {
    StorageRequirement want = new StorageRequirement(new SearchArea(GeoPoint.parse("12.9716,77.5946"),
        BigDecimal.TEN), TimeWindow.parse(START, END), Energy.ofKwh(energy), Money.parse("1500.00", "INR"), null,
        null);
    OnSearchCallback found = get(client.search(want.toIntent(), List.of(engine.bppUri())).first());
    assertThat(StorageOffer.fromCatalog(found.message().catalog())).extracting(StorageOffer::itemId)
        .contains("vv-bess-01");
    return BppTarget.of(found);
  }

  String book(BppTarget t, String energy) throws Exception {
    Order o = Harness.withTerms(Harness.order("vv-bess-01", energy, START, END));
    get(client.select(t, o));
    get(client.init(t, o));
    return get(client.confirm(t, o)).message().order().id();
  }

  @Test
  void aWholeContractOverLoopback() throws Exception {
    BppTarget t = search("50");
    client.onUpdate(t.transactionId(), pushes::add);
    String id = book(t, "50");
    assertThat(get(client.confirm(t, Harness.withTerms(Harness.order("vv-bess-01", "50", START, END))))
        .message().order().id()).isEqualTo(id); // confirm again: same order

    advance("2026-12-01T09:55:00Z");
    Order accepted = get(client.update(t, "order.fulfillments",
        Harness.transfer(id, "charge", "40 kWh", "20 kW", START))).message().order();
    assertThat(Harness.tag(accepted, "transfer-schedule", "end")).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(errorCode(client.update(t, "order.fulfillments",
        Harness.transfer(id, "discharge", "1 kWh", "150 kW", "2026-12-01T12:00:00Z")))).startsWith("50002 ");

    advance("2026-12-01T12:00:00Z");
    await().atMost(10, TimeUnit.SECONDS).until(() -> pushes.stream().anyMatch(p -> alert(p).isPresent()));
    assertThat(pushes).allSatisfy(LoopbackTest::valid);
    Order done = pushes.stream().filter(p -> alert(p).isPresent()).findFirst().map(LoopbackTest::order)
        .orElseThrow();
    assertThat(alert(done.fulfillments().get(0).tags())).map(Alert::code).contains("TRANSFER_COMPLETE");

    Order status = get(client.status(t, id)).message().order();
    assertThat(status.fulfillments().get(0).state().descriptor().code()).isEqualTo("HOLDING");
    assertThat(get(client.track(t, id)).message().tracking().status()).isEqualTo("active");

    assertThat(errorCode(client.update(t, "order.fulfillments",
        Harness.transfer(id, "discharge", "37 kWh", "20 kW", "2026-12-01T12:00:00Z"))))
        .startsWith("50002 INSUFFICIENT_STORED_ENERGY");
    assertThat(errorCode(client.update(t, "order.fulfillments",
        Harness.transfer(id, "discharge", "20 kWh", "120 kW", "2026-12-01T12:00:00Z"))))
        .startsWith("50002 ABOVE_POWER_RATING");
    get(client.update(t, "order.fulfillments", Harness.transfer(id, "discharge", "20 kWh", "20 kW",
        "2026-12-01T12:00:00Z")));
    advance("2026-12-01T13:00:00Z");
    Telemetry after = Telemetry.in(get(client.status(t, id)).message().order().fulfillments().get(0).tags())
        .orElseThrow();
    // 38.367 − 20 ÷ √0.92
    assertThat(after.storedEnergy().value()).isBetween(new BigDecimal("17.51"), new BigDecimal("17.52"));

    assertThat(errorCode(other.status(new BppTarget(t.bppId(), t.bppUri(), other.newTransactionId()), id)))
        .startsWith("30010 ");
    Order cancelled = get(client.cancel(t, id, "buyer-terminates", Descriptor.builder().shortDesc("done")
        .build())).message().order();
    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    assertThat(cancelled.quote().breakup()).extracting(l -> l.title()).contains("cancellation-fee",
        "buy-back-credit", "tax");
    assertThat(errorCode(client.cancel(t, id, null, null))).startsWith("50001 ");
    get(client.rating(t, List.of(Rating.builder().ratingCategory("Order").id(id).value("5").build())));
    assertThat(get(client.support(t, Support.builder().refId(id).build())).message().support().email())
        .isEqualTo("support@voltvault.example");
  }

  @Test
  void partialGrantQuoteExpiryFreeCancellationAndNoShow() throws Exception {
    BppTarget first = search("400");
    String big = book(first, "400");

    BppTarget t = new BppTarget(first.bppId(), first.bppUri(), client.newTransactionId());
    Order ask = Harness.withTerms(Harness.order("vv-bess-01", "100", START, END));
    Order granted = get(client.select(t, ask)).message().order();
    assertThat(granted.items().get(0).quantity().selected().measure().value()).isEqualTo("50");
    Order fifty = Harness.withTerms(Harness.order("vv-bess-01", "50", START, END));
    get(client.init(t, fifty));
    clock.advance(Duration.ofMinutes(16));
    assertThat(errorCode(client.confirm(t, fifty))).startsWith("40003 ");
    assertThat(errorCode(client.init(t, ask.toBuilder().payments(List.of(ask.payments().get(0).toBuilder()
        .tags(Harness.withTerms(ask, "CARD").payments().get(0).tags()).build())).build()))).startsWith("40004 ");

    Order freeCancel = get(client.cancel(first, big, null, null)).message().order();
    assertThat(freeCancel.quote().price().value()).isEqualTo("0.00");

    BppTarget again = new BppTarget(first.bppId(), first.bppUri(), client.newTransactionId());
    client.onUpdate(again.transactionId(), pushes::add);
    Order full = Harness.withTerms(Harness.order("vv-bess-01", "100", START, END));
    get(client.select(again, full));
    String id = get(client.confirm(again, full)).message().order().id();
    advance(END);
    await().atMost(10, TimeUnit.SECONDS).until(() -> pushes.stream().map(LoopbackTest::order)
        .anyMatch(o -> "COMPLETE".equals(o.status())));
    Order complete = get(client.status(again, id)).message().order();
    assertThat(complete.status()).isEqualTo("COMPLETE");
    assertThat(complete.quote().breakup()).extracting(l -> l.title() + "=" + l.price().value())
        .contains("energy-in=0.00", "energy-out=0.00", "capacity-reservation=66.67");
  }

  static Order order(BecknMessage m) {
    return ((OnStatusCallback) m).message().order();
  }

  static Optional<Alert> alert(BecknMessage m) {
    return m instanceof OnStatusCallback s ? alert(s.message().order().fulfillments().get(0).tags())
        : Optional.empty();
  }

  static Optional<Alert> alert(List<org.dent.core.model.TagGroup> tags) {
    return Alert.in(tags);
  }
}
