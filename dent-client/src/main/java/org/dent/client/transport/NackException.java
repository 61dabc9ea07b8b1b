package org.dent.client.transport;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorPaths;
import org.dent.core.model.AckResponse;
import org.dent.core.model.BecknError;
import org.jspecify.annotations.Nullable;

/**
 * The receiver refused a message: it answered NACK, or an HTTP 4xx/5xx status after retries ran out. Carries the
 * receiver's {@code error.code}, its {@code error.paths} (JSON pointers) and the HTTP status.
 */
public class NackException extends DentException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public NackException(String code, String message, List<String> paths, int httpStatus) {
    super(code, message, paths, null);
    this.httpStatus = httpStatus;
  }

  /** The NACK a receiver sent back, with the status it came with. */
  public static NackException of(@Nullable AckResponse response, int httpStatus) {
    BecknError error = response == null ? null : response.error();
    String code = error == null || error.code() == null ? "HTTP_" + httpStatus : error.code();
    String message = error == null || error.message() == null ? "NACK (HTTP " + httpStatus + ")" : error.message();
    return new NackException(code, message, ErrorPaths.split(error == null ? null : error.paths()), httpStatus);
  }


  /** HTTP status of the refusal (200 for a NACK in a 200 answer). */
  public int httpStatus() {
    return httpStatus;
  }
}
