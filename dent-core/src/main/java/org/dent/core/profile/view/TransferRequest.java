package org.dent.core.profile.view;

import java.time.Duration;
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
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * A BAP's request to store or retrieve energy: tag group {@code transfer-request} on a fulfillment of an
 * {@code update} with target {@code order.fulfillments} (worked message {@code 09-update}).
 *
 * @param direction charge or discharge
 * @param energy energy to move, positive
 * @param power power to move it at, positive whatever the direction
 * @param start when the transfer starts
 */
public record TransferRequest(TransferDirection direction, Energy energy, Power power, Instant start)
    implements TagView {
  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) unless energy and power are positive and the start
   *     falls in the years 0000 to 9999
   */
  public TransferRequest {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(start, "start");
    Wire.writable(start, "", "transfer start");
    Wire.check(energy.isPositive(), "", "transfer energy must be positive");
    Wire.check(power.isPositive(), "", "transfer power must be positive");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static TransferRequest from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.TRANSFER_REQUEST, group, TransferRequest::read);
  }

  /**
   * Reads the first {@code transfer-request} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<TransferRequest> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.TRANSFER_REQUEST, TransferRequest::read);
  }

  private static TransferRequest read(TagReader r) {
    return new TransferRequest(TransferDirection.fromCode(r.text("direction")), r.energy("energy"),
        r.power("power"), r.instant("start"));
  }

  /**
   * How long the transfer takes at {@link #power()}, rounded to the nanosecond.
   *
   * @throws ProfileException when that is longer than a {@link Duration} holds
   */
  public Duration duration() {
    try {
      return energy.dividedBy(power);
    } catch (ArithmeticException e) {
      throw new ProfileException("", "transfer of " + energy + " at " + power + " takes too long");
    }
  }

  /**
   * When the transfer ends at {@link #power()}: {@code start + duration()}.
   *
   * @throws ProfileException when that is after the year 9999
   */
  public Instant end() {
    Duration d = duration();
    Wire.check(Duration.between(start, Wire.LAST).compareTo(d) >= 0, "",
        "transfer of " + energy + " at " + power + " would end after the year 9999");
    return start.plus(d);
  }

  /**
   * The schedule that runs this request as asked, ending at {@link #end()}.
   *
   * @throws ProfileException when the end is after the year 9999
   */
  public TransferSchedule toSchedule() {
    return new TransferSchedule(direction, energy, power, start, end());
  }

  @Override
  public TagGroup group() {
    return TagGroup.TRANSFER_REQUEST;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    return ProfileTags.group(TagGroup.TRANSFER_REQUEST, values(direction, energy, power, start));
  }

  static Map<String, String> values(TransferDirection direction, Energy energy, Power power, Instant start) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("direction", direction.code());
    v.put("energy", energy.format());
    v.put("power", power.format());
    v.put("start", WireTime.format(start));
    return v;
  }
}
