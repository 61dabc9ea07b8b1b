package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.model.Order;
import org.dent.core.profile.StorageProfile;
import org.dent.core.testing.MutableClock;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.store.ContractRecord;
import org.dent.server.store.Ledger;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two BPP instances on different ports sharing one PostgreSQL database, requests spread between them over real
 * signed HTTP: many BAP threads race for overlapping capacity of one asset, quoting on one instance and confirming
 * on the other; no instant is ever booked beyond the asset's usable capacity, and both instances answer for every
 * order.
 */
class TwoInstancesTest {
  static final Instant DAY = Instant.parse("2026-12-01T10:00:00Z");
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  final StaticKeyResolver keys = StaticKeyResolver.builder().add(Orders.BAP, "k1", bapKey.publicKey())
      .add(Orders.BPP, "k1", bppKey.publicKey()).build();
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  BppEngine instance(String url) {
    JdbcStore store = Pg.store(url);
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).store(store).build();
    BppEngine engine = BppEngine.builder().subscriberId(Orders.BPP).uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).clock(clock).store(store).build();
    operator.attach(engine::pushStatus);
    closing.add(store);
    closing.add(operator);
    closing.add(engine);
    return engine;
  }

  @Test
  void concurrentConfirmsAcrossInstancesNeverDoubleBook() throws Exception {
    String url = Pg.freshDatabase();
    BppEngine[] bpps = {instance(url), instance(url)};
    assertThat(bpps[0].bppUri()).isNotEqualTo(bpps[1].bppUri());
    DentClient client = DentClient.builder().subscriberId(Orders.BAP).uniqueKeyId("k1").signingKey(bapKey)
        .keyResolver(keys).clock(clock).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30)).build();
    closing.add(client);

    Random r = new Random(42);
    ExecutorService pool = Executors.newFixedThreadPool(24);
    Map<String, Ledger.Booking> accepted = new ConcurrentHashMap<>();
    Map<String, BppTarget> targets = new ConcurrentHashMap<>();
    List<Future<?>> runs = new ArrayList<>();
    int refused;
    try {
      for (int i = 0; i < 60; i++) {
        int s = r.nextInt(28);
        Instant start = DAY.plus(Duration.ofMinutes(15L * s));
        Instant end = DAY.plus(Duration.ofMinutes(15L * (s + 1 + r.nextInt(32 - s))));
        String kwh = String.valueOf(30 + r.nextInt(150));
        BppEngine quoting = bpps[i % 2];
        BppEngine confirming = bpps[(i + 1) % 2];
        runs.add(pool.submit(() -> {
          String txn = client.newTransactionId();
          BppTarget q = new BppTarget(Orders.BPP, quoting.bppUri(), txn);
          BppTarget c = new BppTarget(Orders.BPP, confirming.bppUri(), txn);
          try {
            Order granted = client.select(q, Orders.order("vv-bess-01", kwh, start.toString(), end.toString()))
                .get(20, TimeUnit.SECONDS).message().order();
            String got = granted.items().get(0).quantity().selected().measure().value();
            Order o = Orders.withTerms(Orders.order("vv-bess-01", got, start.toString(), end.toString()));
            // init quotes again: it may grant less than select did when others booked meanwhile
            got = client.init(q, o).get(20, TimeUnit.SECONDS).message().order().items().get(0).quantity()
                .selected().measure().value();
            o = Orders.withTerms(Orders.order("vv-bess-01", got, start.toString(), end.toString()));
            String id = client.confirm(c, o).get(20, TimeUnit.SECONDS).message().order().id();
            accepted.put(id, new Ledger.Booking(start, end, new BigDecimal(got)));
            targets.put(id, c);
            return false;
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CallbackErrorException.class);
            assertThat(((CallbackErrorException) e.getCause()).code()).isEqualTo("40002");
            return true;
          }
        }));
      }
      refused = 0;
      for (Future<?> f : runs) {
        refused += (Boolean) f.get() ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(accepted).hasSizeGreaterThan(3);
    assertThat(refused).as("the race must be contended").isPositive();
    for (Ledger.Booking b : accepted.values()) {
      assertThat(Ledger.peak(accepted.values(), b.start(), b.end())).isLessThanOrEqualTo(new BigDecimal("450"));
    }
    try (JdbcStore check = Pg.store(url)) {
      List<ContractRecord> live = check.inAsset("vv-bess-01", new BigDecimal("450"), s -> s.liveContracts());
      assertThat(live).extracting(ContractRecord::orderId).containsExactlyInAnyOrderElementsOf(accepted.keySet());
    }
    for (Map.Entry<String, BppTarget> e : targets.entrySet()) {
      for (BppEngine bpp : bpps) {
        BppTarget t = new BppTarget(Orders.BPP, bpp.bppUri(), e.getValue().transactionId());
        assertThat(client.status(t, e.getKey()).get(20, TimeUnit.SECONDS).message().order().status())
            .isEqualTo("ACTIVE");
      }
    }
  }
}
