package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.AbstractThrowableAssert;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Billing;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.InitRequest;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Scalar;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.Stop;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.WireTime;
import org.dent.core.validation.MessageValidator;
import org.dent.core.error.DentException;
import org.dent.server.spi.RequestContext;

/**
 * Drives a {@link ReferenceOperator} in-process: builds typed requests with contexts, wraps every answer into its
 * callback and checks it against {@link MessageValidator#standard()}, and collects pushes.
 */
final class Harness implements AutoCloseable {
  static final MessageValidator VALIDATOR = MessageValidator.standard();
  static final DentCodec CODEC = DentCodec.standard();
  static final String BAP = "bap.microgrid.example";

  final MutableClock clock;
  final ReferenceOperator operator;
  final List<Order> pushes = new CopyOnWriteArrayList<>();

  Harness(Instant start) {
    this(start, Fleet.defaultFleet());
  }

  Harness(Instant start, Fleet fleet) {
    this.clock = new MutableClock(start);
    this.operator = ReferenceOperator.builder().fleet(fleet).clock(clock).build().attach(pushes::add);
  }

  /** Drives {@code operator} (pushes attached here); {@code contexts} only dates the request contexts. */
  Harness(MutableClock contexts, ReferenceOperator operator) {
    this.clock = contexts;
    this.operator = operator.attach(pushes::add);
  }

  @Override
  public void close() {
    operator.close();
  }

  /** Moves the clock and steps the simulator there; pushes have run when this returns. */
  void advanceTo(String instant) {
    Instant t = Instant.parse(instant);
    clock.advance(java.time.Duration.between(clock.instant(), t));
    operator.simulator().advanceTo(t);
    operator.awaitPushes();
  }

  Context context(Action action, String txn) {
    return Context.builder().domain(StorageProfile.DOMAIN).action(action.wireName()).version("1.1.0")
        .bapId(BAP).bapUri("https://bap.microgrid.example/dent").bppId("bpp.voltvault.example")
        .bppUri("https://bpp.voltvault.example/dent").transactionId(txnId(txn))
        .messageId(UUID.randomUUID().toString()).timestamp(WireTime.format(clock.instant())).ttl("PT30S").build();
  }

