package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.core.profile.view.Gen.maybe;
import static org.dent.core.profile.view.Gen.orNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.UpdateRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded randomized round trips: a random valid view is written to the model, put in a storage-profile message,
 * encoded to bytes, parsed back, checked by the {@link org.dent.core.profile.StorageProfileValidator} (no
 * violation), bound, and read again into an equal view.
 */
class ViewPropertiesTest {

  private static ObjectNode payload(String member, Object model) {
    ObjectNode p = Worked.object();
    p.set(member, Worked.json(model));
    return p;
  }

  private static Order order(List<Fulfillment> fulfillments, List<org.dent.core.model.TagGroup> tags,
      org.dent.core.model.Quotation quote) {
    return Order.builder().id("o-1").status("ACTIVE").fulfillments(fulfillments)
        .tags(tags.isEmpty() ? null : tags).quote(quote).build();
  }

  @Test
  void storageRequirementSurvivesTheWire() {
    Gen.check("search intent round trip", 10_000L, r -> {
      Currency c = Gen.currency(r);
      StorageRequirement req = new StorageRequirement(
          orNull(r, new SearchArea(Gen.point(r), Gen.decimal(r, true))), Gen.window(r), Gen.energy(r, true),
          orNull(r, Gen.money(r, c)), orNull(r, Gen.power(r, false)), orNull(r, Gen.power(r, false)));
      SearchRequest back = Worked.viaWire("search", payload("intent", req.toIntent()));
      assertThat(StorageRequirement.from(back.message().intent())).isEqualTo(req);
    });
  }

