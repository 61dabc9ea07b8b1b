package org.dent.core.profile.view;

import java.time.Instant;
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
import org.dent.core.units.TimeWindow;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * The schedule a BPP accepted for a {@link TransferRequest}: tag group {@code transfer-schedule} on the
 * fulfillment of an {@code on_update} (worked message {@code 10-on_update}). Not in the DESIGN.md §3 table; the
 * profile accepts it as the worked messages use it.
 *
 * @param direction charge or discharge
 * @param energy energy to move, positive
 * @param power power to move it at, positive
 * @param start when the transfer starts
 * @param end when it ends, after {@code start}; null when not stated
 */
public record TransferSchedule(TransferDirection direction, Energy energy, Power power, Instant start,
    @Nullable Instant end) implements TagView {
  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) unless energy and power are positive and
   *     {@code end} follows {@code start}, both in the years 0000 to 9999
   */
  public TransferSchedule {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(start, "start");
    Wire.writable(start, "", "transfer start");
    Wire.check(end == null || !end.isAfter(Wire.LAST), "", "transfer end must fall in the years 0000 to 9999");
    Wire.check(energy.isPositive(), "", "transfer energy must be positive");
    Wire.check(power.isPositive(), "", "transfer power must be positive");
    Wire.check(end == null || end.isAfter(start), "", "transfer end must follow start");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static TransferSchedule from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.TRANSFER_SCHEDULE, group, TransferSchedule::read);
  }

  /**
   * Reads the first {@code transfer-schedule} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<TransferSchedule> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.TRANSFER_SCHEDULE, TransferSchedule::read);
  }

  private static TransferSchedule read(TagReader r) {
    return new TransferSchedule(TransferDirection.fromCode(r.text("direction")), r.energy("energy"),
        r.power("power"), r.instant("start"), r.instant("end"));
  }

  /** The request this schedule answers (the same direction, energy, power and start). */
  public TransferRequest request() {
    return new TransferRequest(direction, energy, power, start);
  }

  /** {@code [start, end)}, empty when no end is stated. */
  public Optional<TimeWindow> window() {
    return end == null ? Optional.empty() : Optional.of(new TimeWindow(start, end));
  }

  @Override
  public TagGroup group() {
    return TagGroup.TRANSFER_SCHEDULE;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = TransferRequest.values(direction, energy, power, start);
    v.put("end", end == null ? null : WireTime.format(end));
    return ProfileTags.group(TagGroup.TRANSFER_SCHEDULE, v);
  }
}
