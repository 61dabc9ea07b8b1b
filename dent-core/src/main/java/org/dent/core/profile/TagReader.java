package org.dent.core.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Tag;
import org.dent.core.units.Decimals;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * Typed reading of one profile tag group held in a model {@link org.dent.core.model.TagGroup}. {@link #of}
 * checks the whole group exactly as the {@link StorageProfileValidator} does (only the table's codes, each once,
 * values of their kind and sign, required codes present, the rules between two values) and throws a
 * {@link ProfileException} listing everything wrong. Afterwards each getter returns a value that passed those
 * checks, or null when the optional code is absent. Asking for a code outside the group, or with a getter of
 * another kind, is a programming error: {@link IllegalArgumentException}. Immutable.
 */
public final class TagReader {
  private final TagGroup group;
  private final String pointer;
  private final Map<String, String> values;
  private final Map<String, Integer> positions;

  private TagReader(TagGroup group, String pointer, Map<String, String> values, Map<String, Integer> positions) {
    this.group = group;
    this.pointer = pointer;
    this.values = values;
    this.positions = positions;
  }

  /**
   * Checks {@code tags} as a {@code group} and returns its reader.
   *
   * @param pointer JSON pointer of {@code tags} itself, put in front of every reported pointer ({@code ""} when
   *     the group is the object being read)
   * @throws ProfileException when the group has another code or breaks any rule of the table
   */
  public static TagReader of(TagGroup group, org.dent.core.model.TagGroup tags, String pointer) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(tags, "tags");
    Descriptor d = tags.descriptor();
    if (d == null || !group.code().equals(d.code())) {
      throw new ProfileException(pointer + "/descriptor/code", "expected tag group " + group.code());
    }
    List<Tag> list = tags.list() == null ? List.of() : tags.list();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new ProfileException(pointer + "/list/" + i, "a tag in group " + group.code() + " is an object");
      }
    }
    Findings out = new Findings();
    TagGroupCheck.checkGroup(group, DentCodec.standard().toTree(tags), pointer, out);
    if (!out.toList().isEmpty()) {
      throw new ProfileException(out.toList());
    }
    Map<String, String> values = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Tag t = list.get(i);
      values.put(t.descriptor().code(), t.value());
      positions.put(t.descriptor().code(), i);
    }
    return new TagReader(group, pointer, Map.copyOf(values), Map.copyOf(positions));
  }

  /** The group read. */
  public TagGroup group() {
    return group;
  }

  /** True when the group carries {@code code}. */
  public boolean has(String code) {
    return values.containsKey(spec(code).code());
  }

  /** Pointer of {@code code}'s value, or of the group itself when the code is absent. */
  public String pointer(String code) {
    Integer i = positions.get(code);
    return i == null ? pointer : pointer + "/list/" + i + "/value";
  }

  /** The raw value of any code (text, enumerations, codes, currency, quantities). */
  public @Nullable String text(String code) {
    return values.get(spec(code).code());
  }

  /** An {@link TagKind#ENERGY} value. */
  public @Nullable Energy energy(String code) {
    String v = raw(code, TagKind.ENERGY);
    return v == null ? null : Energy.parse(v);
  }

  /** A {@link TagKind#POWER} value. */
  public @Nullable Power power(String code) {
    String v = raw(code, TagKind.POWER);
    return v == null ? null : Power.parse(v);
  }

  /** A {@link TagKind#FRACTION}, {@link TagKind#EFFICIENCY}, {@link TagKind#MONEY} or {@link TagKind#DECIMAL}. */
  public @Nullable BigDecimal decimal(String code) {
    String v = raw(code, TagKind.FRACTION, TagKind.EFFICIENCY, TagKind.MONEY, TagKind.DECIMAL);
    return v == null ? null : Decimals.parse(v);
  }

  /** A {@link TagKind#FRACTION} as a state of charge. */
  public @Nullable StateOfCharge stateOfCharge(String code) {
    String v = raw(code, TagKind.FRACTION);
    return v == null ? null : StateOfCharge.parse(v);
  }

  /** A {@link TagKind#DATETIME} value. */
  public @Nullable Instant instant(String code) {
    String v = raw(code, TagKind.DATETIME);
    return v == null ? null : WireTime.parseInstant(v);
  }

  /** A {@link TagKind#DURATION} value. */
  public @Nullable Duration duration(String code) {
    String v = raw(code, TagKind.DURATION);
    return v == null ? null : WireTime.parsePositiveDuration(v);
  }

  /** An {@link TagKind#INTEGER} value. */
  public @Nullable Long integer(String code) {
    String v = raw(code, TagKind.INTEGER);
    return v == null ? null : Long.valueOf(v);
  }

  private @Nullable String raw(String code, TagKind... kinds) {
    TagSpec spec = spec(code);
    for (TagKind k : kinds) {
      if (spec.kind() == k) {
        return values.get(code);
      }
    }
    throw new IllegalArgumentException(group.code() + "." + code + " holds " + spec.kind() + ", not " + kinds[0]);
  }

  private TagSpec spec(String code) {
    return group.tag(code).orElseThrow(
        () -> new IllegalArgumentException("tag group " + group.code() + " has no code " + code));
  }
}