  /** Test names ("t1") as the UUIDs the schema wants; UUIDs stay as they are. */
  static String txnId(String name) {
    try {
      return UUID.fromString(name).toString();
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
  }

  RequestContext rc(Context c) {
    return rc(c, BAP);
  }

  RequestContext rc(Context c, String bapId) {
    return new RequestContext(Action.fromWireName(c.action()), c.transactionId(), c.messageId(), bapId,
        clock.instant().plusSeconds(30), c);
  }

  /** Validates a callback built from {@code c} with {@code payload}; returns it. */
  <T extends BecknMessage> T valid(T callback) {
    var violations = VALIDATOR.validate(CODEC.toTree(callback));
    assertThat(violations).as("violations of %s", callback.action()).isEmpty();
    return callback;
  }

  Context callbackContext(Context request) {
    Action cb = Action.fromWireName(request.action()).callback();
    return request.toBuilder().action(cb.wireName()).build();
  }

  OnSelectCallback select(String txn, Order order) {
    Context c = context(Action.SELECT, txn);
    return valid(new OnSelectCallback(callbackContext(c),
        operator.select(new SelectRequest(c, new SelectRequest.Message(order)), rc(c))));
  }

  OnInitCallback init(String txn, Order order) {
    Context c = context(Action.INIT, txn);
    return valid(new OnInitCallback(callbackContext(c),
        operator.init(new InitRequest(c, new InitRequest.Message(order)), rc(c))));
  }

  OnConfirmCallback confirm(String txn, Order order) {
    Context c = context(Action.CONFIRM, txn);
    return valid(new OnConfirmCallback(callbackContext(c),
        operator.confirm(new ConfirmRequest(c, new ConfirmRequest.Message(order)), rc(c))));
  }

  OnUpdateCallback update(String txn, String target, Order order) {
    Context c = context(Action.UPDATE, txn);
    return valid(new OnUpdateCallback(callbackContext(c),
        operator.update(new UpdateRequest(c, new UpdateRequest.Message(target, order)), rc(c))));
  }

  OnStatusCallback status(String txn, String orderId) {
    Context c = context(Action.STATUS, txn);
    return valid(new OnStatusCallback(callbackContext(c),
        operator.status(new StatusRequest(c, new StatusRequest.Message(orderId)), rc(c))));
  }

  OnCancelCallback cancel(String txn, String orderId) {
    Context c = context(Action.CANCEL, txn);
    return valid(new OnCancelCallback(callbackContext(c), operator.cancel(new CancelRequest(c,
        new CancelRequest.Message(orderId, "buyer-terminates", Descriptor.builder().shortDesc("stop").build())),
        rc(c))));
  }

  /** Every push so far, each wrapped as an on_status and validated. */
  List<Order> validPushes(String txn) {
    operator.awaitPushes();
    List<Order> out = new ArrayList<>();
    for (Order o : pushes) {
      valid(new OnStatusCallback(callbackContext(context(Action.STATUS, txn)), new OnStatusCallback.Message(o)));
      out.add(o);
    }
    return out;
  }

  /**
   * Confirms {@code energy} (or what is granted of it) on {@code asset} over the window in a fresh transaction;
   * returns the order id.
   */
  String book(String asset, String energy, String start, String end) {
    String txn = UUID.randomUUID().toString();
    Order o = order(asset, energy, start, end);
    Order granted = select(txn, o).message().order();
    o = order(asset, granted.items().get(0).quantity().selected().measure().value(), start, end);
    init(txn, withTerms(o));
    return confirm(txn, withTerms(o)).message().order().id();
  }

  static AbstractThrowableAssert<?, ? extends Throwable> refused(org.assertj.core.api.ThrowableAssert
      .ThrowingCallable call, String code) {
    return assertThatThrownBy(call).isInstanceOf(DentException.class)
        .satisfies(e -> assertThat(((DentException) e).code()).isEqualTo(code));
  }

  static Order order(String asset, String kwh, String start, String end) {
    return Order.builder().provider(Provider.builder().id("voltvault").build())
        .items(List.of(Item.builder().id(asset).quantity(ItemQuantity.builder().selected(QuantityValue.builder()
            .measure(Scalar.builder().value(kwh).unit("kWh").build()).build()).build()).build()))
        .fulfillments(List.of(Fulfillment.builder().id("f1").type("energy-storage").stops(List.of(Stop.builder()
            .type("start").time(OrderWire.range(org.dent.core.units.TimeWindow.parse(start, end))).build()))
            .build())).build();
  }

  static Order withTerms(Order o) {
    return withTerms(o, "BANK-TRANSFER");
  }

  static Order withTerms(Order o, String method) {
    return o.toBuilder().billing(Billing.builder().name("Sunfield Solar Co-op").build())
        .payments(List.of(Payment.builder().type("POST-FULFILLMENT").collectedBy("BPP")
            .tags(List.of(ProfileTags.group(TagGroup.PAYMENT_TERMS, Map.of("method", method)))).build()))
        .build();
  }

  static Order transfer(String orderId, String direction, String energy, String power, String start) {
    org.dent.core.model.TagGroup g = new TransferRequest(TransferDirection.fromCode(direction), Energy.parse(energy),
        Power.parse(power), Instant.parse(start)).toTagGroup();
    return Order.builder().id(orderId).fulfillments(List.of(Fulfillment.builder().id("f1").tags(List.of(g))
        .build())).build();
  }

  /** The value of {@code code} in the first group {@code group} of the order's fulfillment tags. */
  static String tag(Order o, String group, String code) {
    return ProfileTags.value(o.fulfillments().get(0).tags(), TagGroup.fromCode(group).orElseThrow(), code);
  }
}
