package org.dent.examples.aggregation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dent.client.bap.DentClient;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.profile.StorageProfile;
import org.dent.core.testing.MutableClock;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.Fleet;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;

/**
 * BPPs running the reference operator (behind a {@link FaultyOperator}) and one BAP, all on loopback with real
 * signatures, sharing one {@link MutableClock}. Each BPP has one asset.
 */
final class AggregationNetwork implements AutoCloseable {
  static final String BAP = "bap.aggregator.example";
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  /** One asset of a BPP: id, usable energy, charge = discharge power, capacity price, fixed fee. */
  record Asset(String bppId, String assetId, int kwh, int kw, String capacityPrice, String fixedFee) {}

  /** One running BPP. */
  static final class Bpp {
    final Asset asset;
    final SigningKey key = SigningKey.generate();
    FaultyOperator operator;
    BppEngine engine;

    Bpp(Asset asset) {
      this.asset = asset;
    }

    URI uri() {
      return engine.bppUri();
    }
  }

  final MutableClock clock = new MutableClock(NOW);
  final Map<String, Bpp> bpps = new LinkedHashMap<>();
  final DentClient bap;
  private final StaticKeyResolver keys;
  private final List<AutoCloseable> closing = new ArrayList<>();

  AggregationNetwork(List<Asset> assets) {
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver.Builder kb = StaticKeyResolver.builder().add(BAP, "k1", bapKey.publicKey());
    for (Asset a : assets) {
      Bpp b = new Bpp(a);
      bpps.put(a.bppId(), b);
      kb.add(a.bppId(), "k1", b.key.publicKey());
    }
    keys = kb.build();
    for (Bpp b : bpps.values()) {
      ReferenceOperator ref = ReferenceOperator.builder().clock(clock).fleet(Fleet.parse(fleetJson(b.asset)))
          .build();
      b.operator = new FaultyOperator(ref);
      b.engine = BppEngine.builder().subscriberId(b.asset.bppId()).uniqueKeyId("k1").signingKey(b.key)
          .keyResolver(keys).operator(b.operator).clock(clock).build();
      ref.attach(b.engine::pushStatus);
    }
    bap = DentClient.builder().subscriberId(BAP).uniqueKeyId("k1").signingKey(bapKey).keyResolver(keys)
        .clock(clock).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30))
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(5), 1.0)).build();
  }

  Bpp bpp(String id) {
    return bpps.get(id);
  }

  List<URI> urls() {
    return bpps.values().stream().map(Bpp::uri).toList();
  }

  /**
   * Replaces BPP {@code id}'s engine by one whose reservation handler does not offer {@code confirm}: the engine
   * then refuses every confirm synchronously with a NACK ({@code 40001}) at the HTTP level. Call before searching
   * (the BPP's URL changes).
   */
  void withoutConfirm(String id) {
    Bpp b = bpps.get(id);
    b.engine.close();
    FaultyOperator op = b.operator;
    b.engine = BppEngine.builder().subscriberId(id).uniqueKeyId("k1").signingKey(b.key).keyResolver(keys)
        .operator(op).reservations(new org.dent.server.spi.ReservationHandler() {
          @Override
          public org.dent.core.model.OnSelectCallback.Message select(org.dent.core.model.SelectRequest r,
              org.dent.server.spi.RequestContext c) {
            return op.select(r, c);
          }

          @Override
          public org.dent.core.model.OnInitCallback.Message init(org.dent.core.model.InitRequest r,
              org.dent.server.spi.RequestContext c) {
            return op.init(r, c);
          }

          @Override
          public org.dent.core.model.OnCancelCallback.Message cancel(org.dent.core.model.CancelRequest r,
              org.dent.server.spi.RequestContext c) {
            return op.cancel(r, c);
          }
        }).clock(clock).build();
  }

  /** A BPP engine on the same operator again, after its first one was stopped (to look at what it holds). */
  BppEngine revive(String id) {
    return revive(id, 0);
  }

  /** The same, on {@code port} (0: any free port; the old port: the BPP is back where BAPs know it). */
  BppEngine revive(String id, int port) {
    Bpp b = bpps.get(id);
    BppEngine e = BppEngine.builder().subscriberId(id).uniqueKeyId("k1").signingKey(b.key).keyResolver(keys)
        .operator(b.operator).clock(clock).port(port).build();
    closing.add(e);
    return e;
  }

  static String fleetJson(Asset a) {
    return String.format(Locale.ROOT, """
        {"provider": {"id": "%1$s-prov", "name": "%1$s", "payment-methods": ["UPI", "BANK-TRANSFER"]},
         "quote-ttl": "PT15M",
         "assets": [{"id": "%2$s", "name": "%2$s battery", "technology": "LFP",
           "location": {"id": "%2$s-site", "gps": "12.9784,77.6408"},
           "capacity": "%3$d kWh", "max-charge-power": "%4$d kW", "max-discharge-power": "%4$d kW",
           "round-trip-efficiency": "0.90", "self-discharge-per-day": "0", "slot-granularity": "PT15M",
           "pricing": {"model": "capacity-time+energy-throughput+fixed", "currency": "INR",
             "capacity-price-per-kwh-day": "%5$s", "energy-in-price-per-kwh": "0.30",
             "energy-out-price-per-kwh": "0.30", "fixed-fee": "%6$s", "tax-rate": "0.18"},
           "cancellation": {"free-until-before-start": "PT1H", "fee": "20.00"},
           "residual": {"policy": "buy-back", "buy-back-price-per-kwh": "3.00"}}]}
        """, a.bppId(), a.assetId(), a.kwh(), a.kw(), a.capacityPrice(), a.fixedFee());
  }

  @Override
  public void close() {
    bap.close();
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    for (Bpp b : bpps.values()) {
      b.engine.close();
      b.operator.reference.close();
    }
  }
}
