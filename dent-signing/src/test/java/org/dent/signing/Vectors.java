package org.dent.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads {@code vectors-public.json} from the test classpath. */
final class Vectors {
  private static final JsonNode ROOT = load();

  private Vectors() {}

  private static JsonNode load() {
    try (InputStream in = Vectors.class.getResourceAsStream("vectors-public.json")) {
      if (in == null) {
        throw new IllegalStateException("vectors-public.json missing from the test classpath");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> all() {
    List<JsonNode> out = new ArrayList<>();
    ROOT.get("vectors").forEach(out::add);
    return out;
  }

  static JsonNode byId(String id) {
    for (JsonNode v : ROOT.get("vectors")) {
      if (v.get("id").asString().equals(id)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no vector " + id);
  }

  static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || !n.isString()) {
      throw new IllegalArgumentException("vector field " + field + " missing or not a string");
    }
    return n.asString();
  }

  static byte[] b64(JsonNode node, String field) {
    return Base64.getDecoder().decode(text(node, field));
  }

  static byte[] body(JsonNode v) {
    return text(v, "body_utf8").getBytes(StandardCharsets.UTF_8);
  }
}
