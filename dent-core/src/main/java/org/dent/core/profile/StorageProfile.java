package org.dent.core.profile;

import java.util.List;

/**
 * Constants of the DENT energy-storage profile (DESIGN.md §3): its domain, category, the fulfillment states an
 * order moves through, order statuses and the titles of quote lines. Tag groups and their codes are in
 * {@link TagGroup}. Every set here is closed: the {@link StorageProfileValidator} rejects other values.
 */
public final class StorageProfile {
  /** {@code context.domain} of every storage-profile message. */
  public static final String DOMAIN = "dent:energy-storage:0.1.0";

  /** Core Beckn version the profile is written against ({@code context.version}). */
  public static final String CORE_VERSION = "1.1.0";

  /** Category code of storage offers and searches ({@code intent.category.descriptor.code}, item {@code category_ids}). */
  public static final String CATEGORY = "energy-storage";

  /** Fulfillment states, in lifecycle order: RESERVED → CHARGING → HOLDING → DISCHARGING → … → COMPLETED, or CANCELLED. */
  public static final List<String> FULFILLMENT_STATES =
      List.of("RESERVED", "CHARGING", "HOLDING", "DISCHARGING", "COMPLETED", "CANCELLED");

  /** Order statuses: ACTIVE after confirm, COMPLETE at window end, CANCELLED after cancel. */
  public static final List<String> ORDER_STATUSES = List.of("ACTIVE", "COMPLETE", "CANCELLED");

  /** Quote breakup line titles; {@code buy-back-credit} is never positive. */
  public static final List<String> QUOTE_LINE_TITLES = List.of("capacity-reservation", "energy-in", "energy-out",
      "fixed-fee", "cancellation-fee", "buy-back-credit", "tax");

  /** The quote line that carries a credit (zero or negative). */
  public static final String BUY_BACK_CREDIT = "buy-back-credit";

  private StorageProfile() {}
}
