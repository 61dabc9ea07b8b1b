package org.dent.examples.demo;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the demo's story: readable text for people, or one JSON object per event for scripts ({@code --json}).
 * Every event carries its {@code step}; text mode prints the prepared text instead.
 */
final class Narrator {
  /** Keys sorted everywhere, so two runs with the same seed print the same structure. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final PrintWriter out;
  private final boolean json;

  Narrator(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** An event: JSON mode prints {@code {"step":..., fields...}}, text mode prints {@code text}. */
  void event(String step, Map<String, ?> fields, String text) {
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("step", step);
      all.putAll(fields);
      out.println(JSON.writeValueAsString(all));
    } else if (!text.isEmpty()) {
      out.print(text.endsWith("\n") ? text : text + "\n");
    }
    out.flush();
  }

  /** A heading in text mode; nothing in JSON mode. */
  void heading(String text) {
    if (!json) {
      out.println();
      out.println("== " + text);
      out.flush();
    }
  }
}
