package org.dent.benchmarks.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.store.EngineStore;
import org.dent.server.store.InMemoryStore;
import org.dent.server.store.OperatorStore;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.store.jdbc.DataKeys;
import org.dent.store.jdbc.JdbcStore;

/**
 * Issue 8: confirm throughput and latency of the reference BPP with the in-memory store vs PostgreSQL, in one run,
 * and search latency with each (search reads the books this instance caches, never the database).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dent.benchmarks.store.StoreLoadDriver [--threads 16]
 *     [--seconds 15] [--warmup 8] [--searches 2000] [--rounds 2]
 *     [--url jdbc:postgresql://…  (else an embedded PostgreSQL 14)]
 * </pre>
 *
 * Everything in this JVM on loopback, real signed HTTP both ways: one {@link DentClient} (BAP) and one {@link
 * BppEngine} + {@link ReferenceOperator} (default fleet: 4 assets) on the store under test. Each thread books in a
 * loop: {@code select}, {@code init}, {@code confirm} of 1 kWh for one hour at a random slot of a random asset in
 * the next 60 days (capacity never runs out); <em>confirm latency</em> is from the call to {@code confirm} until
 * {@code on_confirm} arrived, throughput counts confirmed orders per second. Then {@code --searches} searches, 8
 * at a time, each timed from the call until the first {@code on_search}. Last the same bookings in-process
 * (select, init, confirm called on the operator: no HTTP, signatures or validation), which isolates what the store
 * costs a confirm.
 */
public final class StoreLoadDriver {
  /** The default fleet's batteries on a 15-minute grid. */
  private static final String[] ASSETS = {"vv-bess-01", "vv-bess-02", "vv-bess-04"};

  private StoreLoadDriver() {}

  record Result(String store, double confirmsPerSecond, long[] confirmNanos, long[] searchNanos, int errors,
      double inProcessPerSecond, long[] inProcessNanos) {}

