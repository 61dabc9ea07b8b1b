package org.dent.core.profile;

import tools.jackson.databind.JsonNode;

/**
 * Whether a required part of a message is there: a requirement is reported only when it is {@link #ABSENT}; a
 * {@link #WRONG_TYPE} on the way (including JSON null) is the core schema's to report.
 */
enum Presence {
  PRESENT,
  ABSENT,
  WRONG_TYPE;

  /** Follows {@code path} (member names and array indexes) from {@code start}; the end must be an object. */
  static Presence of(JsonNode start, Object... path) {
    JsonNode node = start;
    for (Object step : path) {
      JsonNode next;
      if (step instanceof Integer index) {
        if (!node.isArray()) {
          return WRONG_TYPE;
        }
        next = index < node.size() ? node.get(index) : null;
      } else {
        if (!node.isObject()) {
          return WRONG_TYPE;
        }
        next = node.get((String) step);
      }
      if (next == null) {
        return ABSENT;
      }
      node = next;
    }
    return node.isObject() ? PRESENT : WRONG_TYPE;
  }

  /** PRESENT if any is present, else WRONG_TYPE if any is, else ABSENT. */
  Presence or(Presence other) {
    if (this == PRESENT || other == PRESENT) {
      return PRESENT;
    }
    return this == WRONG_TYPE || other == WRONG_TYPE ? WRONG_TYPE : ABSENT;
  }

  /** Whether {@code holder.tags[]} carries a group with code {@code group}. */
  static Presence ofGroup(JsonNode holder, TagGroup group) {
    JsonNode tags = holder.get("tags");
    if (tags == null) {
      return ABSENT;
    }
    if (!tags.isArray()) {
      return WRONG_TYPE;
    }
    Presence result = ABSENT;
    for (JsonNode g : tags) {
      String code = Findings.descriptorCode(g);
      if (group.code().equals(code)) {
        return PRESENT;
      }
      if (code == null) {
        result = WRONG_TYPE; // a group without a readable code might be this one
      }
    }
    return result;
  }

  /** Whether some stop of {@code fulfillment.stops[]} has {@code time.range}. */
  static Presence ofStopWindow(JsonNode fulfillment) {
    if (!fulfillment.isObject()) {
      return WRONG_TYPE;
    }
    JsonNode stops = fulfillment.get("stops");
    if (stops == null) {
      return ABSENT;
    }
    if (!stops.isArray()) {
      return WRONG_TYPE;
    }
    Presence result = ABSENT;
    for (JsonNode stop : stops) {
      result = result.or(of(stop, "time", "range"));
    }
    return result;
  }
}
