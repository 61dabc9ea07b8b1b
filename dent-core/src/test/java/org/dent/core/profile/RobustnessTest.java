package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dent.core.profile.ProfileAssertions.VALIDATOR;
import static org.dent.core.profile.ProfileAssertions.assertOnly;
import static org.dent.core.profile.ProfileAssertions.assertValid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dent.core.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Wrong JSON types are skipped (the schema reports them), nothing throws, pointers are exact RFC 6901. */
class RobustnessTest {
  private static final JsonNodeFactory F = Examples.MAPPER.getNodeFactory();

  @ParameterizedTest(name = "{0} {1} := {2}")
  @CsvSource(delimiter = '|', value = {
      "09-update | /message/order/fulfillments/0/tags/0/list/1/value | 40",
      "09-update | /message/order/fulfillments/0/tags/0/list/1/value | {\"kWh\":40}",
      "09-update | /message/order/fulfillments/0/tags/0/list/1/value | [\"40 kWh\"]",
      "09-update | /message/order/fulfillments/0/tags/0/list/1/descriptor | \"energy\"",
      "09-update | /message/order/fulfillments/0/tags/0/list/1/descriptor/code | 7",
      "09-update | /message/order/fulfillments/0/tags/0/list/1 | \"energy=40 kWh\"",
      "09-update | /message/order/fulfillments/0/tags/0/list | {\"energy\":\"40 kWh\"}",
      "09-update | /message/order/fulfillments/0/tags/0 | 17",
      "09-update | /message/order/fulfillments/0/tags | {\"transfer-request\":{}}",
      "09-update | /message/order/fulfillments | {}",
      "09-update | /message/order | []",
      "09-update | /message/update_target | 5",
      "03-select | /message/order/items/0/quantity/selected/measure/value | 50",
      "03-select | /message/order/items/0/quantity/selected/measure/unit | true",
      "03-select | /message/order/items/0/quantity/selected/measure | \"50 kWh\"",
      "03-select | /message/order/items/0/quantity | \"50 kWh\"",
      "03-select | /message/order/items | {\"0\":{}}",
      "03-select | /message/order/fulfillments/0/stops/0/time/range | \"10:00-18:00\"",
      "03-select | /message/order/fulfillments/0/stops/0/time/range/start | 1764583200",
      "03-select | /message/order/fulfillments/0/stops | {}",
      "01-search | /message/intent/item | \"50 kWh\"",
      "01-search | /message/intent/fulfillment/stops | {\"0\":{}}",
      "01-search | /message/intent/category/descriptor | \"energy-storage\"",
      "01-search | /message/intent/item/price | 1500",
      "01-search | /message/intent/item/price/currency | 356",
      "02-on_search | /message/catalog/providers | {}",
      "02-on_search | /message/catalog/providers/0/items/0/category_ids | \"energy-storage\"",
      "02-on_search | /message/catalog/providers/0/items/0/tags/0/list/1/value | null",
      "08-on_confirm | /message/order/quote/breakup | {}",
      "08-on_confirm | /message/order/quote/breakup/0/price | \"33.33\"",
      "08-on_confirm | /message/order/fulfillments/0/state | \"RESERVED\"",
      "08-on_confirm | /message/order/payments | {}",
      "15-on_cancel | /message/order/status | 3",
      "13-on_status_push | /message | []",
      "13-on_status_push | /context/action | 13",
  })
  void wrongTypesAreSkippedSilently(String file, String pointer, String json) {
    ObjectNode doc = Examples.load(file);
    Examples.set(doc, pointer, Examples.MAPPER.readTree(json));
    List<Violation> violations = VALIDATOR.validate(doc);
    assertThat(violations).as("%s", violations).isEmpty();
  }

  @Test
  void pointersEscapeTildeAndSlash() {
    ObjectNode doc = Examples.load("03-select");
    ObjectNode odd = ((ObjectNode) Examples.at(doc, "/message/order")).putObject("x/y~z");
    odd.putObject("quantity").putObject("selected").putObject("measure").put("value", "5").put("unit", "BTU");
    String pointer = "/message/order/x~1y~0z/quantity/selected/measure/unit";
    assertOnly(doc, pointer, "unit outside the closed set");
    assertThat(doc.at(pointer).stringValue()).isEqualTo("BTU");
  }

  @Test
  void deepNestingNeitherThrowsNorRecursesForever() {
    ObjectNode doc = Examples.load("03-select");
    ArrayNode deep = ((ObjectNode) Examples.at(doc, "/message/order")).putArray("deep");
    for (int i = 0; i < 50_000; i++) {
      deep = deep.addArray();
    }
    assertValid(doc);
  }

