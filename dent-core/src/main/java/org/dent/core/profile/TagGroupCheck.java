package org.dent.core.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks one {@code tags[]} array: inside each profile {@link TagGroup}, only known codes, each once, values of
 * the right kind, required codes present, and the few rules that relate two values of one group.
 */
final class TagGroupCheck {
  private TagGroupCheck() {}

  static void checkTags(JsonNode tags, String pointer, Findings out) {
    for (int i = 0; i < tags.size(); i++) {
      JsonNode groupNode = tags.get(i);
      String groupCode = Findings.descriptorCode(groupNode);
      TagGroup group = TagGroup.fromCode(groupCode).orElse(null);
      if (group != null) {
        checkGroup(group, groupNode, Findings.child(pointer, i), out);
      }
    }
  }

  /** Checks one group node whose code is {@code group}; pointers start at {@code pointer}. */
  static void checkGroup(TagGroup group, JsonNode groupNode, String pointer, Findings out) {
    JsonNode list = groupNode.get("list");
    if (list == null || !list.isArray()) {
      if (list == null) {
        requireCodes(group, Map.of(), pointer, out);
      }
      return; // a list of the wrong type is the schema's to report
    }
    String listPointer = Findings.child(pointer, "list");
    Map<String, Object> parsed = new HashMap<>();
    // code -> index in the list; a tag's pointers are built only when something about it is reported
    Map<String, Integer> positions = new HashMap<>();
    boolean unreadable = false; // a tag of the wrong type might be the one a rule looks for
    for (int i = 0; i < list.size(); i++) {
      JsonNode tag = list.get(i);
      if (!tag.isObject()) {
        unreadable = true;
        continue;
      }
      JsonNode descriptor = tag.get("descriptor");
      if (descriptor == null || descriptor.isObject() && Findings.absent(descriptor, "code")) {
        out.add(Findings.child(listPointer, i), "a tag in group " + group.code() + " needs descriptor.code");
        continue;
      }
      String code = Findings.descriptorCode(tag);
      if (code == null) {
        unreadable = true; // wrong type
        continue;
      }
      TagSpec spec = group.tag(code).orElse(null);
      if (spec == null) {
        out.add(Findings.child(listPointer, i) + "/descriptor/code",
            "unknown code \"" + shorten(code) + "\" in tag group " + group.code());
        continue;
      }
      if (positions.containsKey(code)) {
        out.add(Findings.child(listPointer, i) + "/descriptor/code",
            "duplicate code \"" + code + "\" in tag group " + group.code());
        continue;
      }
      positions.put(code, i);
      JsonNode value = tag.get("value");
      if (value == null) {
        out.add(Findings.child(listPointer, i), spec.label() + " needs a value");
        continue;
      }
      if (!value.isString()) {
        continue;
      }
      Object v = TagValues.check(spec, value.stringValue(), listPointer, i, out);
      if (v != null) {
        parsed.put(code, v);
      }
    }
    if (!unreadable) {
      requireCodes(group, positions, pointer, out);
      relate(group, parsed, positions, listPointer, pointer, out);
    }
  }

  /** The pointer of the value of the tag at {@code index}. */
  static String valuePointer(String listPointer, int index) {
    return new Findings.ValuePointer(listPointer, index).toString();
  }

  private static void requireCodes(TagGroup group, Map<String, ?> present, String pointer, Findings out) {
    List<String> missing = new ArrayList<>();
    for (String code : group.requiredCodes()) {
      if (!present.containsKey(code)) {
        missing.add(code);
      }
    }
    if (!missing.isEmpty()) {
      out.add(pointer, "tag group " + group.code() + " needs " + String.join(", ", missing));
    }
  }

  /** Rules between two values of one group; each applies only when both values were read successfully. */
  private static void relate(TagGroup group, Map<String, Object> v, Map<String, Integer> at, String listPointer,
      String pointer, Findings out) {
    switch (group) {
      case STORAGE_SPEC -> below(v, at, listPointer, "min-soc", "max-soc", out);
      case ALERT_THRESHOLDS -> below(v, at, listPointer, "soc-low", "soc-high", out);
      case PRICING -> {
        if (v.get("model") instanceof String model) {
          for (String token : model.split("\\+")) {
            List<String> needs = switch (token) {
              case "capacity-time" -> List.of("capacity-price-per-kwh-day");
              case "energy-throughput" -> List.of("energy-in-price-per-kwh", "energy-out-price-per-kwh");
              default -> List.of("fixed-fee");
            };
            for (String need : needs) {
              if (!at.containsKey(need)) {
                out.add(pointer, "pricing model " + token + " needs " + need);
              }
            }
          }
        }
      }
      case TRANSFER_SCHEDULE -> {
        if (v.get("start") instanceof Instant s && v.get("end") instanceof Instant e && !s.isBefore(e)) {
          out.add(valuePointer(listPointer, at.get("end")), "transfer end must follow start");
        }
      }
      case STORAGE_RECEIPT -> {
        if (!at.containsKey("energy-in") && !at.containsKey("energy-out")) {
          out.add(pointer, "tag group storage-receipt needs energy-in or energy-out");
        }
      }
      case SETTLEMENT -> {
        if ("buy-back".equals(v.get("residual-policy")) && !at.containsKey("buy-back-price-per-kwh")) {
          out.add(pointer, "residual-policy buy-back needs buy-back-price-per-kwh");
        }
      }
      default -> {
        // no rule between values
      }
    }
  }

  private static void below(Map<String, Object> v, Map<String, Integer> at, String listPointer, String low,
      String high, Findings out) {
    if (v.get(low) instanceof BigDecimal l && v.get(high) instanceof BigDecimal h && l.compareTo(h) >= 0) {
      out.add(valuePointer(listPointer, at.get(high)), low + " must be below " + high);
    }
  }

  private static String shorten(String s) {
    return s.length() > 48 ? s.substring(0, 48) + "…" : s;
  }
}
