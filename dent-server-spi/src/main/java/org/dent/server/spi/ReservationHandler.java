package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.SelectRequest;

/**
 * The reservation lifecycle: quote ({@code select}), terms ({@code init}), atomic reservation ({@code confirm}) and
 * termination ({@code cancel}). Implement only what you sell; the defaults answer {@code 40001}.
 */
public interface ReservationHandler {
  /** Quotes the selected capacity; may grant less than asked (energy, power, window) and must say so. */
  default OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
    throw new NotImplementedException(Action.SELECT);
  }

  /** Billing, payment and cancellation terms with the final quote. */
  default OnInitCallback.Message init(InitRequest request, RequestContext context) {
    throw new NotImplementedException(Action.INIT);
  }

  /**
   * Reserves atomically: either the whole order is reserved and gets an id, or nothing is ({@code 40002} when the
   * capacity is gone, {@code 40003} when the quote expired).
   */
  default OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
    throw new NotImplementedException(Action.CONFIRM);
  }

  /** Terminates an order under its cancellation terms ({@code 50001} when they refuse). */
  default OnCancelCallback.Message cancel(CancelRequest request, RequestContext context) {
    throw new NotImplementedException(Action.CANCEL);
  }
}
