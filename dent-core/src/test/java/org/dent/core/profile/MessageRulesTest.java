package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.core.profile.ProfileAssertions.VALIDATOR;
import static org.dent.core.profile.ProfileAssertions.assertOnly;
import static org.dent.core.profile.ProfileAssertions.assertValid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Measures, windows, prices, quotes, states and per-action required fields, one mutation each. */
class MessageRulesTest {
  private static final String SELECTED = "/message/order/items/0/quantity/selected/measure";
  private static final String ITEM = "/message/catalog/providers/0/items/0";

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      // measures
      "03-select | " + SELECTED + "/unit | kW | an energy written in a power unit",
      "03-select | " + SELECTED + "/unit | kwhr | unit outside the closed set",
      "03-select | " + SELECTED + "/value | 0 | selected energy must be positive",
      "03-select | " + SELECTED + "/value | -5 | selected energy must be positive",
      "03-select | " + SELECTED + "/value | 5e1 | selected energy must be a plain decimal",
      "02-on_search | " + ITEM + "/quantity/available/measure/value | -1 | available energy must not be negative",
      // windows
      "03-select | /message/order/fulfillments/0/stops/0/time/range/start | 2026-12-01T15:30:00+05:30"
          + " | window start must be in UTC",
      // prices
      "02-on_search | " + ITEM + "/price/estimated_value | 1.5e2 | estimated_value must be a decimal amount",
      "02-on_search | " + ITEM + "/price/currency | Rs | currency must be an ISO 4217 code",
      "01-search | /message/intent/item/price/maximum_value | 1,500 | maximum_value must be a decimal amount",
      "06-on_init | /message/order/payments/0/params/amount | 154.97 INR | payment amount must be a decimal amount",
      "06-on_init | /message/order/payments/0/params/currency | inr | currency must be an ISO 4217 code",
      "08-on_confirm | /message/order/cancellation_terms/1/cancellation_fee/amount/value | twenty-five"
          + " | value must be a decimal amount",
      // quotes
      "04-on_select | /message/order/quote/breakup/0/title | discount | quote line title is one of",
      // states
      "12-on_status | /message/order/fulfillments/0/state/descriptor/code | STORING | fulfillment state is RESERVED",
      "08-on_confirm | /message/order/cancellation_terms/2/fulfillment_state/descriptor/code | PENDING"
          + " | fulfillment state is",
      "12-on_status | /message/order/status | DONE | order status is ACTIVE, COMPLETE or CANCELLED",
      // search category
      "01-search | /message/intent/category/descriptor/code | ev-charging | names category energy-storage",
  })
  void badValue(String file, String pointer, String value, String fragment) {
    ObjectNode doc = Examples.load(file);
    Examples.at(doc, pointer);
    Examples.set(doc, pointer, value);
    assertOnly(doc, pointer, fragment);
  }

  @Test
  void aliasesAreAcceptedInMeasures() {
    for (String unit : new String[] {"KWH", "kWH", "kwh", "Wh", "MWh"}) {
      ObjectNode doc = Examples.load("03-select");
      Examples.set(doc, SELECTED + "/unit", unit);
      assertValid(doc);
    }
  }

  @Test
  void measureNeedsValueAndUnit() {
    ObjectNode doc = Examples.load("03-select");
    Examples.remove(doc, SELECTED + "/unit");
    assertOnly(doc, SELECTED, "selected energy needs value and unit");
  }

  @Test
  void windows() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.set(doc, ITEM + "/time/range/end", "2026-12-01T10:00:00Z");
    assertOnly(doc, ITEM + "/time/range", "window start must precede end");
    doc = Examples.load("03-select");
    Examples.remove(doc, "/message/order/fulfillments/0/stops/0/time/range/end");
    assertOnly(doc, "/message/order/fulfillments/0/stops/0/time/range", "a window states start and end");
    doc = Examples.load("03-select");
    Examples.set(doc, "/message/order/fulfillments/0/stops/0/time/range/end", "tomorrow");
    assertValid(doc); // not a date-time at all: the core schema reports that, not the profile
  }

  @Test
  void priceNeedsACurrency() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.remove(doc, ITEM + "/price/currency");
    assertOnly(doc, ITEM + "/price", "a price states its currency");
  }

  @Test
  void quoteLinesSumToThePrice() {
    ObjectNode doc = Examples.load("08-on_confirm");
    Examples.set(doc, "/message/order/quote/breakup/4/price/value", "23.65");
    assertOnly(doc, "/message/order/quote/price/value", "quote price 154.97 is not the sum of its breakup (154.98)");
    doc = Examples.load("08-on_confirm");
    Examples.set(doc, "/message/order/quote/breakup/4/price/currency", "EUR");
    assertValid(doc); // mixed currencies are not summed
  }

  @Test
  void buyBackCreditIsNeverPositive() {
    ObjectNode doc = Examples.load("15-on_cancel");
    Examples.set(doc, "/message/order/quote/breakup/5/price/value", "95.92");
    Examples.set(doc, "/message/order/quote/price/value", "247.35");
    assertOnly(doc, "/message/order/quote/breakup/5/price/value", "buy-back-credit must not be positive");
  }

  @Test
  void searchRequirements() {
    ObjectNode doc = Examples.load("01-search");
    Examples.remove(doc, "/message/intent/category");
    assertOnly(doc, "/message/intent/category", "a storage search names category energy-storage");
    doc = Examples.load("01-search");
    Examples.remove(doc, "/message/intent/fulfillment/stops/0/time");
    assertOnly(doc, "/message/intent/fulfillment", "a storage search states the storage window");
    doc = Examples.load("01-search");
    Examples.remove(doc, "/message/intent/item");
    assertOnly(doc, "/message/intent/item", "a storage search states the energy to store");
  }

  @ParameterizedTest(name = "on_search without {0}")
  @CsvSource(delimiter = '|', value = {
      "/quantity/available | states its free energy",
      "/time | states its availability window",
      "/category_ids | lists category energy-storage",
      "/tags/1 | carries tag group pricing",
      "/tags/0 | carries tag group storage-spec",
  })
  void offerRequirements(String removed, String fragment) {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.remove(doc, ITEM + removed);
    assertOnly(doc, ITEM, fragment);
  }

  @Test
  void offerCategoryMustBeStorage() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.set(doc, ITEM + "/category_ids/0", "ev-charging");
    assertOnly(doc, ITEM, "lists category energy-storage");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource(delimiter = '|', value = {
      "03-select | /message/order/items/0/quantity | /message/order/items/0 | states the energy to reserve",
      "07-confirm | /message/order/items/0/quantity | /message/order/items/0 | states the energy to reserve",
      "03-select | /message/order/items | /message/order/items | names the item to reserve",
      "05-init | /message/order/fulfillments | /message/order/fulfillments | states its window",
      "04-on_select | /message/order/fulfillments/0/stops | /message/order/fulfillments | states its window",
      "04-on_select | /message/order/quote | /message/order/quote | the answer to select carries a quote",
      "06-on_init | /message/order/quote | /message/order/quote | the answer to init carries a quote",
      "05-init | /message/order/billing | /message/order/billing | names its billing party",
      "07-confirm | /message/order/payments | /message/order/payments | states its payment terms",
      "08-on_confirm | /message/order/id | /message/order | a confirmed order has an id and a status",
      "09-update | /message/order/id | /message/order | an update names its order",
      "09-update | /message/order/fulfillments/0/tags | /message/order/fulfillments/0 | a new window or a transfer-request",
  })
  void orderRequirements(String file, String removed, String pointer, String fragment) {
    ObjectNode doc = Examples.load(file);
    Examples.remove(doc, removed);
    assertOnly(doc, pointer, fragment);
  }

  @Test
  void emptyItemsAreNoReservation() {
    ObjectNode doc = Examples.load("03-select");
    ((tools.jackson.databind.node.ArrayNode) Examples.at(doc, "/message/order/items")).removeAll();
    assertOnly(doc, "/message/order/items", "names the item to reserve");
  }

  @Test
  void updateOfItemsStatesTheNewEnergy() {
    ObjectNode doc = Examples.load("09-update");
    Examples.set(doc, "/message/update_target", "order.items");
    ((ObjectNode) Examples.at(doc, "/message/order")).putArray("items").addObject().put("id", "vv-bess-01");
    assertOnly(doc, "/message/order/items/0", "states the energy to reserve");
  }

  @Test
  void callbacksCarryingAnErrorAreExemptFromRequirements() {
    ObjectNode doc = Examples.load("08-on_confirm");
    Examples.remove(doc, "/message/order/items");
    Examples.remove(doc, "/message/order/quote");
    assertThat(VALIDATOR.validate(doc)).hasSize(2);
    doc.putObject("error").put("code", "40002").put("message", "capacity no longer available");
    assertValid(doc);
  }

  @Test
  void onlyTheStorageDomainIsChecked() {
    ObjectNode doc = Examples.load("invalid/unknown-unit");
    assertThat(VALIDATOR.validate(doc)).hasSize(1);
    Examples.set(doc, "/context/domain", "uei:charging");
    assertThat(VALIDATOR.appliesTo(doc)).isFalse();
    assertValid(doc);
    Examples.remove(doc, "/context");
    assertValid(doc);
    assertThat(VALIDATOR.validate(null)).isEmpty();
    assertThat(VALIDATOR.validate(Examples.MAPPER.getNodeFactory().arrayNode())).isEmpty();
  }

  @Test
  void requireValidThrowsWithEveryViolation() {
    ObjectNode doc = Examples.load("invalid/window-reversed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VALIDATOR.requireValid(doc))
        .isInstanceOfSatisfying(org.dent.core.error.ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo("30000");
          assertThat(e.paths()).containsExactly("/message/intent/fulfillment/stops/0/time/range");
          assertThat(e.violations()).hasSize(1);
        });
    VALIDATOR.requireValid(Examples.load("01-search"));
  }
}
