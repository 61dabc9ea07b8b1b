package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.jspecify.annotations.Nullable;

/**
 * The asset behind a storage offer: tag group {@code storage-spec} on catalog items, echoed on order items
 * (worked messages {@code 02-on_search}, {@code 08-on_confirm}).
 *
 * @param technology e.g. {@code LFP}; null when not stated
 * @param capacity nameplate capacity, positive
 * @param maxChargePower charge rating, positive
 * @param maxDischargePower discharge rating, positive
 * @param roundTripEfficiency in (0, 1]; energy in is stored at its square root and withdrawn at the same factor
 * @param selfDischargePerDay fraction of stored energy lost per day while holding, in [0, 1]; null when not stated
 * @param minSoc lowest state of charge of the asset (fraction of capacity); null means 0
 * @param maxSoc highest state of charge of the asset; null means 1; above {@code minSoc}
 * @param slotGranularity windows start and end on multiples of this, positive
 */
public record StorageSpec(@Nullable String technology, Energy capacity, Power maxChargePower,
    Power maxDischargePower, BigDecimal roundTripEfficiency, @Nullable BigDecimal selfDischargePerDay,
    @Nullable StateOfCharge minSoc, @Nullable StateOfCharge maxSoc, Duration slotGranularity) implements TagView {
  /**
   * Validates the table's rules.
   *
   * @throws ProfileException (pointer {@code ""}, the group) when a rule is broken
   */
  public StorageSpec {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(maxChargePower, "maxChargePower");
    Objects.requireNonNull(maxDischargePower, "maxDischargePower");
    Objects.requireNonNull(roundTripEfficiency, "roundTripEfficiency");
    Objects.requireNonNull(slotGranularity, "slotGranularity");
    Wire.check(capacity.isPositive(), "", "capacity must be positive");
    Wire.check(maxChargePower.isPositive(), "", "max-charge-power must be positive");
    Wire.check(maxDischargePower.isPositive(), "", "max-discharge-power must be positive");
    Wire.check(roundTripEfficiency.signum() > 0 && roundTripEfficiency.compareTo(BigDecimal.ONE) <= 0, "",
        "round-trip-efficiency must be in (0,1]");
    Wire.check(selfDischargePerDay == null
            || selfDischargePerDay.signum() >= 0 && selfDischargePerDay.compareTo(BigDecimal.ONE) <= 0, "",
        "self-discharge-per-day must be a fraction in [0,1]");
    Wire.check(minSoc == null || maxSoc == null || minSoc.compareTo(maxSoc) < 0, "", "min-soc must be below max-soc");
    Wire.check(!slotGranularity.isNegative() && !slotGranularity.isZero(), "", "slot-granularity must be a positive duration");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static StorageSpec from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.STORAGE_SPEC, group, StorageSpec::read);
  }

  /**
   * Reads the first {@code storage-spec} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<StorageSpec> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.STORAGE_SPEC, StorageSpec::read);
  }

  private static StorageSpec read(TagReader r) {
    return new StorageSpec(r.text("technology"), r.energy("capacity"), r.power("max-charge-power"),
        r.power("max-discharge-power"), r.decimal("round-trip-efficiency"), r.decimal("self-discharge-per-day"),
        r.stateOfCharge("min-soc"), r.stateOfCharge("max-soc"), r.duration("slot-granularity"));
  }

  /** Capacity × (max-soc − min-soc), exact, in the capacity's unit: what contracts on this asset may share. */
  public Energy usableCapacity() {
    BigDecimal high = maxSoc == null ? BigDecimal.ONE : maxSoc.value();
    BigDecimal low = minSoc == null ? BigDecimal.ZERO : minSoc.value();
    return capacity.times(high.subtract(low));
  }

  @Override
  public TagGroup group() {
    return TagGroup.STORAGE_SPEC;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("technology", technology);
    v.put("capacity", capacity.format());
    v.put("max-charge-power", maxChargePower.format());
    v.put("max-discharge-power", maxDischargePower.format());
    v.put("round-trip-efficiency", roundTripEfficiency.toPlainString());
    v.put("self-discharge-per-day", selfDischargePerDay == null ? null : selfDischargePerDay.toPlainString());
    v.put("min-soc", minSoc == null ? null : minSoc.format());
    v.put("max-soc", maxSoc == null ? null : maxSoc.format());
    v.put("slot-granularity", slotGranularity.toString());
    return ProfileTags.group(TagGroup.STORAGE_SPEC, v);
  }
}
