package org.dent.signing;

import java.util.Objects;

/**
 * Names and challenge values of the HTTP headers that carry Beckn signatures (BECKN-006). A signer puts its
 * signature in {@link #AUTHORIZATION}; a gateway that forwards a request adds its own in
 * {@link #GATEWAY_AUTHORIZATION}, in the same format. A receiver that rejects one answers HTTP 401 with the matching
 * challenge header: {@link #WWW_AUTHENTICATE} for {@code Authorization}, {@link #PROXY_AUTHENTICATE} for the gateway
 * header.
 */
public final class SignatureHeaders {
  /** The signer's own signature. */
  public static final String AUTHORIZATION = "Authorization";
  /** A gateway's signature over the same body. */
  public static final String GATEWAY_AUTHORIZATION = "X-Gateway-Authorization";
  /** Challenge header answering a rejected {@code Authorization}. */
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  /** Challenge header answering a rejected {@code X-Gateway-Authorization}. */
  public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
  /** The only {@code headers} parameter Beckn uses. */
  public static final String SIGNED_HEADERS = "(created) (expires) digest";

  private SignatureHeaders() {}

  /**
   * The challenge value a receiver sends with a 401:
   * {@code Signature realm="{subscriberId}",headers="(created) (expires) digest"}.
   *
   * @param realm the receiver's own subscriber id
   */
  public static String challenge(String realm) {
    Objects.requireNonNull(realm, "realm");
    if (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("realm must not contain '\"' or '\\'");
    }
    return "Signature realm=\"" + realm + "\",headers=\"" + SIGNED_HEADERS + "\"";
  }

  /**
   * The challenge header name that answers a rejected signature header: {@code WWW-Authenticate} for
   * {@code Authorization}, {@code Proxy-Authenticate} for {@code X-Gateway-Authorization} (case-insensitive).
   */
  public static String challengeHeaderFor(String signatureHeaderName) {
    if (GATEWAY_AUTHORIZATION.equalsIgnoreCase(signatureHeaderName)) {
      return PROXY_AUTHENTICATE;
    }
    if (AUTHORIZATION.equalsIgnoreCase(signatureHeaderName)) {
      return WWW_AUTHENTICATE;
    }
    throw new IllegalArgumentException("not a signature header: " + signatureHeaderName);
  }
}
