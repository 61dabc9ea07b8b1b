package org.dent.signing;

import java.util.Objects;

/**
 * Who signed a request whose signature {@link Verifier} accepted: the keyId's subscriber id and unique key id.
 *
 * @param subscriberId the signer's subscriber id
 * @param uniqueKeyId the registry key id the signature was checked with
 */
public record VerifiedSender(String subscriberId, String uniqueKeyId) {
  public VerifiedSender {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
  }

  /** {@code subscriber_id|unique_key_id}. */
  @Override
  public String toString() {
    return subscriberId + '|' + uniqueKeyId;
  }
}
