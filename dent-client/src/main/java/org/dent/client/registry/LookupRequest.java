package org.dent.client.registry;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of a Beckn registry {@code POST /lookup}: every field is an optional filter, and a null one is left out
 * of the JSON (a registry then matches any value). On input {@code unique_key_id} may also be spelt {@code key_id}
 * or {@code ukid}; other members are ignored.
 *
 * @param subscriberId the subscriber to look up, or null for any
 * @param type {@code BAP}, {@code BPP} or {@code BG}, or null for any
 * @param domain the network domain, or null for any
 * @param uniqueKeyId one key of the subscriber, or null for all its keys
 * @param city a city code, or null for any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LookupRequest(
    @JsonProperty("subscriber_id") @Nullable String subscriberId,
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("domain") @Nullable String domain,
    @JsonProperty("unique_key_id") @JsonAlias({"key_id", "ukid", "ukId"}) @Nullable String uniqueKeyId,
    @JsonProperty("city") @Nullable String city) {

  /** A lookup of every key of {@code subscriberId}. */
  public static LookupRequest subscriber(String subscriberId) {
    return new LookupRequest(subscriberId, null, null, null, null);
  }

  /** A lookup of one key of {@code subscriberId}. */
  public static LookupRequest key(String subscriberId, String uniqueKeyId) {
    return new LookupRequest(subscriberId, null, null, uniqueKeyId, null);
  }

  /** This lookup restricted to a subscriber type ({@code BAP}, {@code BPP}, {@code BG}). */
  public LookupRequest withType(@Nullable String type) {
    return new LookupRequest(subscriberId, type, domain, uniqueKeyId, city);
  }

  /** This lookup restricted to a domain. */
  public LookupRequest withDomain(@Nullable String domain) {
    return new LookupRequest(subscriberId, type, domain, uniqueKeyId, city);
  }

  /** This lookup restricted to a city. */
  public LookupRequest withCity(@Nullable String city) {
    return new LookupRequest(subscriberId, type, domain, uniqueKeyId, city);
  }

  /**
   * Whether {@code s} passes every filter this lookup sets: ids, domain and city compare exactly, type ignoring
   * case. A set filter never matches a subscription that lacks the field.
   */
  public boolean matches(Subscription s) {
    return (subscriberId == null || subscriberId.equals(s.subscriberId()))
        && (type == null || s.hasType(type))
        && (domain == null || domain.equals(s.domain()))
        && (uniqueKeyId == null || uniqueKeyId.equals(s.keyId()))
        && (city == null || city.equals(s.city()));
  }
}
