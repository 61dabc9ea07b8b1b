package org.dent.client.correlation;

import java.util.List;
import org.dent.core.error.DentException;

/** The request's ttl ended before the callback arrived. Code {@code TIMEOUT}. */
public class CallbackTimeoutException extends DentException {
  private static final long serialVersionUID = 1L;

  public CallbackTimeoutException(String message) {
    super("TIMEOUT", message, List.of(), null);
  }
}
