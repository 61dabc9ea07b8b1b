package org.dent.signing;

import java.util.Optional;

/**
 * Finds the public key a signature names in its keyId. A registry-backed, cached implementation lives in
 * dent-client; {@link StaticKeyResolver} serves fixed keys. Implementations must be thread-safe.
 *
 * <p>When a signature fails with the key {@link #resolve} returned, {@link Verifier} calls {@link #refresh} once: a
 * caching resolver re-fetches the key (the peer may have rotated it) and the signature is checked again if the key
 * changed. Errors other than {@link SignatureVerificationException} (say, the registry is unreachable) propagate
 * out of {@link Verifier#verify} unchanged, so they are not mistaken for a bad signature.
 */
@FunctionalInterface
public interface KeyResolver {
  /**
   * The key registered as {@code uniqueKeyId} of {@code subscriberId}.
   *
   * @throws SignatureVerificationException {@link SignatureVerificationException.Reason#UNKNOWN_KEY} (see
   *     {@link #unknownKey}) or {@link SignatureVerificationException.Reason#KEY_REVOKED} (see {@link #revokedKey})
   */
  VerificationKey resolve(String subscriberId, String uniqueKeyId);

  /**
   * As {@link #resolve}, with what the resolver knows about the subscriber (type, domain, status, validity), so
   * that {@link Verifier} can refuse unusable keys and receivers can check roles. The default knows nothing beyond
   * the key ({@link ResolvedKey#subscriber()} null); registry-backed and declaring resolvers override it.
   *
   * @throws SignatureVerificationException as {@link #resolve}
   */
  default ResolvedKey resolveKey(String subscriberId, String uniqueKeyId) {
    VerificationKey key = resolve(subscriberId, uniqueKeyId);
    if (key == null) {
      throw unknownKey(subscriberId, uniqueKeyId);
    }
    return new ResolvedKey(key, null);
  }

  /**
   * Called once after a signature failed to verify with the key {@link #resolve} returned. Returns a freshly
   * fetched key, or empty when the resolver has nothing newer. The default never refreshes.
   *
   * @throws SignatureVerificationException as {@link #resolve}, when the fresh lookup finds no usable key
   */
  default Optional<VerificationKey> refresh(String subscriberId, String uniqueKeyId) {
    return Optional.empty();
  }

  /** The exception a resolver throws for a key it does not know ({@code AUT_SUBSCRIBER_NOT_FOUND}). */
  static SignatureVerificationException unknownKey(String subscriberId, String uniqueKeyId) {
    return new SignatureVerificationException(SignatureVerificationException.Reason.UNKNOWN_KEY,
        SignatureHeaders.AUTHORIZATION, "keyId", "no key for " + subscriberId + "|" + uniqueKeyId);
  }

  /** The exception a resolver throws for a key that expired or was revoked ({@code AUT_KEY_EXPIRED_OR_REVOKED}). */
  static SignatureVerificationException revokedKey(String subscriberId, String uniqueKeyId) {
    return new SignatureVerificationException(SignatureVerificationException.Reason.KEY_REVOKED,
        SignatureHeaders.AUTHORIZATION, "keyId", "key " + subscriberId + "|" + uniqueKeyId + " expired or revoked");
  }
}
