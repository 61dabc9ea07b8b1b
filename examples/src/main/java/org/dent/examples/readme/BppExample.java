package org.dent.examples.readme;

import java.net.URI;
import java.util.Set;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.Fleet;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.SigningKey;

/** The README's BPP example: a storage provider on the network in a few lines (kept in sync by a test). */
public final class BppExample {
  private BppExample() {}

  // README:BPP
  public static BppEngine startProvider(SigningKey key, URI registry) {
    ReferenceOperator operator = ReferenceOperator.builder().fleet(Fleet.defaultFleet()).build();
    BppEngine engine = BppEngine.builder()
        .subscriberId("bpp.example").uniqueKeyId("k1").signingKey(key)
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.toString()))
            .acceptedTypes(Set.of("BAP")).build())            // only registered BAPs may call
        .operator(operator)                                    // or your own StorageOperator
        .port(0)
        .build();
    operator.attach(engine::pushStatus);                     // telemetry pushes to the BAP
    operator.startSimulation();
    return engine;
  }
  // README:END
}
