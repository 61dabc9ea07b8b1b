package org.dent.client.registry;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dent.signing.KeyFormatException;
import org.dent.signing.SubscriberInfo;
import org.dent.signing.VerificationKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a Beckn registry: a subscriber's endpoint and one of its signing keys, as {@code POST /lookup}
 * returns it. Written as snake_case JSON; on input {@code key_id} may also be spelt {@code unique_key_id},
 * {@code ukid} or {@code ukId}. Times are RFC 3339. Members this type does not declare are kept in
 * {@link #extensions()} and written back.
 *
 * <p>Only {@code subscriber_id} is required; every other field may be null because registries differ in what they
 * fill in. {@link #isUsableAt(Instant)} says whether the key may verify signatures at an instant.
 *
 * @param subscriberId the subscriber, e.g. {@code bpp.example.com}
 * @param url the subscriber's Beckn endpoint, or null
 * @param type {@code BAP}, {@code BPP} or {@code BG}, or null
 * @param domain the network domain, e.g. {@code dent:energy-storage:0.1.0}, or null
 * @param city the city code, or null
 * @param country the country code, or null
 * @param keyId the unique key id ({@code unique_key_id}) named in signature keyIds, or null
 * @param signingPublicKey base64 of the raw 32-byte Ed25519 key or of its SPKI DER, or null
 * @param encrPublicKey the X25519 encryption key as published, or null
 * @param validFrom start of the key's validity, or null for no lower bound
 * @param validUntil end of the key's validity (exclusive), or null for no upper bound
 * @param status e.g. {@code SUBSCRIBED}, {@code INITIATED}, {@code UNSUBSCRIBED}, or null
 * @param created when the registry created the entry, or null
 * @param updated when the registry last changed the entry, or null
 * @param extensions members not declared above; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(
    @JsonProperty("subscriber_id") String subscriberId,
    @JsonProperty("url") @Nullable String url,
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("domain") @Nullable String domain,
    @JsonProperty("city") @Nullable String city,
    @JsonProperty("country") @Nullable String country,
    @JsonProperty("key_id") @JsonAlias({"unique_key_id", "ukid", "ukId"}) @Nullable String keyId,
    @JsonProperty("signing_public_key") @Nullable String signingPublicKey,
    @JsonProperty("encr_public_key") @Nullable String encrPublicKey,
    @JsonProperty("valid_from") @Nullable Instant validFrom,
    @JsonProperty("valid_until") @Nullable Instant validUntil,
    @JsonProperty("status") @Nullable String status,
    @JsonProperty("created") @Nullable Instant created,
    @JsonProperty("updated") @Nullable Instant updated,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extensions) {

  /** The status of a subscription whose keys may be used. */
  public static final String SUBSCRIBED = "SUBSCRIBED";

  /** Checks {@code subscriber_id}; {@code extensions} becomes an unmodifiable copy, never null. */
  public Subscription {
    Objects.requireNonNull(subscriberId, "subscriber_id");
    extensions = extensions == null || extensions.isEmpty()
        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * The signing key, parsed from {@link #signingPublicKey()}.
   *
   * @throws KeyFormatException when the subscription has no signing key or it is not a valid Ed25519 key
   */
  public VerificationKey signingKey() {
    if (signingPublicKey == null) {
      throw new KeyFormatException("subscription " + subscriberId + "|" + keyId + " has no signing_public_key");
    }
    return VerificationKey.parse(signingPublicKey);
  }

  /**
   * Whether this subscription's key may verify a signature at {@code instant}: status {@code SUBSCRIBED} (any case)
   * and {@code valid_from <= instant < valid_until} (a missing bound does not restrict).
   */
  public boolean isUsableAt(Instant instant) {
    return SUBSCRIBED.equalsIgnoreCase(status)
        && (validFrom == null || !instant.isBefore(validFrom))
        && (validUntil == null || instant.isBefore(validUntil));
  }

  /**
   * What receivers need to know about this subscription to check a signer: ids, type, domain, status and validity.
   *
   * @throws IllegalStateException when the subscription has no {@code key_id}
   */
  public SubscriberInfo subscriberInfo() {
    if (keyId == null) {
      throw new IllegalStateException("subscription " + subscriberId + " has no key_id");
    }
    return new SubscriberInfo(subscriberId, keyId, type, domain, status == null ? "" : status, validFrom,
        validUntil);
  }

  /** Whether {@link #type()} equals {@code wanted}, ignoring case. */
  public boolean hasType(String wanted) {
    return wanted.equalsIgnoreCase(type);
  }

  /** A builder for a subscription of {@code subscriberId}. */
  public static Builder builder(String subscriberId) {
    return new Builder(subscriberId);
  }

  /** A builder initialised from this value. */
  public Builder toBuilder() {
    Builder b = new Builder(subscriberId);
    b.url = url;
    b.type = type;
    b.domain = domain;
    b.city = city;
    b.country = country;
    b.keyId = keyId;
    b.signingPublicKey = signingPublicKey;
    b.encrPublicKey = encrPublicKey;
    b.validFrom = validFrom;
    b.validUntil = validUntil;
    b.status = status;
    b.created = created;
    b.updated = updated;
    b.extensions = extensions;
    return b;
  }

  /** Builds {@link Subscription} values; not thread-safe. Status starts as {@code SUBSCRIBED}. */
  public static final class Builder {
    private String subscriberId;
    private @Nullable String url;
    private @Nullable String type;
    private @Nullable String domain;
    private @Nullable String city;
    private @Nullable String country;
    private @Nullable String keyId;
    private @Nullable String signingPublicKey;
    private @Nullable String encrPublicKey;
    private @Nullable Instant validFrom;
    private @Nullable Instant validUntil;
    private @Nullable String status = SUBSCRIBED;
    private @Nullable Instant created;
    private @Nullable Instant updated;
    private Map<String, JsonNode> extensions = Map.of();

    private Builder(String subscriberId) {
      this.subscriberId = Objects.requireNonNull(subscriberId, "subscriberId");
    }

    /** Sets {@code subscriber_id}. */
    public Builder subscriberId(String subscriberId) {
      this.subscriberId = Objects.requireNonNull(subscriberId, "subscriberId");
      return this;
    }

    /** Sets {@code url}. */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /** Sets {@code type} ({@code BAP}, {@code BPP}, {@code BG}). */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets {@code domain}. */
    public Builder domain(@Nullable String domain) {
      this.domain = domain;
      return this;
    }

    /** Sets {@code city}. */
    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    /** Sets {@code country}. */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /** Sets {@code key_id}, the unique key id. */
    public Builder keyId(@Nullable String keyId) {
      this.keyId = keyId;
      return this;
    }

    /** Sets {@code signing_public_key} as published (base64 raw or SPKI). */
    public Builder signingPublicKey(@Nullable String signingPublicKey) {
      this.signingPublicKey = signingPublicKey;
      return this;
    }

    /** Sets {@code signing_public_key} to base64 of the raw key. */
    public Builder signingKey(VerificationKey key) {
      this.signingPublicKey = key.toBase64();
      return this;
    }

    /** Sets {@code encr_public_key}. */
    public Builder encrPublicKey(@Nullable String encrPublicKey) {
      this.encrPublicKey = encrPublicKey;
      return this;
    }

    /** Sets {@code valid_from}. */
    public Builder validFrom(@Nullable Instant validFrom) {
      this.validFrom = validFrom;
      return this;
    }

    /** Sets {@code valid_until}. */
    public Builder validUntil(@Nullable Instant validUntil) {
      this.validUntil = validUntil;
      return this;
    }

    /** Sets {@code status}. */
    public Builder status(@Nullable String status) {
      this.status = status;
      return this;
    }

    /** Sets {@code created}. */
    public Builder created(@Nullable Instant created) {
      this.created = created;
      return this;
    }

    /** Sets {@code updated}. */
    public Builder updated(@Nullable Instant updated) {
      this.updated = updated;
      return this;
    }

    /** Sets the undeclared members written back with the subscription. */
    public Builder extensions(Map<String, JsonNode> extensions) {
      this.extensions = Objects.requireNonNull(extensions, "extensions");
      return this;
    }

    /** The subscription. */
    public Subscription build() {
      return new Subscription(subscriberId, url, type, domain, city, country, keyId, signingPublicKey,
          encrPublicKey, validFrom, validUntil, status, created, updated, extensions);
    }
  }
}
