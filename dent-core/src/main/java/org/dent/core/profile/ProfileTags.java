package org.dent.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The tag plumbing of the profile in one place, so that no other code walks {@code tags[].list[]} by hand:
 * finding a profile group in a {@code tags} array, reading one value, building a group in the table's code order
 * (the order of the worked messages) and putting a group into an array in place. Model tag groups are
 * {@link org.dent.core.model.TagGroup}; {@link TagGroup} is the profile's table.
 */
public final class ProfileTags {
  private ProfileTags() {}

  /** Index of the first group in {@code tags} whose {@code descriptor.code} is {@code group}'s, or -1. */
  public static int indexOf(@Nullable List<org.dent.core.model.TagGroup> tags, TagGroup group) {
    if (tags == null) {
      return -1;
    }
    for (int i = 0; i < tags.size(); i++) {
      if (group.code().equals(codeOf(tags.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  /** The first group in {@code tags} with {@code group}'s code, or null when there is none. */
  public static org.dent.core.model.@Nullable TagGroup find(@Nullable List<org.dent.core.model.TagGroup> tags,
      TagGroup group) {
    int i = indexOf(tags, group);
    return i < 0 ? null : tags.get(i);
  }

  /** The value of the first tag coded {@code code} in {@code group}, or null (no check of any kind). */
  public static @Nullable String value(org.dent.core.model.@Nullable TagGroup group, String code) {
    if (group == null || group.list() == null) {
      return null;
    }
    for (Tag t : group.list()) {
      if (t != null && t.descriptor() != null && code.equals(t.descriptor().code())) {
        return t.value();
      }
    }
    return null;
  }

  /** The value of {@code code} in the first {@code group} of {@code tags}, or null (no check of any kind). */
  public static @Nullable String value(@Nullable List<org.dent.core.model.TagGroup> tags, TagGroup group,
      String code) {
    return value(find(tags, group), code);
  }

  /**
   * Checks and reads the first {@code group} of {@code tags}, empty when there is none. Pointers are
   * {@code /tags/<index>/…}: relative to the object whose {@code tags} member {@code tags} is.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static Optional<TagReader> read(@Nullable List<org.dent.core.model.TagGroup> tags, TagGroup group) {
    int i = indexOf(tags, group);
    return i < 0 ? Optional.empty() : Optional.of(TagReader.of(group, tags.get(i), "/tags/" + i));
  }

  /**
   * A model tag group {@code {descriptor{code}, list[{descriptor{code}, value}…]}} with the given values, in the
   * table's code order whatever the map's order. Null values are left out.
   *
   * @throws IllegalArgumentException when a code is not one of {@code group}'s
   */
  public static org.dent.core.model.TagGroup group(TagGroup group, Map<String, @Nullable String> codeToValue) {
    for (String code : codeToValue.keySet()) {
      if (group.tag(code).isEmpty()) {
        throw new IllegalArgumentException("tag group " + group.code() + " has no code " + code);
      }
    }
    List<Tag> list = new ArrayList<>();
    for (TagSpec spec : group.tags()) {
      String v = codeToValue.get(spec.code());
      if (v != null) {
        list.add(Tag.builder().descriptor(code(spec.code())).value(v).build());
      }
    }
    return org.dent.core.model.TagGroup.builder().descriptor(code(group.code())).list(list).build();
  }

  /**
   * {@code tags} with {@code group} in place of the first group of the same code, or appended when there is none;
   * a new unmodifiable list, {@code tags} is not changed.
   */
  public static List<org.dent.core.model.TagGroup> put(@Nullable List<org.dent.core.model.TagGroup> tags,
      org.dent.core.model.TagGroup group) {
    Objects.requireNonNull(group, "group");
    List<org.dent.core.model.TagGroup> out = new ArrayList<>(tags == null ? List.of() : tags);
    String code = codeOf(group);
    for (int i = 0; i < out.size(); i++) {
      if (code != null && code.equals(codeOf(out.get(i)))) {
        out.set(i, group);
        return Collections.unmodifiableList(out);
      }
    }
    out.add(group);
    return Collections.unmodifiableList(out);
  }

  private static @Nullable String codeOf(org.dent.core.model.@Nullable TagGroup g) {
    return g == null || g.descriptor() == null ? null : g.descriptor().code();
  }

  private static Descriptor code(String code) {
    return Descriptor.builder().code(code).build();
  }
}
