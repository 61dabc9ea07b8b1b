package org.dent.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.dent.core.json.DentCodec;
import org.dent.signing.KeyFormatException;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubscriptionTest {
  final JsonMapper mapper = DentCodec.standard().mapper();
  final VerificationKey key = SigningKey.generate().publicKey();

  String json(String keyIdMember) {
    return "{\"subscriber_id\":\"bap.example\",\"url\":\"https://bap.example/dent\",\"type\":\"BAP\","
        + "\"domain\":\"dent:energy-storage:0.1.0\",\"city\":\"std:080\",\"country\":\"IND\","
        + "\"" + keyIdMember + "\":\"k1\",\"signing_public_key\":\"" + key.toBase64() + "\","
        + "\"encr_public_key\":\"ZW5j\",\"valid_from\":\"2026-01-01T00:00:00Z\","
        + "\"valid_until\":\"2027-01-01T05:30:00+05:30\",\"status\":\"SUBSCRIBED\","
        + "\"created\":\"2025-12-01T00:00:00.123Z\",\"updated\":\"2025-12-02T00:00:00Z\","
        + "\"nonce\":\"abc\",\"meta\":{\"tier\":[1,2]}}";
  }

  @Test
  void readsSnakeCaseAndKeepsUnknownMembers() {
    Subscription s = mapper.readValue(json("key_id"), Subscription.class);
    assertThat(s.subscriberId()).isEqualTo("bap.example");
    assertThat(s.type()).isEqualTo("BAP");
    assertThat(s.city()).isEqualTo("std:080");
    assertThat(s.keyId()).isEqualTo("k1");
    assertThat(s.validUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(s.created()).isEqualTo(Instant.parse("2025-12-01T00:00:00.123Z"));
    assertThat(s.signingKey()).isEqualTo(key);
    assertThat(s.extensions()).containsOnlyKeys("nonce", "meta");

    JsonNode back = mapper.readTree(mapper.writeValueAsBytes(s));
    assertThat(back.get("key_id").asString()).isEqualTo("k1");
    assertThat(back.get("signing_public_key").asString()).isEqualTo(key.toBase64());
    assertThat(back.get("valid_until").asString()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(back.get("meta").get("tier").get(1).asInt()).isEqualTo(2);
    assertThat(back.get("nonce").asString()).isEqualTo("abc");
    assertThat(mapper.readValue(mapper.writeValueAsBytes(s), Subscription.class)).isEqualTo(s);
  }

  @Test
  void acceptsTheOtherSpellingsOfTheKeyId() {
    for (String member : new String[] {"unique_key_id", "ukid", "ukId"}) {
      Subscription s = mapper.readValue(json(member), Subscription.class);
      assertThat(s.keyId()).as(member).isEqualTo("k1");
      assertThat(s.extensions()).as(member).doesNotContainKey(member);
    }
  }

  @Test
  void omitsNullsWhenWritten() {
    Subscription s = Subscription.builder("bpp.example").keyId("k").build();
    assertThat(new String(mapper.writeValueAsBytes(s)))
        .isEqualTo("{\"subscriber_id\":\"bpp.example\",\"key_id\":\"k\",\"status\":\"SUBSCRIBED\"}");
  }

  @Test
  void subscriberIdIsRequired() {
    assertThatThrownBy(() -> mapper.readValue("{\"key_id\":\"k\"}", Subscription.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void signingKeyTakesRawOrSpkiAndRefusesGarbage() {
    Subscription raw = Subscription.builder("s").signingPublicKey(key.toBase64()).build();
    Subscription spki = Subscription.builder("s")
        .signingPublicKey(Base64.getEncoder().encodeToString(key.toSpki())).build();
    assertThat(raw.signingKey()).isEqualTo(key);
    assertThat(spki.signingKey()).isEqualTo(key);
    assertThatThrownBy(() -> Subscription.builder("s").signingPublicKey("AAAA").build().signingKey())
        .isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> Subscription.builder("s").signingPublicKey(null).build().signingKey())
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("no signing_public_key");
  }

  @Test
  void usableOnlyWhenSubscribedAndInsideItsValidity() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant until = Instant.parse("2027-01-01T00:00:00Z");
    Subscription s = Subscription.builder("s").status("subscribed").validFrom(from).validUntil(until).build();
    assertThat(s.isUsableAt(from)).isTrue();
    assertThat(s.isUsableAt(until.minusNanos(1))).isTrue();
    assertThat(s.isUsableAt(from.minusNanos(1))).isFalse();
    assertThat(s.isUsableAt(until)).isFalse();
    assertThat(s.toBuilder().status("INITIATED").build().isUsableAt(from)).isFalse();
    assertThat(s.toBuilder().status(null).build().isUsableAt(from)).isFalse();
    assertThat(s.toBuilder().validFrom(null).validUntil(null).build().isUsableAt(Instant.MAX)).isTrue();
  }
}
