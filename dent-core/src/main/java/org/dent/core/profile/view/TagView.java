package org.dent.core.profile.view;

import java.util.List;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of one profile tag group. Each implementation reads with {@code static X from(model TagGroup)}
 * (pointers relative to the group) and {@code static Optional<X> in(tags)} (the first such group of a
 * {@code tags} array, pointers {@code /tags/<i>/…}), and writes with {@link #toTagGroup()}, codes in the table's
 * order, so that reading a worked message and writing it back gives the same JSON. Sealed: the profile's table
 * is closed, and so is the set of its views.
 */
public sealed interface TagView permits Alert, AlertThresholds, PricingTerms, Receipt, Settlement, StorageSpec,
    Telemetry, TransferRequest, TransferSchedule {
  /** The profile group this view is. */
  TagGroup group();

  /** The model tag group, codes in the table's order, optional codes left out when null. */
  org.dent.core.model.TagGroup toTagGroup();

  /** {@code tags} with this group in place of the first one of the same code, or appended; a new list. */
  default List<org.dent.core.model.TagGroup> putInto(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return ProfileTags.put(tags, toTagGroup());
  }
}
