package org.dent.core.profile.view;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of quote breakup line of the profile ({@code quote.breakup[].title}, DESIGN.md §3), and
 * {@link #OTHER} for titles outside it (kept with their raw title when read; the validator rejects them).
 */
public enum BillLineKind {
  /** Capacity reserved × days × price. */
  CAPACITY_RESERVATION("capacity-reservation"),
  /** Energy stored × price. */
  ENERGY_IN("energy-in"),
  /** Energy retrieved × price. */
  ENERGY_OUT("energy-out"),
  /** The fixed fee. */
  FIXED_FEE("fixed-fee"),
  /** Fee of a cancellation, per the cancellation terms. */
  CANCELLATION_FEE("cancellation-fee"),
  /** Residual energy bought back; never positive. */
  BUY_BACK_CREDIT("buy-back-credit"),
  /** Tax on the charges (not on credits). */
  TAX("tax"),
  /** A title outside the profile. */
  OTHER(null);

  private final @Nullable String title;

  BillLineKind(@Nullable String title) {
    this.title = title;
  }

  /** The wire title; null for {@link #OTHER}. */
  public @Nullable String title() {
    return title;
  }

  /** The kind of a wire title; {@link #OTHER} for titles outside the profile. */
  public static BillLineKind ofTitle(String title) {
    for (BillLineKind k : values()) {
      if (title.equals(k.title)) {
        return k;
      }
    }
    return OTHER;
  }
}
