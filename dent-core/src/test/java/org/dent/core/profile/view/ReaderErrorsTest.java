package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dent.core.model.Catalog;
import org.dent.core.model.Intent;
import org.dent.core.model.Order;
import org.dent.core.model.Quotation;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.StateOfCharge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Readers name what is missing or malformed with a pointer relative to the object they read. */
class ReaderErrorsTest {

  private static ObjectNode worked(String name, String pointer) {
    return (ObjectNode) Worked.tree(name).at(pointer);
  }

  private static void set(JsonNode root, String pointer, String value) {
    int slash = pointer.lastIndexOf('/');
    ((ObjectNode) root.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
  }

  private static void remove(JsonNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1);
    if (parent.isArray()) {
      ((ArrayNode) parent).remove(Integer.parseInt(key));
    } else {
      ((ObjectNode) parent).remove(key);
    }
  }

  private static Intent intent(ObjectNode node) {
    return Worked.CODEC.bind(node, Intent.class);
  }

  private static Catalog catalog(ObjectNode node) {
    return Worked.CODEC.bind(node, Catalog.class);
  }

  private static void fails(ThrowingSupplier<?> read, String pointer, String message) throws Throwable {
    assertThatThrownBy(read::get).isInstanceOfSatisfying(ProfileException.class, e -> {
      assertThat(e.pointer()).isEqualTo(pointer);
      assertThat(e.paths()).contains(pointer);
      assertThat(e.code()).isEqualTo("30000");
      assertThat(e.violations().get(0).message()).contains(message);
    });
  }

  @Test
  void searchProblemsPointIntoTheIntent() throws Throwable {
    ObjectNode i = worked("01-search", "/message/intent");
    set(i, "/category/descriptor/code", "ev-charging");
    fails(() -> StorageRequirement.from(intent(i)), "/category/descriptor/code", "category energy-storage");

    ObjectNode j = worked("01-search", "/message/intent");
    set(j, "/item/quantity/selected/measure/unit", "kW");
    fails(() -> StorageRequirement.from(intent(j)), "/item/quantity/selected/measure/unit", "energy to store");

    ObjectNode k = worked("01-search", "/message/intent");
    set(k, "/item/quantity/selected/measure/value", "0");
    fails(() -> StorageRequirement.from(intent(k)), "/item/quantity/selected/measure/value", "must be positive");

    ObjectNode l = worked("01-search", "/message/intent");
    remove(l, "/item/quantity");
    fails(() -> StorageRequirement.from(intent(l)), "/item", "states the energy to store");

    ObjectNode m = worked("01-search", "/message/intent");
    set(m, "/fulfillment/stops/0/time/range/end", "2026-12-01T09:00:00Z");
    fails(() -> StorageRequirement.from(intent(m)), "/fulfillment/stops/0/time/range", "start must precede end");

    ObjectNode n = worked("01-search", "/message/intent");
    set(n, "/fulfillment/stops/0/location/circle/radius/unit", "m");
    fails(() -> StorageRequirement.from(intent(n)), "/fulfillment/stops/0/location/circle/radius/unit", "km");

    ObjectNode o = worked("01-search", "/message/intent");
    set(o, "/item/tags/0/list/1/value", "10 kWh");
    fails(() -> StorageRequirement.from(intent(o)), "/item/tags/0/list/1/value", "min-discharge-power");

    ObjectNode p = worked("01-search", "/message/intent");
    set(p, "/item/price/maximum_value", "1,500");
    fails(() -> StorageRequirement.from(intent(p)), "/item/price/maximum_value", "not a plain decimal");
  }

  @Test
  void searchWithoutAreaOrBudgetIsReadable() {
    ObjectNode i = worked("01-search", "/message/intent");
    remove(i, "/fulfillment/stops/0/location");
    remove(i, "/item/price");
    remove(i, "/item/tags");
    StorageRequirement r = StorageRequirement.from(intent(i));
    assertThat(r.area()).isNull();
    assertThat(r.budget()).isNull();
    assertThat(r.minChargePower()).isNull();
    assertThat(Worked.json(r.toIntent())).isEqualTo(i);
  }

  @Test
  void offerProblemsPointIntoTheCatalog() throws Throwable {
    String item = "/providers/0/items/0";
    ObjectNode a = worked("02-on_search", "/message/catalog");
    set(a, item + "/tags/0/list/6/value", "0.95");
    fails(() -> StorageOffer.fromCatalog(catalog(a)), item + "/tags/0/list/7/value", "min-soc must be below max-soc");

    ObjectNode b = worked("02-on_search", "/message/catalog");
    remove(b, item + "/tags/1");
    fails(() -> StorageOffer.fromCatalog(catalog(b)), item, "carries tag group pricing");

    ObjectNode c = worked("02-on_search", "/message/catalog");
    set(c, "/providers/0/locations/0/id", "elsewhere");
    fails(() -> StorageOffer.fromCatalog(catalog(c)), item + "/location_ids/0", "names no location");

    ObjectNode d = worked("02-on_search", "/message/catalog");
    set(d, "/providers/0/locations/0/gps", "north");
    fails(() -> StorageOffer.fromCatalog(catalog(d)), "/providers/0/locations/0/gps", "gps must be");

    ObjectNode e = worked("02-on_search", "/message/catalog");
    set(e, item + "/tags/1/list/0/value", "fixed");
    remove(e, item + "/tags/1/list/5");
    fails(() -> StorageOffer.fromCatalog(catalog(e)), item + "/tags/1", "pricing model fixed needs fixed-fee");

    ObjectNode f = worked("02-on_search", "/message/catalog");
    remove(f, item + "/quantity/available");
    fails(() -> StorageOffer.fromCatalog(catalog(f)), item, "states its free energy");

    ObjectNode g = worked("02-on_search", "/message/catalog");
    set(g, item + "/tags/0/list/2/value", "100 kWh");
    fails(() -> StorageOffer.fromCatalog(catalog(g)), item + "/tags/0/list/2/value", "max-charge-power");
  }

