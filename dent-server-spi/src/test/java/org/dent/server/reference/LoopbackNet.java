package org.dent.server.reference;

import java.time.Duration;
import org.dent.client.bap.DentClient;
import org.dent.core.profile.StorageProfile;
import org.dent.core.testing.MutableClock;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;

/**
 * A reference BPP behind a real engine on loopback and two BAPs ({@code owner} and {@code other}) with their own
 * keys, registered by type ({@code BAP}, {@code BPP}); every message is signed, sent over HTTP and verified. Time
 * is the given clock's.
 */
final class LoopbackNet implements AutoCloseable {
  static final String BPP = "bpp.voltvault.example";

  final ReferenceOperator operator;
  final BppEngine engine;
  final DentClient owner;
  final DentClient other;

  LoopbackNet(MutableClock clock, String ownerId, String otherId) {
    SigningKey ownerKey = SigningKey.generate();
    SigningKey otherKey = SigningKey.generate();
    SigningKey bppKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder()
        .add(ownerId, "k1", ownerKey.publicKey(), "BAP")
        .add(otherId, "k1", otherKey.publicKey(), "BAP")
        .add(BPP, "k1", bppKey.publicKey(), "BPP").build();
    operator = ReferenceOperator.builder().clock(clock).build();
    engine = BppEngine.builder().subscriberId(BPP).uniqueKeyId("k1").signingKey(bppKey).keyResolver(keys)
        .operator(operator).clock(clock).build();
    operator.attach(engine::pushStatus);
    owner = client(clock, ownerId, ownerKey, keys);
    other = client(clock, otherId, otherKey, keys);
  }

  private static DentClient client(MutableClock clock, String id, SigningKey key, StaticKeyResolver keys) {
    return DentClient.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key).keyResolver(keys).clock(clock)
        .domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30)).build();
  }

  @Override
  public void close() {
    owner.close();
    other.close();
    engine.close();
    operator.close();
  }
}
