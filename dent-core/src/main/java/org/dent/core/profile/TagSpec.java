package org.dent.core.profile;

import java.util.List;
import java.util.Objects;

/**
 * One tag code of a {@link TagGroup}: its wire code, the {@link TagKind} of its value, the sign its value must
 * have, the values an enumeration allows, whether the group must carry it, and the label used in messages.
 *
 * @param code the tag's {@code descriptor.code}
 * @param kind what the value holds
 * @param sign sign constraint on numeric kinds ({@link Sign#ANY} for the others)
 * @param values allowed values of {@link TagKind#ENUM} / {@link TagKind#ENUM_SET}, known values of
 *     {@link TagKind#CODE}, empty otherwise
 * @param required whether the group is incomplete without this tag
 * @param label how messages name the value, e.g. {@code "transfer energy"}
 */
public record TagSpec(String code, TagKind kind, Sign sign, List<String> values, boolean required, String label) {

  /** Sign constraint on a numeric value. */
  public enum Sign {
    /** Any sign; for flows, positive means into storage. */
    ANY,
    /** Zero or more. */
    NON_NEGATIVE,
    /** Strictly more than zero. */
    POSITIVE
  }

  /** Validates and copies. */
  public TagSpec {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sign, "sign");
    values = List.copyOf(values);
    Objects.requireNonNull(label, "label");
  }

  static TagSpec of(String code, TagKind kind) {
    return new TagSpec(code, kind, Sign.ANY, List.of(), false, code);
  }

  static TagSpec of(String code, TagKind kind, Sign sign) {
    return new TagSpec(code, kind, sign, List.of(), false, code);
  }

  static TagSpec oneOf(String code, TagKind kind, String... values) {
    return new TagSpec(code, kind, Sign.ANY, List.of(values), false, code);
  }

  TagSpec mandatory() {
    return new TagSpec(code, kind, sign, values, true, label);
  }

  TagSpec labelled(String newLabel) {
    return new TagSpec(code, kind, sign, values, required, newLabel);
  }
}
