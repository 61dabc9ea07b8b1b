package org.dent.conformance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Adjusts the worked messages' fixed dates to windows in the near future of the run. */
final class Templates {
  private Templates() {}

  /** The worked messages' storage window starts here; every time in them is moved by the same amount. */
  static final Instant WORKED_WINDOW_START = Instant.parse("2026-12-01T10:00:00Z");

  /** Tomorrow 10:00 UTC, relative to the clock. */
  static Instant nextWindowStart(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
  }

  /** Moves every {@code time.range} of the message so its windows start tomorrow 10:00 UTC. */
  static ObjectNode shiftWindows(ObjectNode message, Clock clock) {
    Duration shift = Duration.between(WORKED_WINDOW_START, nextWindowStart(clock));
    shift(message.get("message"), shift);
    return message;
  }

  private static void shift(JsonNode node, Duration shift) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode range = node.get("range");
      if (range != null && range.isObject()) {
        for (String field : new String[] {"start", "end"}) {
          JsonNode v = range.get(field);
          if (v != null && v.isString()) {
            ((ObjectNode) range).put(field, Instant.parse(v.asString()).plus(shift).toString());
          }
        }
      }
      for (JsonNode child : node.values()) {
        shift(child, shift);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node.values()) {
        shift(child, shift);
      }
    }
  }
}
