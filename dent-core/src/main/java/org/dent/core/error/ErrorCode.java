package org.dent.core.error;

/**
 * The stable error codes of the DENT wire protocol (DESIGN.md §2). {@link #code()} is what travels in
 * {@code error.code}; {@link #httpStatus()} is the HTTP status used when the error is answered synchronously
 * (0 when the error only ever travels inside a callback).
 */
public enum ErrorCode {
  /** Authorization header missing. */
  SIGNATURE_MISSING("AUT_SIGNATURE_MISSING", 401),
  /** Signature malformed, wrong, expired, not yet valid, replayed, or signer differs from the sender. */
  SIGNATURE_INVALID("AUT_SIGNATURE_INVALID", 401),
  /** Signer unknown to the registry. */
  SUBSCRIBER_NOT_FOUND("AUT_SUBSCRIBER_NOT_FOUND", 401),
  /** Signer's key expired or revoked. */
  KEY_EXPIRED_OR_REVOKED("AUT_KEY_EXPIRED_OR_REVOKED", 401),
  /** Not JSON, schema or storage-profile violation, stale request, wrong bpp_id or path, body too large. */
  INVALID_REQUEST("30000", 400),
  /** Provider not found. */
  PROVIDER_NOT_FOUND("30001", 0),
  /** Item not found. */
  ITEM_NOT_FOUND("30004", 0),
  /** Order not found (an order of another BAP counts as not found). */
  ORDER_NOT_FOUND("30010", 0),
  /** Invalid update_target. */
  INVALID_UPDATE_TARGET("30012", 0),
  /** Update changes more than its target. */
  UPDATE_BEYOND_TARGET("30013", 0),
  /** Receiver overloaded; answered with 503 and Retry-After. */
  OVERLOADED("40000", 503),
  /** Action not implemented by the operator. */
  NOT_IMPLEMENTED("40001", 200),
  /** Capacity no longer available. */
  CAPACITY_UNAVAILABLE("40002", 0),
  /** Quote expired. */
  QUOTE_EXPIRED("40003", 0),
  /** Payment method not accepted. */
  PAYMENT_METHOD_NOT_ACCEPTED("40004", 0),
  /** Cancellation refused by terms. */
  CANCELLATION_REFUSED("50001", 0),
  /** Transfer or modification refused; the message starts with a reason token. */
  TRANSFER_REFUSED("50002", 0);

  private final String code;
  private final int httpStatus;

  ErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The wire value of {@code error.code}. */
  public String code() {
    return code;
  }

  /** HTTP status when answered synchronously, 0 for callback-only errors. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Looks up a wire code; returns null when the code is not one of ours. */
  public static ErrorCode fromCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    return null;
  }
}
