package org.dent.server.store;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * The store could not be read or written (database down, pool exhausted, a migration failed). Carries {@code
 * 40000}: the request may be retried later. The message never holds a credential or personal data.
 */
public final class StoreException extends DentException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(ErrorCode.OVERLOADED.code(), message, List.of(), cause);
  }
}
