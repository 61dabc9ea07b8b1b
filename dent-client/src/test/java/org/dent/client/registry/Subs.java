package org.dent.client.registry;

import java.time.Instant;
import org.dent.signing.SigningKey;

/** Subscriptions with fresh keys for tests. */
final class Subs {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  private Subs() {}

  /** A SUBSCRIBED BAP valid for a year around T0, with a fresh key. */
  static Subscription.Builder bap(String subscriberId, String keyId) {
    return Subscription.builder(subscriberId)
        .url("https://" + subscriberId + "/dent")
        .type("BAP")
        .domain("dent:energy-storage:0.1.0")
        .city("std:080")
        .country("IND")
        .keyId(keyId)
        .signingKey(SigningKey.generate().publicKey())
        .encrPublicKey("MCowBQYDK2VuAyEAduMuuzKGz1ZdBSXJHd5UDB0LZTrEexvQ7ZPLxzvNlTE=")
        .validFrom(T0.minusSeconds(86_400))
        .validUntil(T0.plusSeconds(365L * 86_400));
  }
}