  @Test
  void hugeValuesAreRejectedQuickly() {
    ObjectNode doc = Examples.load("09-update");
    String pointer = "/message/order/fulfillments/0/tags/0/list/1/value";
    Examples.set(doc, pointer, "9".repeat(400) + " kWh");
    long t0 = System.nanoTime();
    assertOnly(doc, pointer, "transfer energy has more than 40 digits");
    Examples.set(doc, pointer, "1".repeat(5_000_000) + " kWh");
    assertOnly(doc, pointer, "transfer energy has more than 40 digits");
    Examples.set(doc, "/message/order/fulfillments/0/tags/0/list/0/value", "x".repeat(5_000_000));
    assertThat(VALIDATOR.validate(doc)).hasSize(2).allSatisfy(v -> assertThat(v.message()).hasSizeLessThan(200));
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
  }

  /** Seeded fuzz: replace or remove random nodes of worked messages; the validator must never throw. */
  @Test
  void randomMutationsNeverThrow() {
    for (int c = 0; c < 3_000; c++) {
      long seed = 77_000L + c;
      Random r = new Random(seed);
      ObjectNode doc = Examples.load(Examples.WORKED.get(r.nextInt(Examples.WORKED.size())));
      try {
        for (int m = 1 + r.nextInt(4); m > 0; m--) {
          mutate(doc, r);
        }
        List<Violation> violations = VALIDATOR.validate(doc);
        for (Violation v : violations) {
          assertThat(v.pointer()).startsWith("/message");
          assertThat(v.code()).isEqualTo("30000");
        }
      } catch (RuntimeException | AssertionError e) {
        System.err.println("randomMutationsNeverThrow failed with seed " + seed);
        throw new AssertionError("seed " + seed + ": " + e, e);
      }
    }
  }

  private static void mutate(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode parent = containers.get(r.nextInt(containers.size()));
    if (parent.isEmpty()) {
      return;
    }
    JsonNode replacement = randomNode(r, 0);
    if (parent.isArray()) {
      int i = r.nextInt(parent.size());
      if (r.nextInt(4) == 0) {
        ((ArrayNode) parent).remove(i);
      } else {
        ((ArrayNode) parent).set(i, replacement);
      }
    } else {
      List<String> keys = new ArrayList<>(parent.propertyNames());
      String key = keys.get(r.nextInt(keys.size()));
      if (r.nextInt(4) == 0) {
        ((ObjectNode) parent).remove(key);
      } else {
        ((ObjectNode) parent).set(key, replacement);
      }
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainer()) {
      out.add(n);
      for (JsonNode c : n) {
        collect(c, out);
      }
    }
  }

  private static final String[] STRINGS = {"", "50 kWh", "-1 kW", "abc", "1e9", "NaN", "PT15M", "0.5", "1.5",
      "2026-12-01T10:00:00Z", "energy-storage", "storage-spec", "transfer-request", "charge", "~/", "9".repeat(100)};

  private static JsonNode randomNode(Random r, int depth) {
    return switch (r.nextInt(depth > 2 ? 6 : 8)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(r.nextBoolean());
      case 2 -> F.numberNode(r.nextInt());
      case 3 -> F.numberNode(r.nextDouble());
      case 4, 5 -> F.stringNode(STRINGS[r.nextInt(STRINGS.length)]);
      case 6 -> {
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(3); i > 0; i--) {
          a.add(randomNode(r, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        String[] keys = {"descriptor", "code", "list", "value", "unit", "measure", "range", "start", "end", "price",
            "currency", "tags", "quantity", "selected", "time", "breakup", "state"};
        for (int i = r.nextInt(3); i > 0; i--) {
          o.set(keys[r.nextInt(keys.length)], randomNode(r, depth + 1));
        }
        yield o;
      }
    };
  }

  @Test
  void sharedBetweenThreads() throws Exception {
    Map<String, List<Violation>> expected = new java.util.HashMap<>();
    List<String> names = new ArrayList<>(Examples.WORKED);
    names.addAll(List.of("invalid/bad-direction", "invalid/unknown-unit", "invalid/soc-as-percent"));
    for (String n : names) {
      expected.put(n, VALIDATOR.validate(Examples.load(n)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 400; t++) {
        String n = names.get(t % names.size());
        JsonNode doc = Examples.load(n);
        results.add(pool.submit(() -> VALIDATOR.validate(doc).equals(expected.get(n))));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