  @Test
  void storageOffersSurviveTheWire() {
    Gen.check("catalog round trip", 20_000L, r -> {
      List<StorageOffer> offers = new ArrayList<>();
      for (int p = 1 + r.nextInt(2); p > 0; p--) {
        String provider = "provider-" + p;
        List<GeoPoint> sites = List.of(Gen.point(r), Gen.point(r));
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          int site = r.nextInt(3);
          Currency c = Gen.currency(r);
          offers.add(new StorageOffer("item-" + p + "-" + i, provider, site == 2 ? null : "site-" + site,
              site == 2 ? null : sites.get(site), Gen.window(r), Gen.energy(r, false),
              orNull(r, Gen.energy(r, false)), orNull(r, Gen.money(r, c)), Gen.spec(r), Gen.pricing(r),
              Gen.cancellationTerms(r, c), maybe(r) ? null : Descriptor.builder().name("asset " + i).build()));
        }
      }
      OnSearchCallback back = Worked.viaWire("on_search", payload("catalog", StorageOffer.toCatalog(offers)));
      assertThat(StorageOffer.fromCatalog(back.message().catalog())).isEqualTo(offers);
    });
  }

  @Test
  void transferRequestSurvivesTheWire() {
    Gen.check("transfer-request round trip", 30_000L, r -> {
      TransferRequest t = new TransferRequest(Gen.pick(r, List.of(TransferDirection.values())),
          Gen.energy(r, true), Gen.power(r, true), Gen.instant(r));
      Fulfillment f = Fulfillment.builder().id("f1").tags(t.putInto(null)).build();
      ObjectNode p = payload("order", Order.builder().id("o-1").fulfillments(List.of(f)).build());
      p.put("update_target", "order.fulfillments");
      UpdateRequest back = Worked.viaWire("update", p);
      assertThat(TransferRequest.in(back.message().order().fulfillments().get(0).tags())).contains(t);
    });
  }

  @Test
  void transferScheduleSurvivesTheWire() {
    Gen.check("transfer-schedule round trip", 40_000L, r -> {
      TransferRequest t = new TransferRequest(Gen.pick(r, List.of(TransferDirection.values())),
          Gen.energy(r, true), Gen.power(r, true), Gen.instant(r));
      TransferSchedule s = new TransferSchedule(t.direction(), t.energy(), t.power(), t.start(),
          orNull(r, t.start().plusNanos(1 + (long) (r.nextDouble() * 1e17))));
      Fulfillment f = Fulfillment.builder().id("f1").tags(s.putInto(null)).build();
      OnUpdateCallback back = Worked.viaWire("on_update", payload("order", order(List.of(f), List.of(), null)));
      assertThat(TransferSchedule.in(back.message().order().fulfillments().get(0).tags())).contains(s);
    });
  }

  @Test
  void statusViewsSurviveTheWire() {
    Gen.check("on_status round trip", 50_000L, r -> {
      Telemetry t = new Telemetry(Gen.energy(r, false), orNull(r, Gen.energy(r, false)), Gen.soc(r),
          orNull(r, Gen.signedPower(r)), Math.floorMod(r.nextLong(), 1_000_000_000_000_000_000L), Gen.instant(r));
      Receipt rc = switch (r.nextInt(3)) {
        case 0 -> Receipt.charge(Gen.energy(r, false), orNull(r, Gen.energy(r, false)), Gen.energy(r, false));
        case 1 -> Receipt.discharge(Gen.energy(r, false), null, Gen.energy(r, false));
        default -> new Receipt(null, Gen.energy(r, false), Gen.energy(r, false), Gen.energy(r, false),
            Gen.energy(r, false));
      };
      Alert a = new Alert(Gen.pick(r, List.of(Alert.SOC_HIGH, Alert.SOC_LOW, Alert.ASSET_FAULT, "GRID_EVENT_2")),
          orNull(r, Gen.level(r)), orNull(r, Gen.level(r)));
      StorageState state = Gen.pick(r, List.of(StorageState.values()));
      Fulfillment f = Fulfillment.builder().id("f1").state(state.toState(Gen.instant(r)))
          .tags(a.putInto(rc.putInto(t.putInto(null)))).build();
      AlertThresholds th = Gen.thresholds(r);
      OnStatusCallback back = Worked.viaWire("on_status",
          payload("order", order(List.of(f), th.putInto(null), null)));
      Order o = back.message().order();
      Fulfillment bf = o.fulfillments().get(0);
      assertThat(Telemetry.in(bf.tags())).contains(t);
      assertThat(Receipt.in(bf.tags())).contains(rc);
      assertThat(Alert.allIn(bf.tags())).containsExactly(a);
      assertThat(StorageState.of(bf)).contains(state);
      assertThat(AlertThresholds.in(o.tags())).contains(th);
    });
  }

  @Test
  void billAndSettlementSurviveTheWire() {
    Gen.check("on_cancel round trip", 60_000L, r -> {
      Currency c = Gen.currency(r);
      List<BillLine> lines = new ArrayList<>();
      for (int i = r.nextInt(8); i > 0; i--) {
        BillLineKind kind = Gen.pick(r, List.of(BillLineKind.values()).subList(0, 7));
        var amount = Gen.money(r, c);
        lines.add(BillLine.of(kind, kind == BillLineKind.TAX ? null : orNull(r, "item-1"),
            kind == BillLineKind.BUY_BACK_CREDIT ? amount.negate() : amount));
      }
      Bill bill = Bill.of(lines, c);
      Settlement s = maybe(r) ? new Settlement(Gen.energy(r, false), ResidualPolicy.FORCED_DISCHARGE,
          orNull(r, Gen.decimal(r, false)))
          : new Settlement(Gen.energy(r, false), ResidualPolicy.BUY_BACK, Gen.decimal(r, false));
      Duration ttl = orNull(r, Duration.ofMinutes(1 + r.nextInt(60)));
      OnCancelCallback back = Worked.viaWire("on_cancel",
          payload("order", order(List.of(), s.putInto(null), bill.toQuotation(ttl))));
      Order o = back.message().order();
      Bill read = Bill.from(o.quote());
      read.requireBalanced();
      assertThat(read).isEqualTo(bill);
      assertThat(o.quote().ttl()).isEqualTo(ttl == null ? null : ttl.toString());
      assertThat(Settlement.in(o.tags())).contains(s);
    });
  }
}
