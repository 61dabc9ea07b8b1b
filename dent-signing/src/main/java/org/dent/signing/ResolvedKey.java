package org.dent.signing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A key found by a {@link KeyResolver}, with what the resolver knows about its subscriber.
 *
 * @param key the public key
 * @param subscriber the subscription behind the key, or null when the resolver knows only the key (then neither
 *     validity nor role can be checked beyond what the resolver did itself)
 */
public record ResolvedKey(VerificationKey key, @Nullable SubscriberInfo subscriber) {
  public ResolvedKey {
    Objects.requireNonNull(key, "key");
  }
}
