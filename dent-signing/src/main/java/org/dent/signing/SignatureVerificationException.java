package org.dent.signing;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A Beckn HTTP signature was missing or did not verify. {@link #reason()} says what failed; {@link #code()} is the
 * Beckn error code to answer with (HTTP 401). {@link #paths()} names the header field (for example
 * {@code Authorization} or {@code X-Gateway-Authorization}), followed by {@code /parameter} when one parameter is at
 * fault (for example {@code Authorization/expires}).
 *
 * <p>Messages name subscriber and key ids (public) but never key material, signatures or bodies.
 */
public class SignatureVerificationException extends DentException {
  private static final long serialVersionUID = 1L;

  /** Why a signature was rejected. Each maps to one Beckn error code, see {@link #code()}. */
  public enum Reason {
    /** No signature header at all ({@code AUT_SIGNATURE_MISSING}). */
    MISSING(ErrorCode.SIGNATURE_MISSING),
    /** The header value is not a well-formed Beckn signature; see {@link MalformedHeaderException#problem()}. */
    MALFORMED(ErrorCode.SIGNATURE_INVALID),
    /** No key is known for the keyId's subscriber and unique key id ({@code AUT_SUBSCRIBER_NOT_FOUND}). */
    UNKNOWN_KEY(ErrorCode.SUBSCRIBER_NOT_FOUND),
    /** The key exists but is expired or revoked ({@code AUT_KEY_EXPIRED_OR_REVOKED}). */
    KEY_REVOKED(ErrorCode.KEY_EXPIRED_OR_REVOKED),
    /** The signature does not match the body and the signer's key. */
    BAD_SIGNATURE(ErrorCode.SIGNATURE_INVALID),
    /** {@code created} lies further in the future than the allowed clock skew. */
    NOT_YET_VALID(ErrorCode.SIGNATURE_INVALID),
    /** {@code expires} (plus the allowed clock skew) lies in the past. */
    EXPIRED(ErrorCode.SIGNATURE_INVALID),
    /** {@code expires - created} exceeds the verifier's maximum validity window. */
    WINDOW_TOO_LONG(ErrorCode.SIGNATURE_INVALID),
    /** The signer is not the sender the message names. */
    SENDER_MISMATCH(ErrorCode.SIGNATURE_INVALID),
    /** The same signature was already accepted within its validity window. */
    REPLAYED(ErrorCode.SIGNATURE_INVALID),
    /**
     * The signer is registered, but not in the role this header needs (a BPP signing a request, a BAP signing a
     * callback, anyone but a gateway signing {@code X-Gateway-Authorization}): not found as such a subscriber
     * ({@code AUT_SUBSCRIBER_NOT_FOUND}).
     */
    ROLE_NOT_ALLOWED(ErrorCode.SUBSCRIBER_NOT_FOUND),
    /** The signer is registered for another network domain than the message's ({@code AUT_SUBSCRIBER_NOT_FOUND}). */
    DOMAIN_MISMATCH(ErrorCode.SUBSCRIBER_NOT_FOUND);

    private final ErrorCode code;

    Reason(ErrorCode code) {
      this.code = code;
    }

    /** The Beckn error code a receiver answers with for this reason. */
    public ErrorCode errorCode() {
      return code;
    }
  }

  private final Reason reason;
  private final String headerName;
  private final @Nullable String parameter;

  /**
   * @param reason what failed
   * @param headerName the header field checked, e.g. {@link SignatureHeaders#AUTHORIZATION}
   * @param parameter the header parameter at fault ({@code created}, {@code keyId}, ...), or null
   * @param message a readable explanation without secrets
   */
  public SignatureVerificationException(
      Reason reason, String headerName, @Nullable String parameter, String message) {
    this(reason, headerName, parameter, message, null);
  }

  /** As {@link #SignatureVerificationException(Reason, String, String, String)}, with a cause. */
  public SignatureVerificationException(
      Reason reason, String headerName, @Nullable String parameter, String message, @Nullable Throwable cause) {
    super(reason.errorCode().code(), message,
        List.of(parameter == null ? headerName : headerName + "/" + parameter), cause);
    this.reason = reason;
    this.headerName = headerName;
    this.parameter = parameter;
  }

  /** What failed. */
  public Reason reason() {
    return reason;
  }

  /** The header field that was checked, e.g. {@code Authorization}. */
  public String headerName() {
    return headerName;
  }

  /** The header parameter at fault, or null when the failure is not about one parameter. */
  public @Nullable String parameter() {
    return parameter;
  }
}
