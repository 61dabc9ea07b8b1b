package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.units.Energy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fleet report: utilisation from the physics, revenue reconciled line by line with the bills issued. */
class FleetReportTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final Harness h = new Harness(Instant.parse("2026-11-30T09:00:00Z"));

  @AfterEach
  void close() {
    h.close();
  }

  static BigDecimal sum(List<Bill> bills, BillLineKind... kinds) {
    BigDecimal s = BigDecimal.ZERO;
    for (Bill b : bills) {
      for (BillLine l : b.lines()) {
        if (List.of(kinds).contains(l.kind())) {
          s = s.add(l.amount().amount());
        }
      }
    }
    return s;
  }

  static FleetReport.AssetReport row(FleetReport r, String asset) {
    return r.assets().stream().filter(a -> a.assetId().equals(asset)).findFirst().orElseThrow();
  }

  @Test
  void revenueReconcilesWithTheBillsIssuedAndUtilisationFollowsTheStoredEnergy() {
    String a = h.book("vv-bess-01", "100", START, END);
    String b = h.book("vv-bess-02", "200", START, END);
    String c = h.book("vv-flow-03", "300", START, "2026-12-02T10:00:00Z");
    FleetReport empty = h.operator.fleetReport();
    assertThat(empty.totals()).isEmpty();
    assertThat(row(empty, "vv-bess-01").reservedKwhHours()).isEqualByComparingTo("0");
    assertThat(row(empty, "vv-bess-01").utilisation()).isEqualByComparingTo("0");

    h.advanceTo("2026-12-01T09:00:00Z");
    Bill cancelled = Bill.from(h.cancel("t", b).message().order().quote()); // inside the 4 h: a fee
    h.advanceTo("2026-12-01T09:55:00Z");
    h.update("t", "order.fulfillments", Harness.transfer(a, "charge", "80 kWh", "80 kW", START));
    h.advanceTo("2026-12-01T14:00:00Z");
    var shrink = ContractModification.ofEnergy(a, "vv-bess-01", Energy.ofKwh("90")).toMessage();
    h.update("t", shrink.updateTarget(), shrink.order());
    h.advanceTo("2026-12-01T20:00:00Z");
    Order done = h.status("t", a).message().order();
    assertThat(done.status()).isEqualTo("COMPLETE");
    Bill completed = Bill.from(done.quote());
    List<Bill> issued = List.of(completed, cancelled);

    FleetReport r = h.operator.fleetReport();
    assertThat(r.asOf()).isEqualTo("2026-12-01T20:00:00Z");
    assertThat(r.providerId()).isEqualTo("voltvault");
    assertThat(r.assets()).extracting(FleetReport.AssetReport::assetId).startsWith("vv-bess-01", "vv-bess-02",
        "vv-flow-03");
    FleetReport.Revenue inr = r.totals().get("INR");
    assertThat(inr.bills()).isEqualTo(2);
    assertThat(inr.total()).isEqualByComparingTo(completed.total().amount().add(cancelled.total().amount()));
    assertThat(inr.capacityTime()).isEqualByComparingTo(sum(issued, BillLineKind.CAPACITY_RESERVATION));
    assertThat(inr.energy()).isEqualByComparingTo(sum(issued, BillLineKind.ENERGY_IN, BillLineKind.ENERGY_OUT));
    assertThat(inr.fees()).isEqualByComparingTo(sum(issued, BillLineKind.FIXED_FEE, BillLineKind.CANCELLATION_FEE));
    assertThat(inr.fees()).isGreaterThan(sum(issued, BillLineKind.FIXED_FEE));
    assertThat(inr.credits()).isEqualByComparingTo(sum(issued, BillLineKind.BUY_BACK_CREDIT)).isNegative();
    assertThat(inr.tax()).isEqualByComparingTo(sum(issued, BillLineKind.TAX));
    assertThat(inr.capacityTime().add(inr.energy()).add(inr.fees()).add(inr.credits()).add(inr.tax()))
        .isEqualByComparingTo(inr.total());
    // (100 kWh × 4 h + 90 kWh × 4 h) ÷ 24 h × 2.00: the shrink counts from 14:00
    assertThat(sum(List.of(completed), BillLineKind.CAPACITY_RESERVATION)).isEqualByComparingTo("63.33");

    FleetReport.AssetReport one = row(r, "vv-bess-01");
    assertThat(one.contracts()).isEqualTo(1);
    assertThat(one.live()).isZero();
    assertThat(one.revenue().total()).isEqualByComparingTo(completed.total().amount());
    assertThat(one.reservedKwhHours()).isEqualByComparingTo("760");
    // 80 kWh × √0.92 = 76.733 stored by 11:00 (half of it on average during the hour), then held to 18:00 while
    // losing 0.1 % a day
    assertThat(one.usedKwhHours()).isBetween(new BigDecimal("575.30"), new BigDecimal("575.50"));
    assertThat(one.utilisation()).isEqualByComparingTo(one.usedKwhHours().divide(new BigDecimal("760"), 4,
        java.math.RoundingMode.HALF_EVEN));
    FleetReport.AssetReport two = row(r, "vv-bess-02");
    assertThat(two.reservedKwhHours()).isEqualByComparingTo("0"); // cancelled before its window
    assertThat(two.revenue().total()).isEqualByComparingTo(cancelled.total().amount());
    FleetReport.AssetReport flow = row(r, "vv-flow-03");
    assertThat(flow.live()).isEqualTo(1);
    assertThat(flow.revenue().bills()).isZero();
    assertThat(flow.reservedKwhHours()).isEqualByComparingTo("3000"); // 300 kWh × 10 h so far
    assertThat(flow.usedKwhHours()).isEqualByComparingTo("0");
    assertThat(h.status("t", c).message().order().status()).isEqualTo("ACTIVE");

    JsonNode json = r.toJson();
    assertThat(Harness.CODEC.readTree(r.toJsonString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(json);
    assertThat(json.get("as-of").asString()).isEqualTo("2026-12-01T20:00:00Z");
    assertThat(json.get("assets").get(0).get("reserved-kwh-hours").asString()).isEqualTo("760");
    assertThat(new BigDecimal(json.get("totals").get("INR").get("total").asString()))
        .isEqualByComparingTo(inr.total());
    List<String> members = new ArrayList<>();
    json.get("totals").get("INR").propertyNames().forEach(members::add);
    assertThat(members).containsExactly("currency", "bills", "capacity-time", "energy", "fees", "credits", "tax",
        "total");
  }
}
