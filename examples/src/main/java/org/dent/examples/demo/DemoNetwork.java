package org.dent.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dent.client.bap.DentClient;
import org.dent.client.gateway.Gateway;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.RegistryServer;
import org.dent.client.registry.Subscription;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.Fleet;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.SigningKey;

/**
 * The demo's network, all in one process on loopback: a registry, a gateway, three reference BPPs with their own
 * fleets, and BAPs. Every participant has its own key (derived from the seed) and is listed in the registry with
 * its role; every message is signed and goes over real HTTP. BAPs search through the gateway.
 */
final class DemoNetwork implements AutoCloseable {
  static final String DOMAIN = DentClient.STORAGE_DOMAIN;

  /** One running BPP. */
  record Bpp(String id, String name, BppEngine engine, ReferenceOperator operator) {}

  static final String GATEWAY_ID = "bg.dent.demo";

  final RegistryServer registry;
  final Gateway gateway;
  final List<Bpp> bpps = new ArrayList<>();
  private final List<DentClient> baps = new ArrayList<>();
  private final Random random;

  DemoNetwork(long seed, double timeScale) {
    this.random = new Random(seed);
    this.registry = RegistryServer.ofSubscriptions(List.of()).start();
    SigningKey gatewayKey = nextKey();
    this.gateway = Gateway.builder().subscriberId(GATEWAY_ID).uniqueKeyId("k1").signingKey(gatewayKey)
        .registry(RegistryClient.create(registry.url())).domain(DOMAIN).build();
    registry.put(subscription(GATEWAY_ID, "BG", gateway.url().toString(), gatewayKey));
    startBpp("bpp.voltvault.demo", Fleet.defaultFleet(), timeScale);
    startBpp("bpp.gridcell.demo", fleet("gridcell-fleet.json"), timeScale);
    startBpp("bpp.sunbank.demo", fleet("sunbank-fleet.json"), timeScale);
  }

  private void startBpp(String id, Fleet fleet, double timeScale) {
    SigningKey key = nextKey();
    ReferenceOperator operator = ReferenceOperator.builder().fleet(fleet).timeScale(timeScale)
        .telemetryInterval(Duration.ofMillis(500)).build();
    BppEngine engine = BppEngine.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key)
        // requests from BAPs, the gateway header from the BG: the engine checks each signer's registered role
        .keyResolver(RegistryKeyResolver.builder(RegistryClient.create(registry.url())).build())
        .operator(operator).build();
    operator.attach(engine::pushStatus);
    operator.startSimulation();
    registry.put(subscription(id, "BPP", engine.bppUri().toString(), key));
    bpps.add(new Bpp(id, fleet.providerName(), engine, operator));
  }

  /** A BAP registered under {@code id}, resolving BPP keys through the registry. */
  DentClient bap(String id) {
    SigningKey key = nextKey();
    registry.put(subscription(id, "BAP", null, key));
    DentClient client = DentClient.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key)
        .ttl(Duration.ofSeconds(15)).registry(URI.create(registry.url())).gatewayUrl(gateway.url()).build();
    baps.add(client);
    return client;
  }

  List<URI> bppUrls() {
    return bpps.stream().map(b -> b.engine().bppUri()).toList();
  }

  Bpp bpp(String id) {
    return bpps.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  private SigningKey nextKey() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return SigningKey.fromSeed(seed);
  }

  private static Subscription subscription(String id, String type, String url, SigningKey key) {
    return Subscription.builder(id).type(type).domain(DOMAIN).url(url).keyId("k1").signingKey(key.publicKey())
        .status(Subscription.SUBSCRIBED).validFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .validUntil(Instant.parse("2099-01-01T00:00:00Z")).build();
  }

  private static Fleet fleet(String resource) {
    try (InputStream in = DemoNetwork.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing demo fleet " + resource);
      }
      return Fleet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    baps.forEach(DentClient::close);
    gateway.close();
    for (Bpp b : bpps) {
      b.operator().close();
      b.engine().close();
    }
    registry.close();
  }
}
