package org.dent.core.profile.view;

import java.time.Instant;
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
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * Live state of one storage contract: tag group {@code storage-telemetry} on the fulfillment of an
 * {@code on_status}/{@code on_track} (worked messages {@code 12-on_status}, {@code 13-on_status_push}).
 *
 * @param storedEnergy energy held for the contract now, not negative
 * @param withdrawableEnergy what a discharge could deliver now; null when not stated; not negative
 * @param soc stored energy ÷ reserved energy of the contract
 * @param power current flow, signed: positive into storage (charging), negative out; null when not stated
 * @param seq monotonic sequence number of the reading, not negative
 * @param measuredAt when the reading was taken
 */
public record Telemetry(Energy storedEnergy, @Nullable Energy withdrawableEnergy, StateOfCharge soc,
    @Nullable Power power, long seq, Instant measuredAt) implements TagView {
  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) when an energy or {@code seq} is negative or the
   *     time is outside the years 0000 to 9999
   */
  public Telemetry {
    Objects.requireNonNull(storedEnergy, "storedEnergy");
    Objects.requireNonNull(soc, "soc");
    Objects.requireNonNull(measuredAt, "measuredAt");
    Wire.writable(measuredAt, "", "measured-at");
    Wire.check(!storedEnergy.isNegative(), "", "stored-energy must not be negative");
    Wire.check(withdrawableEnergy == null || !withdrawableEnergy.isNegative(), "",
        "withdrawable-energy must not be negative");
    Wire.check(seq >= 0, "", "seq must be a non-negative integer");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static Telemetry from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.STORAGE_TELEMETRY, group, Telemetry::read);
  }

  /**
   * Reads the first {@code storage-telemetry} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<Telemetry> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.STORAGE_TELEMETRY, Telemetry::read);
  }

  private static Telemetry read(TagReader r) {
    return new Telemetry(r.energy("stored-energy"), r.energy("withdrawable-energy"), r.stateOfCharge("soc"),
        r.power("power"), r.integer("seq"), r.instant("measured-at"));
  }

  @Override
  public TagGroup group() {
    return TagGroup.STORAGE_TELEMETRY;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("stored-energy", storedEnergy.format());
    v.put("withdrawable-energy", withdrawableEnergy == null ? null : withdrawableEnergy.format());
    v.put("soc", soc.format());
    v.put("power", power == null ? null : power.format());
    v.put("seq", Long.toString(seq));
    v.put("measured-at", WireTime.format(measuredAt));
    return ProfileTags.group(TagGroup.STORAGE_TELEMETRY, v);
  }
}
