package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.Item;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.ResidualPolicy;
import org.dent.core.profile.view.Settlement;
import org.dent.core.units.Energy;
import org.junit.jupiter.api.Test;

/**
 * Replays the worked transaction ({@code 01-search} … {@code 14-cancel}) against the default fleet at the worked
 * timestamps: every answer passes the validator and matches the worked callback, field for field where the numbers
 * follow from the terms, and within the physics where the worked messages ignore self-discharge.
 */
class WorkedFlowTest {
  static BecknMessage worked(String name) {
    try (InputStream in = WorkedFlowTest.class.getResourceAsStream("/examples/dent-energy-storage/" + name + ".json")) {
      return Harness.CODEC.decode(in.readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theWorkedTransactionComesOutAsWorked() {
    try (Harness h = new Harness(Instant.parse("2026-11-30T09:00:01Z"))) {
      ReferenceOperator op = h.operator;

      SearchRequest search = (SearchRequest) worked("01-search");
      OnSearchCallback onSearch = h.valid(new OnSearchCallback(h.callbackContext(search.context()),
          op.search(search, h.rc(search.context()))));
      OnSearchCallback w02 = (OnSearchCallback) worked("02-on_search");
      List<Item> items = onSearch.message().catalog().providers().get(0).items();
      assertThat(items).extracting(Item::id).containsExactly("vv-bess-01", "vv-flow-03", "vv-bess-04");
      Item ours = items.get(0);
      Item theirs = w02.message().catalog().providers().get(0).items().get(0);
      assertThat(ours.price()).isEqualTo(theirs.price());
      assertThat(ours.tags()).isEqualTo(theirs.tags());
      assertThat(ours.cancellationTerms()).isEqualTo(theirs.cancellationTerms());
      assertThat(ours.quantity().maximum()).isEqualTo(theirs.quantity().maximum());
      assertThat(ours.time()).isEqualTo(theirs.time());

      h.clock.advance(java.time.Duration.ofSeconds(60)); // 09:01:01
      SelectRequest select = (SelectRequest) worked("03-select");
      OnSelectCallback onSelect = h.valid(new OnSelectCallback(h.callbackContext(select.context()),
          op.select(select, h.rc(select.context()))));
      assertThat(onSelect.message().order()).isEqualTo(((OnSelectCallback) worked("04-on_select")).message().order());

      h.clock.advance(java.time.Duration.ofSeconds(60)); // 09:02:01
      InitRequest init = (InitRequest) worked("05-init");
      OnInitCallback onInit = h.valid(new OnInitCallback(h.callbackContext(init.context()),
          op.init(init, h.rc(init.context()))));
      assertThat(onInit.message().order()).isEqualTo(((OnInitCallback) worked("06-on_init")).message().order());

      h.clock.advance(java.time.Duration.ofSeconds(60)); // 09:03:01
      ConfirmRequest confirm = (ConfirmRequest) worked("07-confirm");
      OnConfirmCallback onConfirm = h.valid(new OnConfirmCallback(h.callbackContext(confirm.context()),
          op.confirm(confirm, h.rc(confirm.context()))));
      Order w08 = ((OnConfirmCallback) worked("08-on_confirm")).message().order();
      String id = onConfirm.message().order().id();
      assertThat(id).startsWith("voltvault-ord-");
      assertThat(onConfirm.message().order().toBuilder().id(w08.id()).build()).isEqualTo(w08);

      h.advanceTo("2026-12-01T09:55:01Z");
      UpdateRequest update = (UpdateRequest) worked("09-update");
      update = new UpdateRequest(update.context(), new UpdateRequest.Message(update.message().updateTarget(),
          update.message().order().toBuilder().id(id).build()));
      OnUpdateCallback onUpdate = h.valid(new OnUpdateCallback(h.callbackContext(update.context()),
          op.update(update, h.rc(update.context()))));
      Order w10 = ((OnUpdateCallback) worked("10-on_update")).message().order();
      assertThat(onUpdate.message().order().toBuilder().id(w10.id()).build()).isEqualTo(w10);

      h.advanceTo("2026-12-01T11:00:00Z");
      StatusRequest status = (StatusRequest) worked("11-status");
      status = new StatusRequest(status.context(), new StatusRequest.Message(id));
      Order o12 = h.valid(new OnStatusCallback(h.callbackContext(status.context()),
          op.status(status, h.rc(status.context())))).message().order();
      assertThat(o12.fulfillments().get(0).state().descriptor().code()).isEqualTo("CHARGING");
      assertThat(Harness.tag(o12, "storage-telemetry", "soc")).isEqualTo("0.3837");
      assertThat(Harness.tag(o12, "storage-telemetry", "power")).isEqualTo("20 kW");
      assertThat(Harness.tag(o12, "storage-telemetry", "measured-at")).isEqualTo("2026-12-01T11:00:00Z");
      assertThat(Energy.parse(Harness.tag(o12, "storage-telemetry", "stored-energy")).value())
          .isBetween(new BigDecimal("19.182"), new BigDecimal("19.184"));
      assertThat(o12.quote()).isEqualTo(((OnStatusCallback) worked("12-on_status")).message().order().quote());

      h.advanceTo("2026-12-01T12:00:00Z");
      List<Order> pushes = h.validPushes(update.context().transactionId());
      Order push = pushes.get(pushes.size() - 1);
      Order w13 = ((OnStatusCallback) worked("13-on_status_push")).message().order();
      assertThat(push.fulfillments().get(0).state()).isEqualTo(w13.fulfillments().get(0).state());
      var ourTags = push.fulfillments().get(0).tags();
      var theirTags = w13.fulfillments().get(0).tags();
      assertThat(Receipt.in(ourTags)).isEqualTo(Receipt.in(theirTags));
      assertThat(Alert.in(ourTags)).isEqualTo(Alert.in(theirTags));
      assertThat(Harness.tag(push, "storage-telemetry", "stored-energy")).isEqualTo("38.367 kWh");
      assertThat(Harness.tag(push, "storage-telemetry", "withdrawable-energy")).isEqualTo("36.800 kWh");
      assertThat(Harness.tag(push, "storage-telemetry", "soc")).isEqualTo("0.7673");

      h.advanceTo("2026-12-01T13:00:01Z");
      CancelRequest cancel = (CancelRequest) worked("14-cancel");
      cancel = new CancelRequest(cancel.context(), new CancelRequest.Message(id,
          cancel.message().cancellationReasonId(), cancel.message().descriptor()));
      Order o15 = h.valid(new OnCancelCallback(h.callbackContext(cancel.context()),
          op.cancel(cancel, h.rc(cancel.context())))).message().order();
      Order w15 = ((OnCancelCallback) worked("15-on_cancel")).message().order();
      assertThat(o15.status()).isEqualTo("CANCELLED");
      assertThat(o15.fulfillments()).isEqualTo(w15.fulfillments());
      // one hour of holding at 0.001/day self-discharges 1.6 Wh, which the worked message leaves out
      assertThat(o15.quote().breakup()).extracting(l -> l.title() + "=" + l.price().value()).containsExactly(
          "capacity-reservation=33.33", "energy-in=20.00", "energy-out=0.00", "fixed-fee=50.00",
          "cancellation-fee=25.00", "buy-back-credit=-95.91", "tax=23.10");
      assertThat(o15.quote().price().value()).isEqualTo("55.52");
      assertThat(Settlement.in(o15.tags())).contains(new Settlement(Energy.ofKwh("38.365"), ResidualPolicy.BUY_BACK,
          new BigDecimal("2.50")));
      assertThat(o15.cancellation().reason().id()).isEqualTo("buyer-terminates");
    }
  }
}
