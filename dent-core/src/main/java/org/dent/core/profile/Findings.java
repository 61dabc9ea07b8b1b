package org.dent.core.profile;

import java.util.ArrayList;
import java.util.List;
import org.dent.core.error.Violation;
import tools.jackson.databind.JsonNode;

/** Collects violations while one message is checked, and the small tree and pointer helpers the checks share. */
final class Findings {
  private final List<Violation> violations = new ArrayList<>();

  void add(String pointer, String message) {
    violations.add(Violation.of(pointer, message));
  }

  List<Violation> toList() {
    return List.copyOf(violations);
  }

  /** Adds a violation at a tag value's pointer, building the pointer now. */
  void add(ValuePointer at, String message) {
    add(at.toString(), message);
  }

  /**
   * Where a tag's value is, {@code <listPointer>/<index>/value}, as a string only when a violation is reported
   * there: most values are fine, and building a pointer for each was a large part of what validation allocated.
   */
  record ValuePointer(String listPointer, int index) {
    @Override
    public String toString() {
      return child(listPointer, index) + "/value";
    }
  }

  /** RFC 6901: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  static String child(String pointer, String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return pointer + "/" + key;
    }
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** The string value of a member, or null when it is absent or not a string (type errors are the schema's). */
  static String text(JsonNode node, String member) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(member);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  /** {@code node.descriptor.code} as a string, or null. */
  static String descriptorCode(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return text(node.get("descriptor"), "code");
  }

  /** True when {@code member} is not there at all (JSON null is a wrong type, for the schema to report). */
  static boolean absent(JsonNode node, String member) {
    return node.get(member) == null;
  }

  /**
   * True when a timestamp that {@link org.dent.core.units.WireTime#parseInstant} already accepted is in UTC
   * ({@code Z}); the same answer as {@code WireTime.isUtc} without parsing the text a second time.
   */
  static boolean zulu(String parsedTimestamp) {
    char last = parsedTimestamp.charAt(parsedTimestamp.length() - 1);
    return last == 'Z' || last == 'z';
  }

  static String joinOr(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
  }
}
