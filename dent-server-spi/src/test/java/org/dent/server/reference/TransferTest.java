package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.server.reference.Harness.refused;
import static org.dent.server.reference.Harness.tag;
import static org.dent.server.reference.Harness.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dent.core.model.Order;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.TrackRequest;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.StorageState;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.units.Energy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transfer requests, their refusals, alerts with hysteresis, receipts and telemetry, in-process. */
class TransferTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"));

  @AfterEach
  void close() {
    h.close();
  }

  static String state(Order o) {
    return o.fulfillments().get(0).state().descriptor().code();
  }

  List<Alert> alerts() {
    return h.validPushes("t").stream().map(o -> Alert.in(o.fulfillments().get(0).tags()))
        .flatMap(Optional::stream).toList();
  }

  @Test
  void refusalsNameTheirReasonAndLeaveTheContractAsItWas() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:00:00Z");
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "10 kWh", "10 kW",
        "2026-12-01T10:07:00Z")), "50002").hasMessageStartingWith("OFF_GRANULARITY");
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "10 kWh", "10 kW",
        "2026-12-01T09:45:00Z")), "50002").hasMessageStartingWith("OUTSIDE_WINDOW");
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "40 kWh", "10 kW",
        "2026-12-01T15:00:00Z")), "50002").hasMessageStartingWith("OUTSIDE_WINDOW"); // ends 19:00
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "10 kWh", "150 kW", START)),
        "50002").hasMessageStartingWith("ABOVE_POWER_RATING");
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "53 kWh", "50 kW", START)),
        "50002").hasMessageStartingWith("ABOVE_RESERVED_ENERGY"); // 53 × √0.92 = 50.84 > 50
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "discharge", "1 kWh", "10 kW", START)),
        "50002").hasMessageStartingWith("INSUFFICIENT_STORED_ENERGY");
    Order o = h.status("t", id).message().order();
    assertThat(state(o)).isEqualTo("RESERVED");
    assertThat(o.fulfillments().get(0).tags()).hasSize(1); // telemetry only, no schedule

    // 52 kWh fits (49.88 stored), a second one at the same time does not
    h.update("t", "order.fulfillments", transfer(id, "charge", "52 kWh", "52 kW", START));
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "charge", "1 kWh", "10 kW",
        "2026-12-01T12:00:00Z")), "50002").hasMessageContaining("one transfer at a time");
    h.advanceTo("2026-12-01T11:15:00Z");
    // 49.875 stored: withdrawing 48 kWh needs 50.04
    refused(() -> h.update("t", "order.fulfillments", transfer(id, "discharge", "48 kWh", "50 kW",
        "2026-12-01T11:15:00Z")), "50002").hasMessageStartingWith("INSUFFICIENT_STORED_ENERGY");
    h.update("t", "order.fulfillments", transfer(id, "discharge", "47 kWh", "50 kW", "2026-12-01T11:15:00Z"));
  }

  @Test
  void anAssetsPowerIsSharedBetweenItsContracts() {
    String a = h.book("vv-bess-01", "100", START, END);
    String b = h.book("vv-bess-01", "100", START, END);
    h.advanceTo("2026-12-01T09:00:00Z");
    h.update("t", "order.fulfillments", transfer(a, "charge", "60 kWh", "60 kW", START));
    refused(() -> h.update("t", "order.fulfillments", transfer(b, "charge", "50 kWh", "50 kW", START)), "50002")
        .hasMessageStartingWith("ABOVE_POWER_RATING").hasMessageContaining("only 40 kW");
    h.update("t", "order.fulfillments", transfer(b, "charge", "40 kWh", "40 kW", START));
    // after a's transfer (10:00-11:00) its power is free again
    String c = h.book("vv-bess-01", "100", START, END);
    refused(() -> h.update("t", "order.fulfillments", transfer(c, "charge", "10 kWh", "10 kW", START)), "50002")
        .hasMessageContaining("only 0 kW");
    h.update("t", "order.fulfillments", transfer(c, "charge", "60 kWh", "60 kW", "2026-12-01T11:00:00Z"));
  }

  @Test
  void aCycleReportsStatesReceiptsAndOneAlertPerCrossing() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:00:00Z");
    h.update("t", "order.fulfillments", transfer(id, "charge", "50 kWh", "25 kW", START));
    h.advanceTo("2026-12-01T11:00:00Z");
    Order charging = h.status("t", id).message().order();
    assertThat(state(charging)).isEqualTo("CHARGING");
    assertThat(tag(charging, "storage-telemetry", "power")).isEqualTo("25 kW");
    h.advanceTo("2026-12-01T12:30:00Z");
    assertThat(alerts()).extracting(Alert::code).containsExactly("SOC_HIGH", "TRANSFER_COMPLETE");
    Order holding = h.status("t", id).message().order();
    assertThat(state(holding)).isEqualTo("HOLDING");
    Telemetry t = Telemetry.in(holding.fulfillments().get(0).tags()).orElseThrow();
    assertThat(t.storedEnergy().value()).isBetween(new java.math.BigDecimal("47.956"),
        new java.math.BigDecimal("47.958")); // 50 × √0.92, minus a few Wh of self-discharge

    h.update("t", "order.fulfillments", transfer(id, "discharge", "44 kWh", "44 kW", "2026-12-01T12:30:00Z"));
    h.advanceTo("2026-12-01T14:00:00Z");
    assertThat(alerts()).extracting(Alert::code).containsExactly("SOC_HIGH", "TRANSFER_COMPLETE", "SOC_LOW",
        "TRANSFER_COMPLETE");
    List<Receipt> receipts = h.validPushes("t").stream()
        .map(o -> Receipt.in(o.fulfillments().get(0).tags())).flatMap(Optional::stream).toList();
    assertThat(receipts).hasSize(2);
    assertThat(receipts.get(0).energyIn()).isEqualTo(Energy.ofKwh("50"));
    assertThat(receipts.get(1).energyOut()).isEqualTo(Energy.ofKwh("44"));
    assertThat(receipts.get(1).losses().value()).isBetween(new java.math.BigDecimal("1.87"),
        new java.math.BigDecimal("1.88")); // 44 / √0.92 − 44
    assertThat(h.validPushes("t")).extracting(TransferTest::state)
        .contains("CHARGING", "HOLDING", "DISCHARGING");

    // soc ≈ 0.042: a small charge to 0.11 (inside the hysteresis band) and back does not alert again
    h.update("t", "order.fulfillments", transfer(id, "charge", "3.5 kWh", "10 kW", "2026-12-01T14:00:00Z"));
    h.advanceTo("2026-12-01T14:30:00Z");
    h.update("t", "order.fulfillments", transfer(id, "discharge", "1 kWh", "10 kW", "2026-12-01T14:30:00Z"));
    h.advanceTo("2026-12-01T15:00:00Z");
    assertThat(alerts()).extracting(Alert::code).filteredOn("SOC_LOW"::equals).hasSize(1);
    // out of the band (0.2) and back below 0.1: a second crossing, a second alert
    h.update("t", "order.fulfillments", transfer(id, "charge", "6 kWh", "10 kW", "2026-12-01T15:00:00Z"));
    h.advanceTo("2026-12-01T15:45:00Z");
    h.update("t", "order.fulfillments", transfer(id, "discharge", "6 kWh", "10 kW", "2026-12-01T15:45:00Z"));
    h.advanceTo("2026-12-01T16:30:00Z");
    assertThat(alerts()).extracting(Alert::code).filteredOn("SOC_LOW"::equals).hasSize(2);
  }

  @Test
  void telemetryIsPushedWhileATransferRunsAndSeqOnlyGrows() {
    String id = h.book("vv-bess-01", "50", START, END);
    h.advanceTo("2026-12-01T09:00:00Z");
    h.update("t", "order.fulfillments", transfer(id, "charge", "20 kWh", "20 kW", START));
    h.pushes.clear();
    Instant t = Instant.parse(START);
    for (int i = 0; i < 30; i++) { // 30 ticks of 4 s: one periodic push each, plus the start event
      t = t.plusSeconds(4);
      h.advanceTo(t.toString());
    }
    List<Order> pushes = h.validPushes("t");
    assertThat(pushes).hasSizeGreaterThanOrEqualTo(30);
    List<Long> seqs = pushes.stream().map(o -> Telemetry.in(o.fulfillments().get(0).tags()).orElseThrow().seq())
        .toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    assertThat(pushes).allSatisfy(o -> assertThat(state(o)).isEqualTo(StorageState.CHARGING.code()));
    h.pushes.clear();
    h.advanceTo("2026-12-01T13:00:00Z");
    h.pushes.clear();
    h.advanceTo("2026-12-01T13:00:04Z"); // holding: no periodic pushes
    assertThat(h.validPushes("t")).isEmpty();
  }

  @Test
  void trackAnswersWithTheAssetAndItsTelemetry() {
    String id = h.book("vv-bess-01", "50", START, END);
    var c = h.context(org.dent.core.model.Action.TRACK, "t");
    OnTrackCallback track = h.valid(new OnTrackCallback(h.callbackContext(c),
        h.operator.track(new TrackRequest(c, new TrackRequest.Message(id, null)), h.rc(c))));
    assertThat(track.message().tracking().status()).isEqualTo("active");
    assertThat(track.message().tracking().location().gps()).isEqualTo("12.9352,77.6245");
    assertThat(track.message().tracking().extensions().get("tags").toString()).contains("storage-telemetry");
  }
}
