package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.DentClient;
import org.dent.client.bap.SearchCall;
import org.dent.client.gateway.Gateway;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.model.Action;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.testing.MutableClock;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search through the {@link Gateway} over real HTTP: the gateway checks the BAP, finds the BPPs of the domain in
 * the registry, forwards the same bytes with its own {@code X-Gateway-Authorization}, and the BPPs answer the BAP
 * directly. BPPs refuse forged gateway headers.
 */
class GatewayTest {
  static final String DOMAIN = DentClient.STORAGE_DOMAIN;
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  final MutableClock clock = new MutableClock(NOW);
  final RegistryServer registry = RegistryServer.ofSubscriptions(List.of()).start();
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bgKey = SigningKey.generate();
  final List<ReferenceOperator> operators = new ArrayList<>();
  final List<BppEngine> engines = new ArrayList<>();
  final List<String> forwards = new CopyOnWriteArrayList<>();
  Gateway gateway;
  DentClient client;

  @BeforeEach
  void start() {
    bpp("bpp.one.example", DOMAIN, null);
    bpp("bpp.two.example", DOMAIN, null);
    bpp("bpp.mobility.example", "nic2004:60221", null); // another domain: not asked
    bpp("bpp.gone.example", DOMAIN, "UNSUBSCRIBED"); // not subscribed: not asked
    registry.put(RoleTest.sub("bap.one.example", "BAP", bapKey).build());
    registry.put(RoleTest.sub("bg.example", "BG", bgKey).build());
    gateway = Gateway.builder().subscriberId("bg.example").uniqueKeyId("k1").signingKey(bgKey)
        .registry(RegistryClient.create(registry.url())).domain(DOMAIN).clock(clock)
        .listener(new DentEventListener() {
          @Override
          public void acked(Action action, String messageId, long nanos) {
            forwards.add("acked " + action.wireName());
          }

          @Override
          public void nacked(Action action, String messageId, int httpStatus, String code) {
            forwards.add("nacked " + httpStatus + " " + code);
          }
        }).build();
    client = DentClient.builder().subscriberId("bap.one.example").uniqueKeyId("k1").signingKey(bapKey)
        .clock(clock).ttl(Duration.ofSeconds(30)).registry(java.net.URI.create(registry.url()))
        .gatewayUrl(gateway.url()).build();
  }

