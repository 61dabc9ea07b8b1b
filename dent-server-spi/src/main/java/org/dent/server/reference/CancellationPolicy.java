package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.profile.view.StorageState;
import org.dent.core.units.TimeWindow;

/**
 * When a contract may be cancelled and what it costs. Cancelling is free until {@link #freeUntilBeforeStart}
 * before the window starts ({@code cancel_by}); after that a contract that is {@code RESERVED} or {@code HOLDING}
 * may be cancelled for {@link #fee}, and one that is {@code CHARGING} or {@code DISCHARGING} only when
 * {@link #allowDuringTransfer} (otherwise {@code 50001}). A contract that already ended cannot be cancelled.
 *
 * <p>What a cancellation bills: before {@code cancel_by} nothing (a {@code cancellation-fee} line of zero); after it
 * the contract as booked (capacity for the whole window, fixed fee, metered energy), plus the fee, with the residual
 * energy settled per the asset's {@link ResidualTerms}.
 *
 * @param freeUntilBeforeStart how long before the window start free cancellation ends (zero: until the start)
 * @param fee the fee after {@code cancel_by}, in the asset's currency, not negative
 * @param allowDuringTransfer whether a running transfer may be cancelled (it is stopped where it is)
 */
public record CancellationPolicy(Duration freeUntilBeforeStart, BigDecimal fee, boolean allowDuringTransfer) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException for a negative duration or fee
   */
  public CancellationPolicy {
    Objects.requireNonNull(freeUntilBeforeStart, "freeUntilBeforeStart");
    Objects.requireNonNull(fee, "fee");
    if (freeUntilBeforeStart.isNegative() || fee.signum() < 0) {
      throw new IllegalArgumentException("cancellation terms need a duration and a fee >= 0");
    }
  }

  /** The end of free cancellation for a contract over {@code window}. */
  public Instant cancelBy(TimeWindow window) {
    return window.start().minus(freeUntilBeforeStart);
  }

  /** The fee for cancelling at {@code now} in {@code state}, empty when the terms refuse it. */
  public Optional<BigDecimal> feeAt(StorageState state, Instant now, TimeWindow window) {
    if (state.isFinal()
        || (state == StorageState.CHARGING || state == StorageState.DISCHARGING) && !allowDuringTransfer) {
      return Optional.empty();
    }
    return Optional.of(now.isBefore(cancelBy(window)) ? BigDecimal.ZERO : fee);
  }
}
