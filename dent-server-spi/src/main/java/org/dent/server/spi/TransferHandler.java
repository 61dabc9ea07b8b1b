package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.ContractModification;

/**
 * Energy flows and their telemetry: {@code update} (a transfer request, or a change of reserved energy or window),
 * {@code status} and {@code track}. An operator that sells contract changes but writes no {@code update} of its own
 * implements {@link #modify}; the default {@code update} hands it every update that is not a transfer request.
 */
public interface TransferHandler {
  /**
   * Accepts a schedule inside the window and the asset's limits, or refuses with {@code 50002} and a reason token
   * ({@code OUTSIDE_WINDOW}, {@code ABOVE_RESERVED_ENERGY}, {@code INSUFFICIENT_STORED_ENERGY},
   * {@code ABOVE_POWER_RATING}, {@code OFF_GRANULARITY}), leaving the contract untouched.
   *
   * <p>The default hands a modification ({@link ContractModification#isModification}) to {@link #modify} and
   * answers {@code 40001} to anything else. An override that handles transfers only can pass the other updates to
   * {@code TransferHandler.super.update(request, context)}, so a modification gets {@link #modify}'s answer.
   */
  default OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
    if (request.message() != null && ContractModification.isModification(request.message())) {
      return modify(ModificationRequests.read(request.message()), context);
    }
    throw new NotImplementedException(Action.UPDATE);
  }

  /**
   * Changes a live contract's reserved energy and/or window (DESIGN.md §3, "Modify"), all or nothing: re-checks the
   * capacity exactly as at confirm and answers the modified order with its new quote, or refuses leaving the
   * contract untouched ({@code 40002} capacity taken, {@code 50002} with a reason token such as
   * {@code ABOVE_RESERVED_ENERGY} or {@code OUTSIDE_WINDOW}, {@code 30013} beyond the target, {@code 30010}).
   * The default answers {@code 40001}: contract changes are not offered.
   */
  default OnUpdateCallback.Message modify(ContractModification modification, RequestContext context) {
    throw new NotImplementedException(Action.UPDATE, "contract modification (update of "
        + ContractModification.Target.format(modification.targets()) + ")");
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
