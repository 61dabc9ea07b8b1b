package org.dent.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dent.core.error.ValidationException;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaValidatorTest {
  static MessageValidator validator;
  static SchemaValidator schema;
  static final DentCodec codec = DentCodec.standard();

  @BeforeAll
  static void compile() {
    validator = MessageValidator.create();
    schema = SchemaValidator.create();
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = SchemaValidatorTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing " + path);
      }
      return in.readAllBytes();
    }
  }

  static Stream<String> evFiles() {
    return Stream.of("search", "on_search", "select", "on_select", "init", "on_init", "confirm", "on_confirm",
        "status", "on_status", "track", "on_track", "update", "on_update", "cancel", "on_cancel", "rating",
        "on_rating", "support", "on_support");
  }

  static Stream<String> storageFiles() {
    return Stream.of("01-search", "02-on_search", "03-select", "04-on_select", "05-init", "06-on_init",
        "07-confirm", "08-on_confirm", "09-update", "10-on_update", "11-status", "12-on_status",
        "13-on_status_push", "14-cancel", "15-on_cancel");
  }

  /** The reviewed list of what really is wrong in the EV-charging samples: nothing more, nothing less. */
  @ParameterizedTest
  @MethodSource("evFiles")
  void reportsExactlyWhatIsWrongInEachEvSample(String name) throws IOException {
    List<String> expected = new ArrayList<>();
    for (String line : new String(resource("/examples/dent-ev-charging/expected-violations.txt"),
        StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.split(" ");
      if (!line.startsWith("#") && parts[0].equals(name + ".json")) {
        expected.add(parts[1] + " " + parts[2]);
      }
    }
    List<Violation> found = validator.validate(codec.readTree(resource("/examples/dent-ev-charging/" + name + ".json")));
    assertThat(found).extracting(v -> v.pointer() + " " + keyword(v)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(found).allSatisfy(v -> assertThat(v.code()).isEqualTo("30000"));
  }

  @ParameterizedTest
  @MethodSource("storageFiles")
  void storageWorkedMessagesAreValidBeckn(String name) throws IOException {
    assertThat(validator.validate(codec.readTree(resource("/examples/dent-energy-storage/" + name + ".json"))))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "/context/message_id | \"not-a-uuid\" | format",
      "/context/transaction_id | \"6f1c2a9e-5d4b-4c1e-9a0f-3b2d7e8f9a1\" | format",
      "/context/timestamp | \"2026-13-30T09:00:00Z\" | format",
      "/context/bap_uri | \"not a uri\" | format",
      "/context/ttl | 30 | type",
      "/message/intent/item/price/maximum_value | \"fifteen hundred\" | pattern",
      "/message/intent/fulfillment/stops/0/location/circle/gps | \"91.0,77.59\" | pattern",
  })
  void reportsEachBrokenFieldAtItsPointer(String pointer, String json, String keyword) throws IOException {
    ObjectNode tree = (ObjectNode) codec.readTree(resource("/examples/dent-energy-storage/01-search.json"));
    set(tree, pointer, codec.mapper().readTree(json));
    assertThat(schema.validate(tree, Action.SEARCH)).extracting(Violation::pointer, SchemaValidatorTest::keyword)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, keyword));
  }

  @Test
  void emailIsCheckedAsAnRfc5321Mailbox() throws IOException {
    ObjectNode tree = (ObjectNode) codec.readTree(resource("/examples/dent-energy-storage/05-init.json"));
    assertThat(validator.validate(tree)).isEmpty(); // accounts@sunfield.example is a valid mailbox
    set(tree, "/message/order/billing/email", codec.mapper().getNodeFactory().stringNode("accounts.sunfield"));
    assertThat(schema.validate(tree, Action.INIT)).extracting(Violation::pointer).containsExactly("/message/order/billing/email");
  }

  @Test
  void missingRequiredMemberIsReportedAtItsParent() throws IOException {
    ObjectNode tree = (ObjectNode) codec.readTree(resource("/examples/dent-energy-storage/03-select.json"));
    ((ObjectNode) tree.get("message")).remove("order");
    List<Violation> found = schema.validate(tree, Action.SELECT);
    assertThat(found).extracting(Violation::pointer).containsExactly("/message");
    assertThat(found.get(0).message()).contains("order");
  }

  @Test
  void envelopeProblemsAreViolationsNotExceptions() {
    assertThat(validator.validate(codec.readTree("{\"message\":{}}".getBytes(StandardCharsets.UTF_8))))
        .extracting(Violation::pointer).containsExactly("/context");
    assertThat(validator.validate(codec.readTree("{\"context\":{\"action\":\"buy\"},\"message\":{}}"
        .getBytes(StandardCharsets.UTF_8)))).extracting(Violation::pointer, Violation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/context/action",
            "context.action 'buy' is not a DENT action"));
  }

  @Test
  void validatesAgainstTheEndpointActionWhenGiven() throws IOException {
    JsonNode search = codec.readTree(resource("/examples/dent-energy-storage/01-search.json"));
    // a search body posted to /select: the action enum and the required order both fail
    assertThat(validator.validate(search, Action.SELECT)).extracting(Violation::pointer)
        .contains("/context/action", "/message");
  }

  @Test
  void checkThrowsWithEveryViolation() throws IOException {
    JsonNode onCancel = codec.readTree(resource("/examples/dent-ev-charging/on_cancel.json"));
    try {
      validator.check(onCancel);
      throw new AssertionError("expected a ValidationException");
    } catch (ValidationException e) {
      assertThat(e.code()).isEqualTo("30000");
      assertThat(e.violations()).hasSize(8);
      assertThat(e.paths()).contains("/message/order/status", "/message/order/payments/0/type");
    }
  }

  static String keyword(Violation v) {
    String m = v.message();
    return m.substring(m.lastIndexOf('(') + 1, m.lastIndexOf(')'));
  }

  static void set(ObjectNode root, String pointer, JsonNode value) {
    String[] parts = pointer.substring(1).split("/");
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
    }
    ((ObjectNode) node).set(parts[parts.length - 1], value);
  }
}
