package org.dent.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dent.signing.SignatureVerificationException;
import org.dent.signing.Signer;
import org.dent.signing.Verifier;
import org.dent.signing.SignatureVerificationException.Reason;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryKeyResolverTest {
  final FakeTime time = new FakeTime(Subs.T0);
  final Subscription bap = Subs.bap("bap.example", "k1").build();
  RegistryServer server = RegistryServer.ofSubscriptions(List.of(bap)).start();
  final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    server.close();
  }

  RegistryKeyResolver.Builder resolver() {
    return RegistryKeyResolver.builder(RegistryClient.create(server.url())).ticker(time).clock(time.clock())
        .listener(new RegistryListener() {
          @Override
          public void onKeyEvent(Event event, String subscriberId, String uniqueKeyId) {
            events.add(event + " " + subscriberId + "|" + uniqueKeyId);
          }
        });
  }

  static Reason reasonOf(Runnable r) {
    try {
      r.run();
    } catch (SignatureVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("no SignatureVerificationException");
  }

  @Test
  void cachesAKeyForTheTtl() {
    RegistryKeyResolver r = resolver().ttl(Duration.ofMinutes(10)).build();
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    time.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    assertThat(server.lookupCount()).isEqualTo(1);
    time.advance(Duration.ofNanos(1));
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    assertThat(server.lookupCount()).isEqualTo(2);
    assertThat(events).containsExactly("MISS bap.example|k1", "HIT bap.example|k1", "MISS bap.example|k1");
  }

  @Test
  void neverCachesPastValidUntil() {
    Subscription shortLived = bap.toBuilder().validUntil(Subs.T0.plus(Duration.ofMinutes(2))).build();
    server.put(shortLived);
    RegistryKeyResolver r = resolver().build();
    r.resolve("bap.example", "k1");
    time.advance(Duration.ofMinutes(1));
    server.put(shortLived.toBuilder().validUntil(Subs.T0.plus(Duration.ofDays(30))).build()); // renewed
    r.resolve("bap.example", "k1");
    assertThat(server.lookupCount()).isEqualTo(1);

    time.advance(Duration.ofMinutes(1)); // exactly valid_until of the cached copy
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    assertThat(server.lookupCount()).isEqualTo(2);
  }

  @Test
  void aKeyPastValidUntilIsRevoked() {
    server.put(bap.toBuilder().validUntil(Subs.T0.plus(Duration.ofMinutes(2))).build());
    RegistryKeyResolver r = resolver().build();
    r.resolve("bap.example", "k1");
    time.advance(Duration.ofMinutes(2));
    assertThat(reasonOf(() -> r.resolve("bap.example", "k1"))).isEqualTo(Reason.KEY_REVOKED);
    assertThat(server.lookupCount()).isEqualTo(2);
  }

  @Test
  void fiftyThreadsMissingTheSameKeyShareOneLookup() throws Exception {
    int threads = 50;
    CountDownLatch othersWaiting = new CountDownLatch(threads - 1);
    // The thread that fetches holds its lookup until the 49 others are waiting for it (they report HIT first).
    RegistryKeyResolver r = RegistryKeyResolver.builder(RegistryClient.create(server.url()))
        .listener(new RegistryListener() {
          @Override
          public void onKeyEvent(Event event, String subscriberId, String uniqueKeyId) {
            if (event == Event.HIT) {
              othersWaiting.countDown();
            } else if (event == Event.MISS) {
              try {
                othersWaiting.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        }).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<VerificationKey>> keys = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        keys.add(pool.submit(() -> {
          go.await();
          return r.resolve("bap.example", "k1");
        }));
      }
      go.countDown();
      for (Future<VerificationKey> k : keys) {
        assertThat(k.get(20, TimeUnit.SECONDS)).isEqualTo(bap.signingKey());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(othersWaiting.getCount()).isZero();
    assertThat(server.lookupCount()).isEqualTo(1);
  }

  @Test
  void unknownKeysAreCachedBriefly() {
    RegistryKeyResolver r = resolver().negativeTtl(Duration.ofSeconds(30)).build();
    assertThat(reasonOf(() -> r.resolve("bap.example", "k9"))).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(reasonOf(() -> r.resolve("bap.example", "k9"))).isEqualTo(Reason.UNKNOWN_KEY);
    Subscription k9 = Subs.bap("bap.example", "k9").build();
    server.put(k9);
    time.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> r.resolve("bap.example", "k9"))
        .isInstanceOfSatisfying(SignatureVerificationException.class,
            e -> assertThat(e.code()).isEqualTo("AUT_SUBSCRIBER_NOT_FOUND"));
    assertThat(server.lookupCount()).isEqualTo(1);
    time.advance(Duration.ofSeconds(1));
    assertThat(r.resolve("bap.example", "k9")).isEqualTo(k9.signingKey());
    assertThat(server.lookupCount()).isEqualTo(2);
  }

  @Test
  void refreshReturnsARotatedKeyOncePerInterval() {
    RegistryKeyResolver r = resolver().minRefreshInterval(Duration.ofSeconds(30)).build();
    VerificationKey old = r.resolve("bap.example", "k1");
    VerificationKey rotated = SigningKey.generate().publicKey();
    server.put(bap.toBuilder().signingKey(rotated).build());
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(old); // still cached

    assertThat(r.refresh("bap.example", "k1")).contains(rotated);
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(rotated);
    assertThat(server.lookupCount()).isEqualTo(2);

    for (int i = 0; i < 100; i++) { // a forged-signature flood
      assertThat(r.refresh("bap.example", "k1")).isEmpty();
    }
    assertThat(server.lookupCount()).isEqualTo(2);
    time.advance(Duration.ofSeconds(30));
    assertThat(r.refresh("bap.example", "k1")).isEmpty(); // asked again: same key
    assertThat(server.lookupCount()).isEqualTo(3);
    assertThat(events).contains("ROTATED bap.example|k1", "REFRESH_RATE_LIMITED bap.example|k1");
  }

  @Test
  void refreshSeesARevocation() {
    RegistryKeyResolver r = resolver().build();
    r.resolve("bap.example", "k1");
    server.put(bap.toBuilder().status("UNSUBSCRIBED").build());
    assertThat(reasonOf(() -> r.refresh("bap.example", "k1"))).isEqualTo(Reason.KEY_REVOKED);
    assertThat(reasonOf(() -> r.resolve("bap.example", "k1"))).isEqualTo(Reason.KEY_REVOKED);
    assertThat(server.lookupCount()).isEqualTo(2);
  }

  @Test
  void aNewKeyIdIsResolvedWithoutRefresh() {
    RegistryKeyResolver r = resolver().build();
    r.resolve("bap.example", "k1");
    Subscription k2 = Subs.bap("bap.example", "k2").build();
    server.put(k2);
    assertThat(r.resolve("bap.example", "k2")).isEqualTo(k2.signingKey());
    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    assertThat(events).noneMatch(e -> e.startsWith("REFRESH"));
  }

  @Test
  void registryDownKeepsCachedKeysAndFailsUnknownOnesClearly() {
    RegistryKeyResolver r = resolver().build();
    r.resolve("bap.example", "k1");
    int port = server.port();
    server.close();

    assertThat(r.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    for (int i = 0; i < 2; i++) { // the failure is not cached
      assertThatThrownBy(() -> r.resolve("bap.example", "k2"))
          .isInstanceOfSatisfying(RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNREACHABLE))
          .isNotInstanceOf(SignatureVerificationException.class)
          .hasMessageContaining("127.0.0.1:" + port + "/lookup");
    }
    assertThat(events).contains("LOOKUP_FAILED bap.example|k2");
    assertThatThrownBy(() -> r.refresh("bap.example", "k1")).isInstanceOf(RegistryException.class);
    assertThat(r.refresh("bap.example", "k1")).isEmpty(); // the failed attempt still counts

    Subscription k2 = Subs.bap("bap.example", "k2").build();
    server = RegistryServer.ofSubscriptions(List.of(bap, k2)).start(port);
    assertThat(r.resolve("bap.example", "k2")).isEqualTo(k2.signingKey());
  }

  @Test
  void verifierAcceptsARotatedKeyAndRefreshesOnceForAForgeryFlood() {
    SigningKey oldKey = SigningKey.generate();
    SigningKey newKey = SigningKey.generate();
    server.put(bap.toBuilder().signingKey(oldKey.publicKey()).build());
    Verifier verifier = Verifier.builder(resolver().build()).clock(time.clock()).build();
    byte[] body = "{\"context\":{}}".getBytes(StandardCharsets.UTF_8);
    Signer oldSigner = Signer.builder(oldKey, "bap.example", "k1").clock(time.clock()).build();
    assertThat(verifier.verify(oldSigner.sign(body).value(), body, "bap.example").uniqueKeyId()).isEqualTo("k1");

    server.put(bap.toBuilder().signingKey(newKey.publicKey()).build()); // the BAP rotates k1
    Signer newSigner = Signer.builder(newKey, "bap.example", "k1").clock(time.clock()).build();
    assertThat(verifier.verify(newSigner.sign(body).value(), body, "bap.example").subscriberId())
        .isEqualTo("bap.example");
    assertThat(server.lookupCount()).isEqualTo(2);

    Signer forger = Signer.builder(SigningKey.generate(), "bap.example", "k1").clock(time.clock()).build();
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> verifier.verify(forger.sign(body).value(), body, "bap.example"))
          .isInstanceOfSatisfying(SignatureVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }
    assertThat(server.lookupCount()).isEqualTo(2); // the rotation's refresh still holds the interval
  }

  @Test
  void unusableSubscriptionsAreRevoked() {
    Subscription unsubscribed = Subs.bap("s1", "k").status("UNSUBSCRIBED").build();
    Subscription initiated = Subs.bap("s2", "k").status("INITIATED").build();
    Subscription expired = Subs.bap("s3", "k").validUntil(Subs.T0.minusSeconds(1)).build();
    Subscription notYet = Subs.bap("s4", "k").validFrom(Subs.T0.plusSeconds(60)).build();
    Subscription badKey = Subs.bap("s5", "k").signingPublicKey("bm90IGEga2V5").build();
    Subscription lowercase = Subs.bap("s6", "k").status("subscribed").build();
    for (Subscription s : List.of(unsubscribed, initiated, expired, notYet, badKey, lowercase)) {
      server.put(s);
    }
    RegistryKeyResolver r = resolver().build();
    for (String sub : List.of("s1", "s2", "s3", "s4", "s5")) {
      assertThatThrownBy(() -> r.resolve(sub, "k")).as(sub)
          .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.KEY_REVOKED);
            assertThat(e.code()).isEqualTo("AUT_KEY_EXPIRED_OR_REVOKED");
          });
    }
    assertThat(r.resolve("s6", "k")).isEqualTo(lowercase.signingKey());
    time.advance(Duration.ofSeconds(60)); // s4 becomes valid; its negative entry lapses after 30 s
    assertThat(r.resolve("s4", "k")).isEqualTo(notYet.signingKey());
  }

  @Test
  void acceptedTypesTreatOtherTypesAsUnknown() {
    server.put(Subs.bap("bpp.example", "k1").type("BPP").build());
    RegistryKeyResolver bapsOnly = resolver().acceptedTypes(Set.of("bap")).build();
    assertThat(bapsOnly.resolve("bap.example", "k1")).isEqualTo(bap.signingKey());
    assertThat(reasonOf(() -> bapsOnly.resolve("bpp.example", "k1"))).isEqualTo(Reason.UNKNOWN_KEY);
    RegistryKeyResolver any = resolver().build();
    assertThat(any.resolve("bpp.example", "k1")).isNotNull();
  }

  @Test
  void builderRefusesNonsense() {
    RegistryKeyResolver.Builder b = resolver();
    assertThatThrownBy(() -> b.ttl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.negativeTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maximumSize(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
