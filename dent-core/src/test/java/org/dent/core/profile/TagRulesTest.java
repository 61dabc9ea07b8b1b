package org.dent.core.profile;

import static org.dent.core.profile.ProfileAssertions.assertOnly;
import static org.dent.core.profile.ProfileAssertions.assertValid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** One mutation of a worked message per tag rule; each must produce exactly the violation named. */
class TagRulesTest {
  private static final String SPEC = "/message/catalog/providers/0/items/0/tags/0";
  private static final String PRICING = "/message/catalog/providers/0/items/0/tags/1";
  private static final String TRANSFER = "/message/order/fulfillments/0/tags/0";
  private static final String TELEMETRY = "/message/order/fulfillments/0/tags/0";
  private static final String RECEIPT = "/message/order/fulfillments/0/tags/1";
  private static final String ALERT = "/message/order/fulfillments/0/tags/2";
  private static final String SETTLEMENT = "/message/order/tags/1";

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      // energy
      "13-on_status_push | " + TELEMETRY + "/list/0/value | 38.367 kWhh | unit outside the closed set (Wh, kWh, MWh)",
      "02-on_search | " + SPEC + "/list/1/value | 500 kW | an energy written in a power unit",
      "02-on_search | " + SPEC + "/list/1/value | 500kWh | capacity must be \"<decimal> <unit>\"",
      "02-on_search | " + SPEC + "/list/1/value | 5e2 kWh | capacity must be \"<decimal> <unit>\"",
      "02-on_search | " + SPEC + "/list/1/value | NaN kWh | capacity must be \"<decimal> <unit>\"",
      "02-on_search | " + SPEC + "/list/1/value | 0 kWh | capacity must be positive",
      "12-on_status | " + TELEMETRY + "/list/0/value | -1 kWh | stored-energy must not be negative",
      "13-on_status_push | " + RECEIPT + "/list/2/value | -0.001 kWh | losses must not be negative",
      "15-on_cancel | " + SETTLEMENT + "/list/0/value | 38.367 | residual-energy must be \"<decimal> <unit>\"",
      // power
      "09-update | " + TRANSFER + "/list/2/value | 0 kW | transfer power must be positive",
      "09-update | " + TRANSFER + "/list/2/value | 20 kWh | a power written in an energy unit",
      "02-on_search | " + SPEC + "/list/2/value | 100 hp | unit outside the closed set (W, kW, MW)",
      "01-search | /message/intent/item/tags/0/list/1/value | -10 kW | min-discharge-power must not be negative",
      // fractions and efficiency
      "02-on_search | " + SPEC + "/list/6/value | 1.5 | min-soc must be a fraction in [0,1]",
      "02-on_search | " + SPEC + "/list/5/value | -0.001 | self-discharge-per-day must be a fraction in [0,1]",
      "02-on_search | " + SPEC + "/list/4/value | 0 | round-trip-efficiency must be in (0,1]",
      "02-on_search | " + SPEC + "/list/4/value | 92% | round-trip-efficiency must be in (0,1]",
      "02-on_search | " + PRICING + "/list/6/value | 18 | tax-rate must be a fraction in [0,1]",
      "05-init | /message/order/tags/0/list/0/value | 90 | soc-high must be a fraction in [0,1]",
      // durations and times
      "02-on_search | " + SPEC + "/list/8/value | 15 minutes | slot-granularity must be a positive ISO 8601 duration",
      "02-on_search | " + SPEC + "/list/8/value | PT0S | slot-granularity must be a positive ISO 8601 duration",
      "02-on_search | " + SPEC + "/list/8/value | -PT15M | slot-granularity must be a positive ISO 8601 duration",
      "09-update | " + TRANSFER + "/list/3/value | 2026-12-01 10:00 | start must be an RFC 3339 UTC time",
      "09-update | " + TRANSFER + "/list/3/value | 2026-12-01T15:30:00+05:30 | start must be an RFC 3339 UTC time",
      "12-on_status | " + TELEMETRY + "/list/5/value | yesterday | measured-at must be an RFC 3339 UTC time",
      // money and currency
      "02-on_search | " + PRICING + "/list/5/value | 50,00 | fixed-fee must be a decimal amount",
      "02-on_search | " + PRICING + "/list/2/value | -2.00 | capacity-price-per-kwh-day must not be negative",
      "02-on_search | " + PRICING + "/list/1/value | RUPEES | currency must be an ISO 4217 currency code",
      "15-on_cancel | " + SETTLEMENT + "/list/2/value | 2.5e0 | buy-back-price-per-kwh must be a decimal amount",
      // enumerations
      "05-init | /message/order/payments/0/tags/0/list/0/value | CASH | method is UPI, CARD, BANK-TRANSFER or INVOICE",
      "15-on_cancel | " + SETTLEMENT + "/list/1/value | keep | residual-policy is forced-discharge or buy-back",
      "13-on_status_push | " + RECEIPT + "/list/0/value | in | direction is charge or discharge",
      "02-on_search | " + PRICING + "/list/0/value | capacity-time+barter | model is one or more of",
      "02-on_search | " + PRICING + "/list/0/value | fixed+fixed | model is one or more of",
      "02-on_search | " + PRICING + "/list/0/value | fixed+ | model is one or more of",
      "13-on_status_push | " + ALERT + "/list/0/value | transfer complete | code must be an upper-case code",
      // integers and quantities
      "12-on_status | " + TELEMETRY + "/list/4/value | -1 | seq must be a non-negative integer",
      "12-on_status | " + TELEMETRY + "/list/4/value | 4.5 | seq must be a non-negative integer",
      "13-on_status_push | " + ALERT + "/list/1/value | 38.367 kWhh | unit outside the closed set",
      "13-on_status_push | " + ALERT + "/list/1/value | lots | value must be a decimal or",
  })
  void badValue(String file, String pointer, String value, String fragment) {
    ObjectNode doc = Examples.load(file);
    Examples.at(doc, pointer);
    Examples.set(doc, pointer, value);
    assertOnly(doc, pointer, fragment);
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "12-on_status | " + TELEMETRY + "/list/3/value | -20 kW",
      "12-on_status | " + TELEMETRY + "/list/3/value | -0.02 MW",
      "02-on_search | " + SPEC + "/list/1/value | 500 KWH",
      "02-on_search | " + SPEC + "/list/1/value | 0.5 MWh",
      "02-on_search | " + SPEC + "/list/4/value | 1",
      "02-on_search | " + SPEC + "/list/8/value | PT1H",
      "02-on_search | " + PRICING + "/list/0/value | fixed+capacity-time+energy-throughput",
      "13-on_status_push | " + ALERT + "/list/1/value | 0.9",
      "13-on_status_push | " + ALERT + "/list/1/value | 20 kW",
      "13-on_status_push | " + ALERT + "/list/0/value | SOC_HIGH",
      "13-on_status_push | " + ALERT + "/list/0/value | GRID_OUTAGE",
      "09-update | " + TRANSFER + "/list/0/value | discharge",
      "09-update | " + TRANSFER + "/list/3/value | 2026-12-01T10:00:00.000Z",
  })
  void acceptedValue(String file, String pointer, String value) {
    ObjectNode doc = Examples.load(file);
    Examples.at(doc, pointer);
    Examples.set(doc, pointer, value);
    assertValid(doc);
  }

  @Test
  void unknownCodeInAProfileGroup() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.set(doc, SPEC + "/list/0/descriptor/code", "colour");
    assertOnly(doc, SPEC + "/list/0/descriptor/code", "unknown code \"colour\" in tag group storage-spec");
  }

  @Test
  void duplicateCode() {
    ObjectNode doc = Examples.load("09-update");
    Examples.set(doc, TRANSFER + "/list/3/descriptor/code", "direction");
    Examples.set(doc, TRANSFER + "/list/3/value", "charge");
    // the duplicate is reported, and start is now missing from the group
    var violations = ProfileAssertions.VALIDATOR.validate(doc);
    org.assertj.core.api.Assertions.assertThat(violations).extracting(v -> v.pointer() + " " + v.message())
        .containsExactly(TRANSFER + "/list/3/descriptor/code duplicate code \"direction\" in tag group transfer-request",
            TRANSFER + " tag group transfer-request needs start");
  }

  @Test
  void missingRequiredCode() {
    ObjectNode doc = Examples.load("09-update");
    Examples.remove(doc, TRANSFER + "/list/1");
    assertOnly(doc, TRANSFER, "tag group transfer-request needs energy");
  }

  @Test
  void missingList() {
    ObjectNode doc = Examples.load("05-init");
    Examples.remove(doc, "/message/order/payments/0/tags/0/list");
    assertOnly(doc, "/message/order/payments/0/tags/0", "tag group payment-terms needs method");
  }

  @Test
  void tagWithoutDescriptorOrValue() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.remove(doc, SPEC + "/list/0/descriptor");
    assertOnly(doc, SPEC + "/list/0", "needs descriptor.code");
    doc = Examples.load("02-on_search");
    Examples.remove(doc, SPEC + "/list/0/value");
    assertOnly(doc, SPEC + "/list/0", "technology needs a value");
  }

  @Test
  void minSocBelowMaxSoc() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.set(doc, SPEC + "/list/6/value", "0.95");
    assertOnly(doc, SPEC + "/list/7/value", "min-soc must be below max-soc");
  }

  @Test
  void socLowBelowSocHigh() {
    ObjectNode doc = Examples.load("05-init");
    Examples.set(doc, "/message/order/tags/0/list/1/value", "0.95");
    assertOnly(doc, "/message/order/tags/0/list/0/value", "soc-low must be below soc-high");
  }

  @Test
  void pricingModelNeedsItsPrices() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.remove(doc, PRICING + "/list/5");
    assertOnly(doc, PRICING, "pricing model fixed needs fixed-fee");
    doc = Examples.load("02-on_search");
    Examples.remove(doc, PRICING + "/list/5");
    Examples.set(doc, PRICING + "/list/0/value", "capacity-time+energy-throughput");
    assertValid(doc);
  }

  @Test
  void receiptNeedsEnergyInOrOut() {
    ObjectNode doc = Examples.load("13-on_status_push");
    Examples.remove(doc, RECEIPT + "/list/1");
    assertOnly(doc, RECEIPT, "needs energy-in or energy-out");
  }

  @Test
  void buyBackNeedsAPrice() {
    ObjectNode doc = Examples.load("15-on_cancel");
    Examples.remove(doc, SETTLEMENT + "/list/2");
    assertOnly(doc, SETTLEMENT, "residual-policy buy-back needs buy-back-price-per-kwh");
    Examples.set(doc, SETTLEMENT + "/list/1/value", "forced-discharge");
    assertValid(doc);
  }

  @Test
  void scheduleEndsAfterItStarts() {
    ObjectNode doc = Examples.load("10-on_update");
    Examples.set(doc, TRANSFER + "/list/4/value", "2026-12-01T10:00:00Z");
    assertOnly(doc, TRANSFER + "/list/4/value", "transfer end must follow start");
  }

  @Test
  void groupsOutsideTheProfileAreLeftAlone() {
    ObjectNode doc = Examples.load("02-on_search");
    Examples.set(doc, SPEC + "/descriptor/code", "vendor-extras");
    Examples.set(doc, SPEC + "/list/1/value", "500 furlongs");
    // storage-spec is now missing from the offer, which is the only finding
    assertOnly(doc, "/message/catalog/providers/0/items/0", "carries tag group storage-spec");
  }
}