  void bpp(String id, String domain, String status) {
    SigningKey key = SigningKey.generate();
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).build();
    BppEngine engine = BppEngine.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url())).clock(clock).build())
        .operator(operator).clock(clock).callbackRetryPolicy(RetryPolicy.NONE).build();
    operators.add(operator);
    engines.add(engine);
    Subscription.Builder s = RoleTest.sub(id, "BPP", key).domain(domain).url(engine.bppUri().toString());
    if (status != null) {
      s.status(status);
    }
    registry.put(s.build());
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
    engines.forEach(BppEngine::close);
    operators.forEach(ReferenceOperator::close);
    registry.close();
  }

  static StorageRequirement want() {
    return new StorageRequirement(new SearchArea(GeoPoint.parse("12.9716,77.5946"), new BigDecimal("200")),
        TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z"), Energy.ofKwh("50"), null, null, null);
  }

  @Test
  void aSearchThroughTheGatewayReachesEverySubscribedBppOfTheDomain() throws Exception {
    SearchCall search = client.search(want().toIntent(), 2);
    search.sent().get(10, TimeUnit.SECONDS);
    List<OnSearchCallback> answers = search.all().get(20, TimeUnit.SECONDS);
    assertThat(answers).extracting(a -> a.context().bppId())
        .containsExactlyInAnyOrder("bpp.one.example", "bpp.two.example");
    assertThat(answers).allSatisfy(a -> assertThat(a.context().messageId()).isEqualTo(search.messageId()));
    assertThat(forwards).containsExactly("acked search", "acked search");
    assertThat(gateway.forwardedCount()).isEqualTo(2);
  }

  @Test
  void aSearchNamingACityGoesOnlyToThatCitysBpps() throws Exception {
    SigningKey key = SigningKey.generate();
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).build();
    BppEngine mysuru = BppEngine.builder().subscriberId("bpp.mysuru.example").uniqueKeyId("k1").signingKey(key)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url())).clock(clock).build())
        .operator(operator).clock(clock).callbackRetryPolicy(RetryPolicy.NONE).build();
    operators.add(operator);
    engines.add(mysuru);
    registry.put(RoleTest.sub("bpp.mysuru.example", "BPP", key).city("std:0821").url(mysuru.bppUri().toString())
        .build());
    try (DentClient inMysuru = client.newBuilder().city("std:0821").build()) {
      List<OnSearchCallback> answers = inMysuru.search(want().toIntent(), 1).all().get(20, TimeUnit.SECONDS);
      assertThat(answers).extracting(a -> a.context().bppId()).containsExactly("bpp.mysuru.example");
    }
    assertThat(forwards).containsExactly("acked search");
  }

  @Test
  void aBppThatRefusesTheForwardIsReportedWithItsCode() throws Exception {
    // a BPP that does not take this gateway's header: registered, but its resolver filters BG keys out
    SigningKey key = SigningKey.generate();
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).build();
    BppEngine strict = BppEngine.builder().subscriberId("bpp.strict.example").uniqueKeyId("k1").signingKey(key)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url())).clock(clock)
            .acceptedTypes(java.util.Set.of("BAP")).build())
        .operator(operator).clock(clock).callbackRetryPolicy(RetryPolicy.NONE).build();
    operators.add(operator);
    engines.add(strict);
    registry.put(RoleTest.sub("bpp.strict.example", "BPP", key).url(strict.bppUri().toString()).build());
    List<OnSearchCallback> answers = client.search(want().toIntent(), 2).all().get(20, TimeUnit.SECONDS);
    assertThat(answers).extracting(a -> a.context().bppId())
        .containsExactlyInAnyOrder("bpp.one.example", "bpp.two.example");
    org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> forwards.size() == 3);
    assertThat(forwards).containsExactlyInAnyOrder("acked search", "acked search",
        "nacked 401 AUT_SUBSCRIBER_NOT_FOUND");
  }

  @Test
  void theGatewayRelaysNothingButSearch() {
    Signer bap = Signer.builder(bapKey, "bap.one.example", "k1").clock(clock).build();
    byte[] select = Wire.message("03-select", clock, c -> c.put("bap_id", "bap.one.example")
        .put("bpp_id", "bg.example"));
    Wire.Answer a = Wire.post(gateway.url(), "select", select, bap, null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.code()).isEqualTo("40001");
    assertThat(a.paths()).containsExactly("/context/action");
    assertThat(forwards).isEmpty();
  }

  @Test
  void theGatewayChecksTheBapLikeABppWould() {
    SigningKey key = SigningKey.generate();
    registry.put(RoleTest.sub("bpp.pretender.example", "BPP", key).build());
    Signer pretender = Signer.builder(key, "bpp.pretender.example", "k1").clock(clock).build();
    byte[] search = Wire.message("01-search", clock, c -> c.put("bap_id", "bpp.pretender.example"));
    Wire.Answer a = Wire.post(gateway.url(), "search", search, pretender, null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND");
    Wire.Answer unsigned = Wire.postRaw(gateway.url(), "search", search, null, null);
    assertThat(unsigned.code()).isEqualTo("AUT_SIGNATURE_MISSING");
    assertThat(forwards).isEmpty();
  }

  @Test
  void aBppRefusesForgedGatewayHeaders() {
    BppEngine bpp = engines.get(0);
    Signer bg = Signer.builder(bgKey, "bg.example", "k1").clock(clock).build();
    byte[] search = Wire.message("01-search", clock, c -> c.put("bap_id", "bap.one.example")
        .put("bap_uri", "http://127.0.0.1:9/dent"));
    // every request carries a fresh BAP signature: an accepted one is remembered by the replay guard
    java.util.function.IntFunction<String> authorization = n -> Signer.builder(bapKey, "bap.one.example", "k1")
        .clock(clock).ttl(Duration.ofSeconds(60 + n)).build().sign(search).value();

    // the registered BG's key over other bytes
    byte[] other = new String(search, StandardCharsets.UTF_8).replace("energy-storage\"", "energy-storage \"")
        .getBytes(StandardCharsets.UTF_8);
    Wire.Answer otherBytes = Wire.postRaw(bpp.bppUri(), "search", search, authorization.apply(1),
        bg.sign(other).value());
    assertThat(otherBytes.status()).isEqualTo(401);
    assertThat(otherBytes.code()).isEqualTo("AUT_SIGNATURE_INVALID");
    assertThat(otherBytes.paths()).containsExactly("X-Gateway-Authorization");
    assertThat(otherBytes.proxyChallenge()).isEqualTo("Signature realm=\"bpp.one.example\",headers=\"(created) "
        + "(expires) digest\"");

    // a key nobody registered, claiming to be the BG
    Signer impostor = Signer.builder(SigningKey.generate(), "bg.example", "k2").clock(clock).build();
    Wire.Answer unknown = Wire.postRaw(bpp.bppUri(), "search", search, authorization.apply(2),
        impostor.sign(search).value());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND");
    assertThat(unknown.paths()).containsExactly("X-Gateway-Authorization");

    // the BG's key claimed by someone registered as a BAP
    Signer bapAsGateway = Signer.builder(bapKey, "bap.one.example", "k1").clock(clock)
        .ttl(Duration.ofSeconds(20)).build(); // not the very signature of the Authorization header
    Wire.Answer notBg = Wire.postRaw(bpp.bppUri(), "search", search, authorization.apply(3),
        bapAsGateway.sign(search).value());
    assertThat(notBg.status()).isEqualTo(401);
    assertThat(notBg.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND");
    assertThat(notBg.message()).contains("registered as BAP, not as BG");

    // the genuine header over the same bytes passes
    assertThat(Wire.postRaw(bpp.bppUri(), "search", search, authorization.apply(4), bg.sign(search).value())
        .isAck()).isTrue();
  }
}
