package org.dent.signing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed map from {@code (subscriber_id, unique_key_id)} to keys, for tests, tools and closed deployments.
 * Unknown pairs are {@link SignatureVerificationException.Reason#UNKNOWN_KEY}; pairs marked {@link Builder#revoked}
 * are {@link SignatureVerificationException.Reason#KEY_REVOKED}. Keys added with a type or a whole
 * {@link SubscriberInfo} carry it to receivers, which then check roles, domain and validity as for registry keys;
 * keys added without one are not role-checked. Immutable and thread-safe.
 */
public final class StaticKeyResolver implements KeyResolver {
  private final Map<String, VerificationKey> keys;
  private final Map<String, SubscriberInfo> infos;
  private final Set<String> revoked;

  private StaticKeyResolver(Builder b) {
    this.keys = Map.copyOf(b.keys);
    this.infos = Map.copyOf(b.infos);
    this.revoked = Set.copyOf(b.revoked);
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VerificationKey resolve(String subscriberId, String uniqueKeyId) {
    String id = id(subscriberId, uniqueKeyId);
    if (revoked.contains(id)) {
      throw KeyResolver.revokedKey(subscriberId, uniqueKeyId);
    }
    VerificationKey key = keys.get(id);
    if (key == null) {
      throw KeyResolver.unknownKey(subscriberId, uniqueKeyId);
    }
    return key;
  }

  @Override
  public ResolvedKey resolveKey(String subscriberId, String uniqueKeyId) {
    return new ResolvedKey(resolve(subscriberId, uniqueKeyId), infos.get(id(subscriberId, uniqueKeyId)));
  }

  private static String id(String subscriberId, String uniqueKeyId) {
    return subscriberId + '|' + uniqueKeyId;
  }

  @Override
  public String toString() {
    return "StaticKeyResolver[" + keys.size() + " keys, " + revoked.size() + " revoked]";
  }

  /** Collects keys for a {@link StaticKeyResolver}. */
  public static final class Builder {
    private final Map<String, VerificationKey> keys = new HashMap<>();
    private final Map<String, SubscriberInfo> infos = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();

    private Builder() {}

    /** Serves {@code key} for {@code uniqueKeyId} of {@code subscriberId}, replacing an earlier one. */
    public Builder add(String subscriberId, String uniqueKeyId, VerificationKey key) {
      String id = id(Objects.requireNonNull(subscriberId, "subscriberId"),
          Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"));
      keys.put(id, Objects.requireNonNull(key, "key"));
      infos.remove(id);
      return this;
    }

    /**
     * Serves {@code key} for a subscribed, always valid subscriber of {@code type} ({@code BAP}, {@code BPP},
     * {@code BG}) in any domain, replacing an earlier one.
     */
    public Builder add(String subscriberId, String uniqueKeyId, VerificationKey key, String type) {
      return add(SubscriberInfo.of(subscriberId, uniqueKeyId, type, null), key);
    }

    /** Serves {@code key} for the subscription {@code info} describes, replacing an earlier one. */
    public Builder add(SubscriberInfo info, VerificationKey key) {
      add(info.subscriberId(), info.uniqueKeyId(), key);
      infos.put(id(info.subscriberId(), info.uniqueKeyId()), info);
      return this;
    }

    /** Answers this pair with KEY_REVOKED, whether or not a key was added for it. */
    public Builder revoked(String subscriberId, String uniqueKeyId) {
      revoked.add(id(subscriberId, uniqueKeyId));
      return this;
    }

    /** The resolver. */
    public StaticKeyResolver build() {
      return new StaticKeyResolver(this);
    }
  }
}