  @Test
  void itemsOutsideTheCategoryAreSkippedByTheCatalogReader() {
    ObjectNode a = worked("02-on_search", "/message/catalog");
    ((ArrayNode) a.at("/providers/0/items/0/category_ids")).set(0, a.stringNode("ev-charging"));
    assertThat(StorageOffer.fromCatalog(catalog(a))).isEmpty();
    var p = catalog(a).providers().get(0);
    assertThatThrownBy(() -> StorageOffer.from(p, p.items().get(0))).isInstanceOfSatisfying(ProfileException.class,
        e -> assertThat(e.pointer()).isEqualTo("/items/0/category_ids"));
  }

  @Test
  void tagGroupProblemsCarryEveryViolation() throws Throwable {
    ObjectNode f = worked("09-update", "/message/order/fulfillments/0");
    set(f, "/tags/0/list/0/value", "sideways");
    set(f, "/tags/0/list/2/value", "-5 kW");
    var fulfillment = Worked.CODEC.bind(f, org.dent.core.model.Fulfillment.class);
    assertThatThrownBy(() -> TransferRequest.in(fulfillment.tags())).isInstanceOfSatisfying(ProfileException.class,
        e -> assertThat(e.paths()).containsExactly("/tags/0/list/0/value", "/tags/0/list/2/value"));
    fails(() -> TransferRequest.from(fulfillment.tags().get(0)), "/list/0/value", "charge or discharge");
  }

  @Test
  void wrongGroupAndMissingRequiredCode() throws Throwable {
    Order o = Worked.CODEC.bind(worked("13-on_status_push", "/message/order"), Order.class);
    var tags = o.fulfillments().get(0).tags();
    fails(() -> Telemetry.from(tags.get(1)), "/descriptor/code", "expected tag group storage-telemetry");
    ObjectNode t = worked("13-on_status_push", "/message/order/fulfillments/0/tags/0");
    remove(t, "/list/4");
    var group = Worked.CODEC.bind(t, org.dent.core.model.TagGroup.class);
    fails(() -> Telemetry.from(group), "", "needs seq");
    ObjectNode soc = worked("13-on_status_push", "/message/order/fulfillments/0/tags/0");
    set(soc, "/list/2/value", "76.73");
    fails(() -> Telemetry.from(Worked.CODEC.bind(soc, org.dent.core.model.TagGroup.class)), "/list/2/value",
        "fraction");
  }

  @Test
  void billProblemsPointIntoTheQuote() throws Throwable {
    ObjectNode q = worked("15-on_cancel", "/message/order/quote");
    set(q, "/breakup/5/price/value", "95.92");
    fails(() -> Bill.from(Worked.CODEC.bind(q, Quotation.class)), "/breakup/5/price/value",
        "buy-back-credit must not be positive");

    ObjectNode r = worked("15-on_cancel", "/message/order/quote");
    set(r, "/breakup/2/price/currency", "EUR");
    fails(() -> Bill.from(Worked.CODEC.bind(r, Quotation.class)), "/breakup/2/price/currency", "INR");

    ObjectNode s = worked("15-on_cancel", "/message/order/quote");
    set(s, "/price/value", "55.52");
    Bill unbalanced = Bill.from(Worked.CODEC.bind(s, Quotation.class));
    fails(() -> {
      unbalanced.requireBalanced();
      return null;
    }, "/price/value", "quote price 55.52 is not the sum of its breakup (55.51)");

    ObjectNode t = worked("15-on_cancel", "/message/order/quote");
    remove(t, "/breakup/1/title");
    fails(() -> Bill.from(Worked.CODEC.bind(t, Quotation.class)), "/breakup/1/title", "needs a title");
  }

  @Test
  void unknownBillTitlesAreKept() {
    ObjectNode q = worked("08-on_confirm", "/message/order/quote");
    set(q, "/breakup/3/title", "loyalty-discount");
    Bill bill = Bill.from(Worked.CODEC.bind(q, Quotation.class));
    assertThat(bill.lines().get(3).kind()).isEqualTo(BillLineKind.OTHER);
    assertThat(bill.lines().get(3).title()).isEqualTo("loyalty-discount");
    assertThat(Worked.json(bill.toQuotation(null))).isEqualTo(q);
    assertThat(bill.amount(BillLineKind.FIXED_FEE).isZero()).isTrue();
  }

  @Test
  void alertsAreAllRead() {
    var first = Alert.socHigh(StateOfCharge.parse("0.9"), StateOfCharge.parse("0.91"));
    var second = Alert.of(Alert.ASSET_FAULT);
    var tags = second.putInto(List.of(first.toTagGroup()));
    assertThat(tags).hasSize(1); // same group code: replaced in place
    var both = List.of(first.toTagGroup(), second.toTagGroup());
    assertThat(Alert.allIn(both)).containsExactly(first, second);
    assertThat(Alert.in(both)).contains(first);
  }
}
