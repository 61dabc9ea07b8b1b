package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.server.reference.Harness.order;
import static org.dent.server.reference.Harness.refused;
import static org.dent.server.reference.Harness.withTerms;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dent.core.model.BreakupLine;
import org.dent.core.model.Item;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Provider;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quotes, partial grants, confirmation, cancellation, no-show and contract modification, in-process. */
class ReservationTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"));

  @AfterEach
  void close() {
    h.close();
  }

  BigDecimal free(String asset) {
    AssetBook b = h.operator.state().books.get(asset);
    return OperatorState.locked(b, () -> b.freeKwh(TimeWindow.parse(START, END)));
  }

  static List<String> lines(Order o) {
    return o.quote().breakup().stream().map(BreakupLine::title).map(t -> t).toList();
  }

  static String line(Order o, String title) {
    return o.quote().breakup().stream().filter(l -> l.title().equals(title)).findFirst().orElseThrow()
        .price().value();
  }

  @Test
  void selectGrantsLessWhenLessIsFreeAndSaysSo() {
    h.book("vv-bess-01", "400", START, END);
    OnSelectCallback s = h.select("t1", order("vv-bess-01", "100", START, END));
    Item item = s.message().order().items().get(0);
    assertThat(item.quantity().selected().measure().value()).isEqualTo("50");
    assertThat(s.message().order().quote().ttl()).isEqualTo("PT15M");
    // priced on the granted 50 kWh: the worked quote
    assertThat(s.message().order().quote().price().value()).isEqualTo("154.97");
    h.init("t1", withTerms(order("vv-bess-01", "50", START, END)));
    assertThat(h.confirm("t1", withTerms(order("vv-bess-01", "50", START, END))).message().order().status())
        .isEqualTo("ACTIVE");
    assertThat(free("vv-bess-01")).isZero();
    refused(() -> h.select("t2", order("vv-bess-01", "1", START, END)), "40002");
  }

  @Test
  void confirmAfterTheQuoteTtlIs40003AndReservesNothing() {
    Order o = order("vv-bess-01", "50", START, END);
    h.select("t1", o);
    h.init("t1", withTerms(o));
    h.clock.advance(Duration.ofMinutes(15));
    h.clock.advance(Duration.ofSeconds(1));
    refused(() -> h.confirm("t1", withTerms(o)), "40003").hasMessageContaining("expired");
    refused(() -> h.confirm("never-quoted", withTerms(o)), "40003").hasMessageContaining("no quote");
    assertThat(free("vv-bess-01")).isEqualByComparingTo("450");
    h.init("t1", withTerms(o)); // a fresh quote can be confirmed
    assertThat(h.confirm("t1", withTerms(o)).message().order().id()).isNotNull();
  }

  @Test
  void confirmMustMatchTheQuote() {
    h.select("t1", order("vv-bess-01", "50", START, END));
    refused(() -> h.confirm("t1", withTerms(order("vv-bess-01", "60", START, END))), "40003")
        .hasMessageContaining("differs from the quote");
  }

  @Test
  void repeatedConfirmOfATransactionAnswersTheSameOrder() {
    Order o = withTerms(order("vv-bess-01", "50", START, END));
    h.select("t1", o);
    OnConfirmCallback first = h.confirm("t1", o);
    OnConfirmCallback again = h.confirm("t1", o);
    assertThat(again.message().order().id()).isEqualTo(first.message().order().id());
    assertThat(free("vv-bess-01")).isEqualByComparingTo("400");
  }

  @Test
  void theSecondOfTwoQuotesForTheLastCapacityGets40002() {
    Order o = withTerms(order("vv-bess-01", "300", START, END));
    h.select("a", o);
    h.select("b", o);
    h.confirm("a", o);
    refused(() -> h.confirm("b", o), "40002").hasMessageContaining("no longer available");
    assertThat(free("vv-bess-01")).isEqualByComparingTo("150");
  }

  @Test
  void refusals() {
    refused(() -> h.select("t", order("vv-bess-01", "50", "2026-12-01T10:05:00Z", END)), "50002")
        .hasMessageStartingWith("OFF_GRANULARITY");
    refused(() -> h.select("t", order("vv-flow-03", "50", "2026-12-01T10:15:00Z", END)), "50002")
        .hasMessageStartingWith("OFF_GRANULARITY"); // PT30M slots
    refused(() -> h.select("t", order("vv-bess-01", "50", "2026-11-29T10:00:00Z", "2026-11-29T12:00:00Z")),
        "50002").hasMessageStartingWith("OUTSIDE_WINDOW");
    refused(() -> h.select("t", order("nope", "50", START, END)), "30004");
    refused(() -> h.select("t", order("vv-bess-01", "50", START, END).toBuilder()
        .provider(Provider.builder().id("other").build()).build()), "30001");
    refused(() -> h.init("t", withTerms(order("vv-bess-01", "50", START, END), "CARD")), "40004")
        .hasMessageContaining("BANK-TRANSFER, INVOICE, UPI");
    String id = h.book("vv-bess-01", "50", START, END);
    refused(() -> h.operator.status(new org.dent.core.model.StatusRequest(
        h.context(org.dent.core.model.Action.STATUS, "x"), new org.dent.core.model.StatusRequest.Message(id)),
        h.rc(h.context(org.dent.core.model.Action.STATUS, "x"), "bap.other")), "30010");
  }

  @Test
  void freeCancellationBeforeCancelByReleasesTheCapacityAndBillsNothing() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T07:59:00Z");
    OnCancelCallback c = h.cancel("t", id);
    Order o = c.message().order();
    assertThat(o.status()).isEqualTo("CANCELLED");
    assertThat(o.fulfillments().get(0).state().descriptor().code()).isEqualTo("CANCELLED");
    assertThat(lines(o)).containsExactly("cancellation-fee", "tax");
    assertThat(o.quote().price().value()).isEqualTo("0.00");
    assertThat(free("vv-bess-01")).isEqualByComparingTo("450");
    refused(() -> h.cancel("t", id), "50001");
  }

  @Test
  void cancellationAfterCancelByPaysTheFeeAndTheBooking() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:00:00Z");
    Order o = h.cancel("t", id).message().order();
    assertThat(line(o, "capacity-reservation")).isEqualTo("33.33");
    assertThat(line(o, "fixed-fee")).isEqualTo("50.00");
    assertThat(line(o, "cancellation-fee")).isEqualTo("25.00");
    assertThat(line(o, "tax")).isEqualTo("19.50"); // 0.18 × 108.33 = 19.4994
    assertThat(o.quote().price().value()).isEqualTo("127.83");
    assertThat(o.payments().get(0).params().amount()).isEqualTo("127.83");
  }

  @Test
  void cancellationDuringATransferIsRefusedByTheTerms() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:55:00Z");
    h.update("t", "order.fulfillments", Harness.transfer(id, "charge", "20 kWh", "20 kW", START));
    h.advanceTo("2026-12-01T10:30:00Z");
    refused(() -> h.cancel("t", id), "50001").hasMessageContaining("CHARGING");
  }

  @Test
  void aNoShowEndsAtTheWindowEndAndReleasesTheCapacity() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T17:59:59Z");
    assertThat(h.status("t", id).message().order().status()).isEqualTo("ACTIVE");
    h.pushes.clear();
    h.advanceTo("2026-12-01T18:00:00Z");
    List<Order> pushes = h.validPushes("t");
    Order done = pushes.get(pushes.size() - 1);
    assertThat(done.status()).isEqualTo("COMPLETE");
    assertThat(done.fulfillments().get(0).state().descriptor().code()).isEqualTo("COMPLETED");
    assertThat(line(done, "energy-in")).isEqualTo("0.00");
    assertThat(line(done, "capacity-reservation")).isEqualTo("33.33");
    assertThat(done.quote().price().value()).isEqualTo("98.33"); // 83.33 + 15.00 tax
    AssetBook b = h.operator.state().books.get("vv-bess-01");
    assertThat(OperatorState.locked(b, () -> b.reserved.isEmpty() && !b.hasLive())).isTrue();
    assertThat(h.status("t", id).message().order().status()).isEqualTo("COMPLETE");
  }

  @Test
  void modificationsReCheckCapacityAndLeaveTheContractAloneWhenRefused() {
    String id = h.book("vv-bess-01", "50", START, END);
    Order more = Order.builder().id(id).items(List.of(Item.builder().id("vv-bess-01").quantity(
        order("vv-bess-01", "100", START, END).items().get(0).quantity()).build())).build();
    Order o = h.update("t", "order.items", more).message().order();
    assertThat(o.items().get(0).quantity().selected().measure().value()).isEqualTo("100");
    assertThat(line(o, "capacity-reservation")).isEqualTo("66.67");
    assertThat(free("vv-bess-01")).isEqualByComparingTo("350");

    Order tooMuch = more.toBuilder().items(List.of(more.items().get(0).toBuilder().quantity(
        order("x", "500", START, END).items().get(0).quantity()).build())).build();
    refused(() -> h.update("t", "order.items", tooMuch), "40002");
    assertThat(free("vv-bess-01")).isEqualByComparingTo("350");

    Order later = Order.builder().id(id).fulfillments(order("x", "1", START, "2026-12-01T20:00:00Z")
        .fulfillments()).build();
    h.update("t", "order.fulfillments", later);
    assertThat(h.status("t", id).message().order().fulfillments().get(0).stops().get(0).time().range().end())
        .isEqualTo("2026-12-01T20:00:00Z");
    Order offGrid = Order.builder().id(id).fulfillments(order("x", "1", START, "2026-12-01T20:10:00Z")
        .fulfillments()).build();
    refused(() -> h.update("t", "order.fulfillments", offGrid), "50002").hasMessageStartingWith("OFF_GRANULARITY");
    refused(() -> h.update("t", "order.quote", later), "30012");
    refused(() -> h.update("t", "order.items", offGrid.toBuilder().items(more.items()).build()), "30013");

    h.advanceTo("2026-12-01T09:55:00Z");
    h.update("t", "order.fulfillments", Harness.transfer(id, "charge", "80 kWh", "80 kW", START));
    h.advanceTo("2026-12-01T11:00:00Z");
    Order less = more.toBuilder().items(List.of(more.items().get(0).toBuilder().quantity(
        order("x", "60", START, END).items().get(0).quantity()).build())).build();
    refused(() -> h.update("t", "order.items", less), "50002").hasMessageStartingWith("ABOVE_RESERVED_ENERGY");
  }

  @Test
  void forcedDischargeMetersTheResidualAsEnergyOut() {
    String id = h.book("vv-bess-02", "100", START, END);
    h.advanceTo("2026-12-01T09:55:00Z");
    h.update("t", "order.fulfillments", Harness.transfer(id, "charge", "100 kWh", "100 kW", START));
    h.advanceTo(END);
    Order done = h.status("t", id).message().order();
    assertThat(org.dent.core.profile.view.Settlement.in(done.tags()).orElseThrow().policy())
        .isEqualTo(org.dent.core.profile.view.ResidualPolicy.FORCED_DISCHARGE);
    assertThat(lines(done)).doesNotContain("buy-back-credit");
    // 100 kWh in, ~94.87 stored, ~0.05 self-discharged, ~90 delivered back at √0.9: 0.45/kWh
    assertThat(new BigDecimal(line(done, "energy-out"))).isBetween(new BigDecimal("40.40"), new BigDecimal("40.50"));
    Contract c = h.operator.state().orders.get(id);
    assertThat(c.stored).isZero();
  }

  @Test
  void anOrderIsReadByTheStorageOrderViewWithPointers() {
    Order noProvider = order("vv-bess-04", "20", START, END).toBuilder().provider(null).build();
    refused(() -> h.select("t", noProvider), "30000").satisfies(e -> assertThat(
        ((org.dent.core.error.DentException) e).paths()).containsExactly("/message/order/provider"));
    Order twoItems = order("vv-bess-04", "20", START, END);
    Order two = twoItems.toBuilder().items(List.of(twoItems.items().get(0), twoItems.items().get(0))).build();
    refused(() -> h.select("t", two), "30000");
    Order otherFulfillmentId = order("vv-bess-04", "20", START, END);
    otherFulfillmentId = otherFulfillmentId.toBuilder().fulfillments(List.of(otherFulfillmentId.fulfillments().get(0)
        .toBuilder().id("mine").build())).build();
    assertThat(h.select("t", otherFulfillmentId).message().order().fulfillments().get(0).id()).isEqualTo("mine");
  }

  @Test
  void underATimeScaleTheQuoteTtlIsWallTime() {
    MutableClock wall = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    ReferenceOperator op = ReferenceOperator.builder().clock(wall).timeScale(60).build();
    try (Harness s = new Harness(wall, op)) {
      Order o = withTerms(order("vv-bess-01", "50", START, END));
      assertThat(s.select("t", o).message().order().quote().ttl()).isEqualTo("PT15M");
      wall.advance(Duration.ofMinutes(14)); // 14 simulated hours
      assertThat(op.clock().instant()).isEqualTo("2026-11-30T23:00:00Z");
      assertThat(s.confirm("t", o).message().order().status()).isEqualTo("ACTIVE");
      s.select("t2", o);
      wall.advance(Duration.ofMinutes(16));
      refused(() -> s.confirm("t2", o), "40003");
    }
  }
}
