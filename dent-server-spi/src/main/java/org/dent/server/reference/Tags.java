package org.dent.server.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Tag;
import org.dent.core.model.TagGroup;
import org.jspecify.annotations.Nullable;

/** Reads and writes profile tag groups on model objects ({@code {descriptor{code}, list[{descriptor{code}, value}]}}). */
final class Tags {
  private Tags() {}

  /** A group from alternating code, value pairs; null values are left out. */
  static TagGroup group(String code, @Nullable String... codeValues) {
    List<Tag> list = new ArrayList<>();
    for (int i = 0; i + 1 < codeValues.length; i += 2) {
      if (codeValues[i + 1] != null) {
        list.add(Tag.builder().descriptor(Descriptor.builder().code(codeValues[i]).build())
            .value(codeValues[i + 1]).build());
      }
    }
    return TagGroup.builder().descriptor(Descriptor.builder().code(code).build()).list(list).build();
  }

  /** The first group with {@code code} in {@code groups}, or null. */
  static @Nullable TagGroup find(@Nullable List<TagGroup> groups, String code) {
    if (groups == null) {
      return null;
    }
    for (TagGroup g : groups) {
      if (g != null && g.descriptor() != null && code.equals(g.descriptor().code())) {
        return g;
      }
    }
    return null;
  }

  /** The index of the first group with {@code code}, or -1. */
  static int indexOf(@Nullable List<TagGroup> groups, String code) {
    TagGroup g = find(groups, code);
    return g == null ? -1 : groups.indexOf(g);
  }

  /** The values of a group by code (first occurrence wins), empty for null. */
  static Map<String, String> values(@Nullable TagGroup group) {
    Map<String, String> out = new LinkedHashMap<>();
    if (group != null && group.list() != null) {
      for (Tag t : group.list()) {
        if (t != null && t.descriptor() != null && t.descriptor().code() != null && t.value() != null) {
          out.putIfAbsent(t.descriptor().code(), t.value());
        }
      }
    }
    return out;
  }
}
