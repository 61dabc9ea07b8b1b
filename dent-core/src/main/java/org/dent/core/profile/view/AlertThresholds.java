package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.StateOfCharge;
import org.jspecify.annotations.Nullable;

/**
 * The state-of-charge alert thresholds a BAP asks for, as fractions of the contract: tag group
 * {@code alert-thresholds} on the order (sent with {@code init}, echoed after; worked message {@code 08-on_confirm}).
 * Absent values default to {@link #DEFAULT_HIGH} and {@link #DEFAULT_LOW}.
 *
 * @param socHigh alert when the state of charge rises above this; null for the default
 * @param socLow alert when it falls below this; null for the default
 */
public record AlertThresholds(@Nullable StateOfCharge socHigh, @Nullable StateOfCharge socLow) implements TagView {
  /** {@code soc-high} when not stated: 0.9. */
  public static final StateOfCharge DEFAULT_HIGH = StateOfCharge.of(new BigDecimal("0.9"));
  /** {@code soc-low} when not stated: 0.1. */
  public static final StateOfCharge DEFAULT_LOW = StateOfCharge.of(new BigDecimal("0.1"));
  /** Neither threshold stated: the defaults apply. */
  public static final AlertThresholds DEFAULTS = new AlertThresholds(null, null);

  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) when both are given and {@code socLow} is not below
   *     {@code socHigh}
   */
  public AlertThresholds {
    Wire.check(socHigh == null || socLow == null || socLow.compareTo(socHigh) < 0, "",
        "soc-low must be below soc-high");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static AlertThresholds from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.ALERT_THRESHOLDS, group, AlertThresholds::read);
  }

  /**
   * Reads the first {@code alert-thresholds} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<AlertThresholds> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.ALERT_THRESHOLDS, AlertThresholds::read);
  }

  private static AlertThresholds read(TagReader r) {
    return new AlertThresholds(r.stateOfCharge("soc-high"), r.stateOfCharge("soc-low"));
  }

  /** The high threshold in force: {@link #socHigh()} or the default 0.9. */
  public StateOfCharge high() {
    return socHigh == null ? DEFAULT_HIGH : socHigh;
  }

  /** The low threshold in force: {@link #socLow()} or the default 0.1. */
  public StateOfCharge low() {
    return socLow == null ? DEFAULT_LOW : socLow;
  }

  @Override
  public TagGroup group() {
    return TagGroup.ALERT_THRESHOLDS;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("soc-high", socHigh == null ? null : socHigh.format());
    v.put("soc-low", socLow == null ? null : socLow.format());
    return ProfileTags.group(TagGroup.ALERT_THRESHOLDS, v);
  }
}
