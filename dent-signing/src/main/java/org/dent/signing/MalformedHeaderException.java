package org.dent.signing;

import org.jspecify.annotations.Nullable;

/**
 * A signature header value could not be accepted as a Beckn signature. Always {@link Reason#MALFORMED}; the
 * {@link #problem()} says exactly what is wrong, so a peer can be told precisely why it was refused.
 */
public final class MalformedHeaderException extends SignatureVerificationException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the header value. */
  public enum Problem {
    /** Not a comma-separated list of {@code name="value"} parameters, or a wrong auth scheme. */
    SYNTAX,
    /** A parameter the scheme requires is absent. */
    MISSING_PARAMETER,
    /** A parameter appears twice. */
    DUPLICATE_PARAMETER,
    /** A parameter this scheme does not define. */
    UNKNOWN_PARAMETER,
    /** {@code keyId} is not {@code subscriber_id|unique_key_id|algorithm} with three non-empty parts. */
    BAD_KEY_ID,
    /** {@code algorithm} is not {@code ed25519}. */
    UNSUPPORTED_ALGORITHM,
    /** {@code algorithm} differs from the algorithm named in {@code keyId}. */
    ALGORITHM_MISMATCH,
    /** {@code headers} is not exactly {@code (created) (expires) digest}. */
    UNSUPPORTED_HEADERS,
    /** {@code created} or {@code expires} is not a plain non-negative decimal number of seconds. */
    BAD_TIMESTAMP,
    /** {@code created} or {@code expires} is so large it must be milliseconds, not UNIX seconds. */
    TIMESTAMP_IN_MILLISECONDS,
    /** {@code expires} is not after {@code created}. */
    EXPIRES_NOT_AFTER_CREATED,
    /** {@code signature} is not canonical, padded base64 of a 64-byte Ed25519 signature. */
    BAD_SIGNATURE_ENCODING
  }

  private final Problem problem;

  /**
   * @param problem what is wrong
   * @param headerName the header field, e.g. {@link SignatureHeaders#AUTHORIZATION}
   * @param parameter the parameter at fault, or null
   * @param message a readable explanation without secrets
   */
  public MalformedHeaderException(
      Problem problem, String headerName, @Nullable String parameter, String message) {
    super(Reason.MALFORMED, headerName, parameter, message);
    this.problem = problem;
  }

  /** What is wrong with the header value. */
  public Problem problem() {
    return problem;
  }
}
