package org.dent.signing;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a registry says about the subscriber behind a key: its role, network domain, status and validity. A
 * {@link KeyResolver} that knows it hands it out with the key ({@link KeyResolver#resolveKey}); {@link Verifier}
 * then refuses keys that are not usable at its clock's instant, and receivers check role and domain against it.
 *
 * <p>Fields other than the ids may be null: a registry that does not say restricts nothing there, except that a
 * receiver requiring a role refuses a subscriber whose type is unknown.
 *
 * @param subscriberId the subscriber
 * @param uniqueKeyId the registry's key id
 * @param type {@code BAP}, {@code BPP} or {@code BG} (compared ignoring case), or null when not stated
 * @param domain the network domain the subscription is for, or null for any
 * @param status e.g. {@code SUBSCRIBED}; null counts as subscribed (a resolver that has no status)
 * @param validFrom first instant the key is valid, or null for no lower bound
 * @param validUntil end of validity (exclusive), or null for no upper bound
 */
public record SubscriberInfo(
    String subscriberId,
    String uniqueKeyId,
    @Nullable String type,
    @Nullable String domain,
    @Nullable String status,
    @Nullable Instant validFrom,
    @Nullable Instant validUntil) {
  /** The status of a subscription whose keys may be used. */
  public static final String SUBSCRIBED = "SUBSCRIBED";
  /** Subscriber type of a buyer platform. */
  public static final String BAP = "BAP";
  /** Subscriber type of a provider platform. */
  public static final String BPP = "BPP";
  /** Subscriber type of a gateway. */
  public static final String BG = "BG";

  public SubscriberInfo {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
  }

  /** A subscribed, always valid subscriber of {@code type} in {@code domain} (null for any). */
  public static SubscriberInfo of(String subscriberId, String uniqueKeyId, String type, @Nullable String domain) {
    return new SubscriberInfo(subscriberId, uniqueKeyId, Objects.requireNonNull(type, "type"), domain, SUBSCRIBED,
        null, null);
  }

  /** Whether {@link #type()} equals {@code wanted}, ignoring case; false when the type is unknown. */
  public boolean hasType(String wanted) {
    return wanted.equalsIgnoreCase(type);
  }

  /**
   * Whether the key may verify a signature at {@code instant}: status {@code SUBSCRIBED} (any case, or not stated)
   * and {@code validFrom <= instant < validUntil} (a missing bound does not restrict).
   */
  public boolean isUsableAt(Instant instant) {
    return (status == null || SUBSCRIBED.equalsIgnoreCase(status))
        && (validFrom == null || !instant.isBefore(validFrom))
        && (validUntil == null || instant.isBefore(validUntil));
  }

  /** Whether a message of {@code domain} may come from this subscriber: equal, or no domain registered. */
  public boolean allowsDomain(@Nullable String domain) {
    return this.domain == null || this.domain.equals(domain);
  }
}
