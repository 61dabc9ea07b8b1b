package org.dent.signing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who signed a request whose signature {@link Verifier} accepted: the keyId's subscriber id and unique key id, and
 * what the key resolver knows about that subscriber.
 *
 * @param subscriberId the signer's subscriber id
 * @param uniqueKeyId the registry key id the signature was checked with
 * @param subscriber the signer's subscription (type, domain, validity) when the resolver knows it, else null
 */
public record VerifiedSender(String subscriberId, String uniqueKeyId, @Nullable SubscriberInfo subscriber) {
  public VerifiedSender {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
  }

  /** A sender about whom nothing beyond the ids is known. */
  public VerifiedSender(String subscriberId, String uniqueKeyId) {
    this(subscriberId, uniqueKeyId, null);
  }

  /** {@code subscriber_id|unique_key_id}. */
  @Override
  public String toString() {
    return subscriberId + '|' + uniqueKeyId;
  }
}
