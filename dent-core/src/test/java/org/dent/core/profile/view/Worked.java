package org.dent.core.profile.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.dent.core.json.DentCodec;
import org.dent.core.model.BecknMessage;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.StorageProfileValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The worked storage messages as trees and typed messages, and a minimal envelope for generated payloads. */
final class Worked {
  static final DentCodec CODEC = DentCodec.standard();
  static final StorageProfileValidator VALIDATOR = new StorageProfileValidator();

  private Worked() {}

  /** The worked message {@code name} (e.g. {@code "01-search"}) parsed by the codec. */
  static JsonNode tree(String name) {
    String path = "/examples/dent-energy-storage/" + name + ".json";
    try (InputStream in = Worked.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return CODEC.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The worked message bound to its record type. */
  @SuppressWarnings("unchecked")
  static <T extends BecknMessage> T message(String name) {
    return (T) CODEC.bind(tree(name));
  }

  /** The JSON tree of a model record. */
  static JsonNode json(Object model) {
    return CODEC.toTree(model);
  }

  /**
   * A storage-profile message of {@code action} whose {@code message} is {@code payload}, written to bytes,
   * parsed back, checked to have no profile violation, and bound to its record.
   */
  @SuppressWarnings("unchecked")
  static <T extends BecknMessage> T viaWire(String action, ObjectNode payload) {
    ObjectNode doc = CODEC.mapper().createObjectNode();
    ObjectNode context = doc.putObject("context");
    context.put("domain", StorageProfile.DOMAIN).put("action", action).put("version", StorageProfile.CORE_VERSION)
        .put("bap_id", "bap.example").put("bap_uri", "https://bap.example/dent")
        .put("transaction_id", "t-1").put("message_id", "m-1").put("timestamp", "2026-11-30T09:00:00Z")
        .put("ttl", "PT30S");
    if (!action.equals("search")) {
      context.put("bpp_id", "bpp.example").put("bpp_uri", "https://bpp.example/dent");
    }
    doc.set("message", payload);
    JsonNode parsed = CODEC.readTree(CODEC.encode(doc));
    var violations = VALIDATOR.validate(parsed);
    if (!violations.isEmpty()) {
      throw new AssertionError("profile violations " + violations + " in " + parsed);
    }
    return (T) CODEC.bind(parsed);
  }

  /** An empty object node to build payloads in. */
  static ObjectNode object() {
    return CODEC.mapper().createObjectNode();
  }
}
