package org.dent.client.correlation;

import org.dent.core.error.DentException;
import org.dent.core.error.ErrorPaths;
import org.dent.core.model.BecknError;
import org.dent.core.model.BecknMessage;

/**
 * The BPP answered with a callback that carries {@code error} (capacity gone, quote expired, transfer refused...):
 * the business refusal, with the BPP's code ({@code 40002}, {@code 50002}, ...), message and paths, and the whole
 * callback for anything else it carried.
 */
public class CallbackErrorException extends DentException {
  private static final long serialVersionUID = 1L;

  private final transient BecknMessage callback;

  public CallbackErrorException(BecknMessage callback) {
    super(code(callback.error()), message(callback), ErrorPaths.split(callback.error().paths()), null);
    this.callback = callback;
  }

  /** The callback that carried the error. */
  public BecknMessage callback() {
    return callback;
  }

  private static String code(BecknError e) {
    return e.code() == null ? "UNKNOWN" : e.code();
  }

  private static String message(BecknMessage callback) {
    BecknError e = callback.error();
    return callback.action().wireName() + " from " + callback.context().bppId() + ": "
        + (e.message() == null ? "error " + e.code() : e.message());
  }

}
