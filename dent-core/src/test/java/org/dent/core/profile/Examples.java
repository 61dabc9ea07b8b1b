package org.dent.core.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Loads the worked storage-profile messages from {@code src/test/resources/examples/dent-energy-storage/}. */
final class Examples {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final List<String> WORKED = List.of("01-search", "02-on_search", "03-select", "04-on_select", "05-init",
      "06-on_init", "07-confirm", "08-on_confirm", "09-update", "10-on_update", "11-status", "12-on_status",
      "13-on_status_push", "14-cancel", "15-on_cancel");

  private Examples() {}

  /** A fresh, mutable copy of a worked message, e.g. {@code load("01-search")} or {@code load("invalid/x")}. */
  static ObjectNode load(String name) {
    return (ObjectNode) MAPPER.readTree(text(name + ".json"));
  }

  static String text(String file) {
    String path = "/examples/dent-energy-storage/" + file;
    try (InputStream in = Examples.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node at an RFC 6901 pointer; fails the test when absent. */
  static JsonNode at(JsonNode root, String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode()) {
      throw new AssertionError("no node at " + pointer);
    }
    return n;
  }

  /** Replaces the value at {@code pointer} (its parent must exist). */
  static void set(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = at(root, pointer.substring(0, slash));
    String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), value);
    } else {
      ((ObjectNode) parent).set(key, value);
    }
  }

  static void set(JsonNode root, String pointer, String value) {
    set(root, pointer, MAPPER.getNodeFactory().stringNode(value));
  }

  /** Removes the member or element at {@code pointer}. */
  static void remove(JsonNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = at(root, pointer.substring(0, slash));
    String key = pointer.substring(slash + 1);
    if (parent.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) parent).remove(Integer.parseInt(key));
    } else {
      ((ObjectNode) parent).remove(key.replace("~1", "/").replace("~0", "~"));
    }
  }
}
