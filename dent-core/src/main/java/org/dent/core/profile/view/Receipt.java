package org.dent.core.profile.view;

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
import org.jspecify.annotations.Nullable;

/**
 * The account of one finished transfer: tag group {@code storage-receipt} on a fulfillment (worked message
 * {@code 13-on_status_push}). Carries {@code energy-in} (a charge) or {@code energy-out} (a discharge) or both.
 *
 * @param direction which transfer this accounts for; null when not stated (it is not in the DESIGN.md table)
 * @param energyIn energy received from the BAP; null for a discharge; not negative
 * @param energyOut energy delivered to the BAP; null for a charge; not negative
 * @param losses conversion losses of the transfer; null when not stated; not negative
 * @param storedEnergy energy held for the contract after the transfer, not negative
 */
public record Receipt(@Nullable TransferDirection direction, @Nullable Energy energyIn, @Nullable Energy energyOut,
    @Nullable Energy losses, Energy storedEnergy) implements TagView {
  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) when an energy is negative or neither
   *     {@code energyIn} nor {@code energyOut} is given
   */
  public Receipt {
    Objects.requireNonNull(storedEnergy, "storedEnergy");
    Wire.check(energyIn != null || energyOut != null, "", "a storage receipt needs energy-in or energy-out");
    for (Energy e : new Energy[] {energyIn, energyOut, losses, storedEnergy}) {
      Wire.check(e == null || !e.isNegative(), "", "receipt energies must not be negative");
    }
  }

  /** The receipt of a charge. */
  public static Receipt charge(Energy energyIn, @Nullable Energy losses, Energy storedEnergy) {
    return new Receipt(TransferDirection.CHARGE, energyIn, null, losses, storedEnergy);
  }

  /** The receipt of a discharge. */
  public static Receipt discharge(Energy energyOut, @Nullable Energy losses, Energy storedEnergy) {
    return new Receipt(TransferDirection.DISCHARGE, null, energyOut, losses, storedEnergy);
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static Receipt from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.STORAGE_RECEIPT, group, Receipt::read);
  }

  /**
   * Reads the first {@code storage-receipt} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<Receipt> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.STORAGE_RECEIPT, Receipt::read);
  }

  private static Receipt read(TagReader r) {
    String d = r.text("direction");
    return new Receipt(d == null ? null : TransferDirection.fromCode(d), r.energy("energy-in"),
        r.energy("energy-out"), r.energy("losses"), r.energy("stored-energy"));
  }

  @Override
  public TagGroup group() {
    return TagGroup.STORAGE_RECEIPT;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("direction", direction == null ? null : direction.code());
    v.put("energy-in", energyIn == null ? null : energyIn.format());
    v.put("energy-out", energyOut == null ? null : energyOut.format());
    v.put("losses", losses == null ? null : losses.format());
    v.put("stored-energy", storedEnergy.format());
    return ProfileTags.group(TagGroup.STORAGE_RECEIPT, v);
  }
}
