package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dent.client.bap.DentClient;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.testing.MutableClock;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles on the network, over real HTTP with a real registry and real signatures: a BPP takes requests only from
 * BAPs (and a gateway's header only from a BG, only on search), a BAP takes callbacks only from BPPs, subscriptions
 * that are not SUBSCRIBED or not valid now are refused, and so are subscribers of another domain.
 */
class RoleTest {
  static final String DOMAIN = DentClient.STORAGE_DOMAIN;
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  final MutableClock clock = new MutableClock(NOW);
  final RegistryServer registry = RegistryServer.ofSubscriptions(List.of()).start();
  final SigningKey bppKey = SigningKey.generate();
  ReferenceOperator operator;
  BppEngine engine;

  @BeforeEach
  void start() {
    operator = ReferenceOperator.builder().clock(clock).build();
    engine = BppEngine.builder().subscriberId("bpp.voltvault.example").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url())).clock(clock)
            .negativeTtl(Duration.ZERO).build())
        .operator(operator).clock(clock).callbackRetryPolicy(RetryPolicy.NONE).build();
    registry.put(sub("bpp.voltvault.example", "BPP", bppKey).url(engine.bppUri().toString()).build());
  }

  @AfterEach
  void stop() {
    engine.close();
    operator.close();
    registry.close();
  }

  static Subscription.Builder sub(String id, String type, SigningKey key) {
    return Subscription.builder(id).type(type).domain(DOMAIN).keyId("k1").signingKey(key.publicKey())
        .status(Subscription.SUBSCRIBED).validFrom(NOW.minus(Duration.ofDays(1))).validUntil(NOW.plus(Duration
            .ofDays(365)));
  }

  /** Registers {@code id} as built by {@code sub} and returns a signer for it. */
  Signer register(Subscription.Builder sub, SigningKey key) {
    Subscription s = sub.build();
    registry.put(s);
    return Signer.builder(key, s.subscriberId(), "k1").clock(clock).build();
  }

  Signer registered(String id, String type) {
    SigningKey key = SigningKey.generate();
    return register(sub(id, type, key), key);
  }

  Wire.Answer search(Signer signer, String bapId) {
    return search(signer, bapId, null, DOMAIN);
  }

  Wire.Answer search(Signer signer, String bapId, Signer gateway, String domain) {
    byte[] body = Wire.message("01-search", clock, c -> c.put("bap_id", bapId).put("domain", domain)
        .put("bap_uri", "http://127.0.0.1:9/dent"));
    return Wire.post(engine.bppUri(), "search", body, signer, gateway);
  }

  static void refused(Wire.Answer a, String code, String header) {
    assertThat(a.status()).as("%s", a).isEqualTo(401);
    assertThat(a.code()).as("%s", a).isEqualTo(code);
    assertThat(a.paths()).containsExactly(header);
    if (header.equals("Authorization")) {
      assertThat(a.challenge()).isEqualTo("Signature realm=\"bpp.voltvault.example\",headers=\"(created) (expires) "
          + "digest\"");
    } else {
      assertThat(a.proxyChallenge()).startsWith("Signature realm=");
    }
  }

  @Test
  void aBapIsServed() {
    assertThat(search(registered("bap.one.example", "BAP"), "bap.one.example").isAck()).isTrue();
  }

  @Test
  void aBppSigningARequestIsRefused() {
    Wire.Answer a = search(registered("bpp.rogue.example", "BPP"), "bpp.rogue.example");
    refused(a, "AUT_SUBSCRIBER_NOT_FOUND", "Authorization");
    assertThat(a.message()).contains("registered as BPP, not as BAP");
  }

  @Test
  void aSubscriptionWithoutATypeIsNotABap() {
    SigningKey key = SigningKey.generate();
    Signer untyped = register(sub("bap.untyped.example", null, key), key);
    Wire.Answer a = search(untyped, "bap.untyped.example");
    refused(a, "AUT_SUBSCRIBER_NOT_FOUND", "Authorization");
    assertThat(a.message()).contains("registered without a type");
  }

  @Test
  void aGatewaySigningAsTheBuyerIsRefused() {
    refused(search(registered("bg.example", "BG"), "bg.example"), "AUT_SUBSCRIBER_NOT_FOUND", "Authorization");
  }

  @Test
  void expiredRevokedAndNotYetValidSubscriptionsAreRefused() {
    SigningKey k1 = SigningKey.generate();
    SigningKey k2 = SigningKey.generate();
    SigningKey k3 = SigningKey.generate();
    Signer expired = register(sub("bap.expired.example", "BAP", k1).validUntil(NOW.minusSeconds(1)), k1);
    Signer revoked = register(sub("bap.revoked.example", "BAP", k2).status("UNSUBSCRIBED"), k2);
    Signer early = register(sub("bap.early.example", "BAP", k3).validFrom(NOW.plusSeconds(60)), k3);
    refused(search(expired, "bap.expired.example"), "AUT_KEY_EXPIRED_OR_REVOKED", "Authorization");
    refused(search(revoked, "bap.revoked.example"), "AUT_KEY_EXPIRED_OR_REVOKED", "Authorization");
    refused(search(early, "bap.early.example"), "AUT_KEY_EXPIRED_OR_REVOKED", "Authorization");
    clock.advance(Duration.ofSeconds(60)); // the injected clock decides: now it is valid
    assertThat(search(early, "bap.early.example").isAck()).isTrue();
  }

  @Test
  void aBapOfAnotherDomainIsRefused() {
    SigningKey key = SigningKey.generate();
    Signer mobility = register(sub("bap.mobility.example", "BAP", key).domain("nic2004:60221"), key);
    Wire.Answer a = search(mobility, "bap.mobility.example");
    refused(a, "AUT_SUBSCRIBER_NOT_FOUND", "Authorization");
    assertThat(a.message()).contains("domain nic2004:60221");
  }

  @Test
  void aGatewayHeaderCountsOnlyFromABgAndOnlyOnSearch() {
    Signer bap = registered("bap.one.example", "BAP");
    Signer gateway = registered("bg.example", "BG");
    Signer notAGateway = registered("bap.two.example", "BAP");
    assertThat(search(bap, "bap.one.example", gateway, DOMAIN).isAck()).isTrue();
    Wire.Answer forged = search(bap, "bap.one.example", notAGateway, DOMAIN);
    refused(forged, "AUT_SUBSCRIBER_NOT_FOUND", "X-Gateway-Authorization");

    byte[] status = Wire.message("11-status", clock, c -> c.put("bap_id", "bap.one.example")
        .put("bpp_id", "bpp.voltvault.example").put("bap_uri", "http://127.0.0.1:9/dent"));
    refused(Wire.post(engine.bppUri(), "status", status, bap, gateway), "AUT_SUBSCRIBER_NOT_FOUND",
        "X-Gateway-Authorization");
  }

  @Test
  void aBapTakesCallbacksOnlyFromBpps() throws Exception {
    SigningKey bapKey = SigningKey.generate();
    register(sub("bap.one.example", "BAP", bapKey), bapKey);
    Signer otherBap = registered("bap.two.example", "BAP");
    Signer bpp = Signer.builder(bppKey, "bpp.voltvault.example", "k1").clock(clock).build();
    try (DentClient client = DentClient.builder().subscriberId("bap.one.example").uniqueKeyId("k1")
        .signingKey(bapKey).clock(clock).keyResolver(RegistryKeyResolver.builder(
            RegistryClient.create(registry.url())).clock(clock).build()).build()) {
      URI callbacks = client.callbackUrl();
      byte[] fromBap = Wire.message("12-on_status", clock, c -> c.put("bap_id", "bap.one.example")
          .put("bpp_id", "bap.two.example"));
      Wire.Answer a = Wire.post(callbacks, "on_status", fromBap, otherBap, null);
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND");
      assertThat(a.paths()).containsExactly("Authorization");
      assertThat(a.message()).contains("registered as BAP, not as BPP");
      assertThat(a.challenge()).startsWith("Signature realm=\"bap.one.example\"");

      byte[] fromBpp = Wire.message("12-on_status", clock, c -> c.put("bap_id", "bap.one.example")
          .put("bpp_id", "bpp.voltvault.example"));
      assertThat(Wire.post(callbacks, "on_status", fromBpp, bpp, null).status()).isNotEqualTo(401);

      // gateways relay nothing back: a BG's header on a callback is refused
      Signer gateway = registered("bg.example", "BG");
      byte[] relayed = Wire.message("12-on_status", clock, c -> c.put("bap_id", "bap.one.example")
          .put("bpp_id", "bpp.voltvault.example"));
      Wire.Answer viaGateway = Wire.post(callbacks, "on_status", relayed, bpp, gateway);
      assertThat(viaGateway.status()).isEqualTo(401);
      assertThat(viaGateway.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND");
      assertThat(viaGateway.paths()).containsExactly("X-Gateway-Authorization");
      assertThat(viaGateway.proxyChallenge()).startsWith("Signature realm=\"bap.one.example\"");
    }
  }
}
