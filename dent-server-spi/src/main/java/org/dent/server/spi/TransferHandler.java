package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;

/**
 * Energy flows and their telemetry: {@code update} (a transfer request, or a change of reserved energy or window),
 * {@code status} and {@code track}.
 */
public interface TransferHandler {
  /**
   * Accepts a schedule inside the window and the asset's limits, or refuses with {@code 50002} and a reason token
   * ({@code OUTSIDE_WINDOW}, {@code ABOVE_RESERVED_ENERGY}, {@code INSUFFICIENT_STORED_ENERGY},
   * {@code ABOVE_POWER_RATING}, {@code OFF_GRANULARITY}), leaving the contract untouched.
   */
  default OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
    throw new NotImplementedException(Action.UPDATE);
  }

  /** The order with its current state and telemetry. */
  default OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
    throw new NotImplementedException(Action.STATUS);
  }

  /** Tracking of the order. */
  default OnTrackCallback.Message track(TrackRequest request, RequestContext context) {
    throw new NotImplementedException(Action.TRACK);
  }
}
