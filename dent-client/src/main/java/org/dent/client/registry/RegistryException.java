package org.dent.client.registry;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A Beckn registry could not answer a lookup: it was unreachable, answered a non-2xx status, or sent a body that is
 * not a JSON array of subscriptions. This is never a verdict on a signature: a receiver that meets it while
 * resolving a key cannot tell whether the sender is genuine, so the code is {@code 40000} and the answer is HTTP 503
 * (try again later), not a 401.
 *
 * <p>The message names the registry URL and, when there was one, the HTTP status.
 */
public class RegistryException extends DentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong with the registry. */
  public enum Reason {
    /** Connecting, sending or reading failed (I/O error or timeout). */
    UNREACHABLE,
    /** The registry answered with a status outside 2xx. */
    HTTP_STATUS,
    /** The answer is not a JSON array of subscriptions (or is larger than allowed). */
    BAD_RESPONSE
  }

  private final Reason reason;
  private final String registryUrl;
  private final int httpStatus;

  /**
   * @param reason what failed
   * @param registryUrl the URL that was called
   * @param httpStatus the HTTP status received, or 0 when none was
   * @param message a readable explanation
   * @param cause the underlying failure, or null
   */
  public RegistryException(
      Reason reason, String registryUrl, int httpStatus, String message, @Nullable Throwable cause) {
    super(ErrorCode.OVERLOADED.code(), message, List.of(), cause);
    this.reason = reason;
    this.registryUrl = registryUrl;
    this.httpStatus = httpStatus;
  }

  /** What failed. */
  public Reason reason() {
    return reason;
  }

  /** The registry URL that was called, e.g. {@code http://127.0.0.1:8088/lookup}. */
  public String registryUrl() {
    return registryUrl;
  }

  /** The HTTP status the registry answered with, or 0 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }
}
