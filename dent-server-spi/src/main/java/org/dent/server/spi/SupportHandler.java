package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.OnSupportCallback;
import org.dent.core.model.SupportRequest;

/** Answers support requests with contact details. */
public interface SupportHandler {
  /** Support contacts for the order or transaction. */
  default OnSupportCallback.Message support(SupportRequest request, RequestContext context) {
    throw new NotImplementedException(Action.SUPPORT);
  }
}