  public static void main(String[] args) throws Exception {
    int threads = intArg(args, "--threads", 16);
    int seconds = intArg(args, "--seconds", 15);
    int warmup = intArg(args, "--warmup", 8);
    int searches = intArg(args, "--searches", 2000);
    String url = arg(args, "--url", null);
    EmbeddedPostgres pg = url == null ? EmbeddedPostgres.builder().start() : null;
    DataKeys keys = DataKeys.parse(DataKeys.generate("bench"));
    int rounds = intArg(args, "--rounds", 2);
    List<Result> results = new ArrayList<>();
    try {
      // alternated, so that JIT warm-up and other processes' load fall on both alike
      for (int round = 1; round <= rounds; round++) {
        InMemoryStore memory = new InMemoryStore();
        results.add(run("memory #" + round, memory, memory, threads, seconds, warmup, searches));
        String db = url;
        if (pg != null) { // a fresh database each round, so both rounds start alike
          try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE dent_bench_" + round);
          }
          db = pg.getJdbcUrl("postgres", "dent_bench_" + round);
        }
        try (JdbcStore jdbc = JdbcStore.builder().url(db).user("postgres").password("postgres")
            .keys(keys).poolSize(threads).build()) {
          results.add(run("postgres #" + round, jdbc, jdbc, threads, seconds, warmup, searches));
        }
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    System.out.printf(Locale.ROOT, "%n%-12s %9s %8s %8s %8s %8s %8s %6s | %9s %8s %8s%n", "store", "confirm/s",
        "p50 ms", "p99 ms", "max ms", "s p50", "s p99", "errors", "inproc/s", "p50 ms", "p99 ms");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-12s %9.0f %8.2f %8.2f %8.2f %8.2f %8.2f %6d | %9.0f %8.3f %8.3f%n",
          r.store(), r.confirmsPerSecond(), ms(pct(r.confirmNanos(), 50)), ms(pct(r.confirmNanos(), 99)),
          ms(pct(r.confirmNanos(), 100)), ms(pct(r.searchNanos(), 50)), ms(pct(r.searchNanos(), 99)), r.errors(),
          r.inProcessPerSecond(), ms(pct(r.inProcessNanos(), 50)), ms(pct(r.inProcessNanos(), 99)));
    }
    System.exit(0);
  }

  static <S extends OperatorStore & EngineStore> Result run(String name, S store, S same, int threads, int seconds,
      int warmup, int searches) throws Exception {
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bap.bench", "k1", bapKey.publicKey())
        .add("bpp.bench", "k1", bppKey.publicKey()).build();
    ReferenceOperator operator = ReferenceOperator.builder().store(store).build();
    BppEngine engine = BppEngine.builder().subscriberId("bpp.bench").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).store(same).handlerThreads(threads).build();
    operator.attach(engine::pushStatus);
    DentClient client = DentClient.builder().subscriberId("bap.bench").uniqueKeyId("k1").signingKey(bapKey)
        .keyResolver(keys).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30)).build();
    try {
      System.out.printf(Locale.ROOT, "%s: warm-up %d s%n", name, warmup);
      book(client, engine.bppUri(), threads, warmup);
      System.out.printf(Locale.ROOT, "%s: measuring %d s, %d threads%n", name, seconds, threads);
      Booked b = book(client, engine.bppUri(), threads, seconds);
      long[] search = search(client, engine.bppUri(), searches);
      System.out.printf(Locale.ROOT, "%s: in-process confirms, %d s%n", name, seconds);
      inProcess(operator, threads, warmup);
      long[] direct = inProcess(operator, threads, seconds);
      return new Result(name, b.confirms / (double) seconds, b.nanos, search, b.errors,
          direct.length / (double) seconds, direct);
    } finally {
      client.close();
      engine.close();
      operator.close();
    }
  }

  record Booked(int confirms, long[] nanos, int errors) {}

  static Booked book(DentClient client, URI bpp, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger errors = new AtomicInteger();
    List<Future<List<Long>>> runs = new ArrayList<>();
    Instant day = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    for (int t = 0; t < threads; t++) {
      long seed = t * 7919L + System.nanoTime();
      runs.add(pool.submit(() -> {
        Random r = new Random(seed);
        List<Long> nanos = new ArrayList<>();
        while (System.nanoTime() < end) {
          String asset = ASSETS[r.nextInt(ASSETS.length)];
          Instant start = day.plus(Duration.ofMinutes(15L * r.nextInt(60 * 96)));
          TimeWindow w = TimeWindow.of(start, Duration.ofHours(1));
          BppTarget target = new BppTarget("bpp.bench", bpp, client.newTransactionId());
          Order o = order(asset, w);
          try {
            client.select(target, o).get(30, TimeUnit.SECONDS);
            client.init(target, o).get(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            client.confirm(target, o).get(30, TimeUnit.SECONDS);
            nanos.add(System.nanoTime() - t0);
          } catch (Exception e) {
            if (errors.incrementAndGet() <= 3) {
              System.err.println("booking failed: " + e);
            }
          }
        }
        return nanos;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : runs) {
      all.addAll(f.get());
    }
    pool.shutdown();
    long[] out = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return new Booked(out.length, out, errors.get());
  }

  /**
   * select, init, confirm called on the operator directly (no HTTP, signing or validation): what the store costs
   * a confirm; the latency is that of {@code confirm} alone.
   */
  static long[] inProcess(ReferenceOperator operator, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Instant day = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    List<Future<List<Long>>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t * 104729L + System.nanoTime();
      runs.add(pool.submit(() -> {
        Random r = new Random(seed);
        List<Long> nanos = new ArrayList<>();
        while (System.nanoTime() < end) {
          String asset = ASSETS[r.nextInt(ASSETS.length)];
          TimeWindow w = TimeWindow.of(day.plus(Duration.ofMinutes(15L * r.nextInt(60 * 96))), Duration.ofHours(1));
          Order o = order(asset, w);
          String txn = java.util.UUID.randomUUID().toString();
          operator.select(new org.dent.core.model.SelectRequest(context("select", txn),
              new org.dent.core.model.SelectRequest.Message(o)), rc("select", txn));
          operator.init(new org.dent.core.model.InitRequest(context("init", txn),
              new org.dent.core.model.InitRequest.Message(o)), rc("init", txn));
          long t0 = System.nanoTime();
          operator.confirm(new org.dent.core.model.ConfirmRequest(context("confirm", txn),
              new org.dent.core.model.ConfirmRequest.Message(o)), rc("confirm", txn));
          nanos.add(System.nanoTime() - t0);
        }
        return nanos;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : runs) {
      all.addAll(f.get());
    }
    pool.shutdown();
    long[] out = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  static org.dent.core.model.Context context(String action, String txn) {
    return org.dent.core.model.Context.builder().domain(StorageProfile.DOMAIN).action(action).version("1.1.0")
        .bapId("bap.bench").bapUri("http://127.0.0.1:1/bap").bppId("bpp.bench").bppUri("http://127.0.0.1:1/bpp")
        .transactionId(txn).messageId(java.util.UUID.randomUUID().toString())
        .timestamp(Instant.now().toString()).ttl("PT30S").build();
  }

  static org.dent.server.spi.RequestContext rc(String action, String txn) {
    org.dent.core.model.Context c = context(action, txn);
    return new org.dent.server.spi.RequestContext(org.dent.core.model.Action.fromWireName(action), txn,
        c.messageId(), "bap.bench", Instant.now().plusSeconds(30), c);
  }

  static long[] search(DentClient client, URI bpp, int searches) throws Exception {
    Instant day = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
    var intent = StorageRequirement.of(Energy.ofKwh("5"), TimeWindow.of(day, Duration.ofHours(4))).toIntent();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Long>> runs = new ArrayList<>();
    for (int i = 0; i < searches; i++) {
      runs.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        client.search(intent, List.of(bpp)).first().get(30, TimeUnit.SECONDS);
        return System.nanoTime() - t0;
      }));
    }
    long[] out = new long[searches];
    for (int i = 0; i < searches; i++) {
      out[i] = runs.get(i).get();
    }
    pool.shutdown();
    Arrays.sort(out);
    return out;
  }

  static Order order(String asset, TimeWindow w) {
    return Order.builder().provider(Provider.builder().id("voltvault").build())
        .items(List.of(Item.builder().id(asset).quantity(ItemQuantity.builder().selected(QuantityValue.builder()
            .measure(Scalar.builder().value("1").unit("kWh").build()).build()).build()).build()))
        .fulfillments(List.of(Fulfillment.builder().id("f1").type("energy-storage").stops(List.of(Stop.builder()
            .type("start").time(Time.builder().range(TimeRange.builder().start(w.start().toString())
            .end(w.end().toString()).build()).build()).build())).build()))
        .billing(Billing.builder().name("Bench Co-op").email("bench@example.org").build())
        .payments(List.of(Payment.builder().type("POST-FULFILLMENT").collectedBy("BPP")
            .tags(List.of(ProfileTags.group(TagGroup.PAYMENT_TERMS, java.util.Map.of("method", "BANK-TRANSFER"))))
            .build()))
        .build();
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static int intArg(String[] args, String name, int dflt) {
    String v = arg(args, name, null);
    return v == null ? dflt : Integer.parseInt(v);
  }

  static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
