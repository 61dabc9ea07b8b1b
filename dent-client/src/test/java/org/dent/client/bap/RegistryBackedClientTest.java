package org.dent.client.bap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dent.core.testing.MutableClock;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.DentEventListener;
import org.dent.core.model.Order;
import org.dent.signing.KeyResolver;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client resolving BPP keys through a real registry over loopback. */
class RegistryBackedClientTest {
  final MutableClock clock = new MutableClock(Instant.now());
  final SigningKey bapKey = SigningKey.generate();
  final Map<String, VerificationKey> bapSide = new ConcurrentHashMap<>();
  final KeyResolver bppResolver = (sub, ukid) -> {
    VerificationKey k = bapSide.get(sub + "|" + ukid);
    if (k == null) {
      throw KeyResolver.unknownKey(sub, ukid);
    }
    return k;
  };
  final List<String> cache = new CopyOnWriteArrayList<>();
  RegistryServer registry;
  DentClient client;
  TestBpp bpp;

  @AfterEach
  void stop() {
    client.close();
    bpp.close();
    registry.close();
  }

  static Subscription bppSubscription(String id, String ukid, SigningKey key) {
    return Subscription.builder(id).type("BPP").domain(DentClientTest.DOMAIN).keyId(ukid)
        .signingPublicKey(key.publicKey().toBase64()).status("SUBSCRIBED")
        .validFrom(Instant.parse("2020-01-01T00:00:00Z")).validUntil(Instant.parse("2099-01-01T00:00:00Z")).build();
  }

  void start() {
    bapSide.put("bap.test|k1", bapKey.publicKey());
    bpp = new TestBpp("bpp.one", clock, bppResolver);
    registry = RegistryServer.ofSubscriptions(List.of(bppSubscription("bpp.one", "k1", bpp.key))).start();
    client = DentClient.builder().subscriberId("bap.test").uniqueKeyId("k1").signingKey(bapKey)
        .clock(clock).domain(DentClientTest.DOMAIN)
        .listener(new DentEventListener() {
          @Override
          public void keyCacheHit(String subscriberId, String uniqueKeyId) {
            cache.add("hit " + subscriberId + "|" + uniqueKeyId);
          }

          @Override
          public void keyCacheMiss(String subscriberId, String uniqueKeyId) {
            cache.add("miss " + subscriberId + "|" + uniqueKeyId);
          }
        })
        .registry(java.net.URI.create(registry.url())).build();
  }

  @Test
  void registryDownThenUpCachedKeysKeepWorkingUnknownOnesFailClearly() throws Exception {
    start();
    BppTarget t = bpp.target(client.newTransactionId());
    client.status(t, "o1").get(5, TimeUnit.SECONDS);
    assertThat(cache).containsExactly("miss bpp.one|k1");
    int port = registry.port();
    registry.close();

    // cached key keeps working while the registry is down
    client.status(t, "o2").get(5, TimeUnit.SECONDS);
    assertThat(cache).contains("hit bpp.one|k1");

    // a key the cache has never seen cannot be resolved: the callback is refused, not accepted unverified
    bpp.callbackSigner = Signer.builder(bpp.key, "bpp.one", "k2").clock(clock).build();
    var pending = client.status(t, "o3");
    await().until(() -> bpp.nacks.size() == 1);
    assertThat(bpp.nacks.get(0).httpStatus()).isEqualTo(503); // cannot verify now: retry later
    assertThat(pending).isNotDone();

    // the registry comes back, now also listing k2: the next callback signed with k2 is accepted
    registry = RegistryServer.ofSubscriptions(List.of(bppSubscription("bpp.one", "k1", bpp.key),
        bppSubscription("bpp.one", "k2", bpp.key))).start(port);
    clock.advance(Duration.ofMinutes(1)); // past the short negative-cache time of the failed lookup
    assertThat(client.status(t, "o4").get(5, TimeUnit.SECONDS).message().order()).isNotNull();
  }

  @Test
  void keyRotationToANewUkidIsPickedUp() throws Exception {
    start();
    BppTarget t = bpp.target(client.newTransactionId());
    client.status(t, "o1").get(5, TimeUnit.SECONDS);
    SigningKey rotated = SigningKey.generate();
    registry.put(bppSubscription("bpp.one", "k2", rotated));
    bpp.callbackSigner = Signer.builder(rotated, "bpp.one", "k2").clock(clock).build();
    Order order = client.status(t, "o2").get(5, TimeUnit.SECONDS).message().order();
    assertThat(order).isNotNull();
    assertThat(cache).contains("miss bpp.one|k2");
  }
}
