package org.dent.benchmarks.load;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dent.benchmarks.Fixtures;
import org.dent.client.bap.DentClient;
import org.dent.client.bap.SearchCall;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Catalog;
import org.dent.core.model.Context;
import org.dent.core.model.Intent;
import org.dent.core.model.OnSearchCallback;
import org.dent.signing.ReplayGuard;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.Verifier;

/**
 * Issue 5: how long {@code DentClient.search(intent, bpps).first()} takes when the BPPs answer at once.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dent.benchmarks.load.FirstOnSearch [--bpps 1,3] [--searches 200]
 *     [--warmup 300]
 * </pre>
 *
 * Everything in this JVM on loopback: a {@link DentClient} (its own callback host) and 1–3 BPPs built like the SDK's
 * test BPP ({@link HttpHost} + {@link InboundPipeline}), whose handler, on an executor as soon as the search is
 * ACKed, sends the {@code on_search} back with {@link OutboundSender}: the worked {@code 02-on_search} catalog
 * (2.7 KB compact), signed, to {@code context.bap_uri}. The search carries the worked {@code 01-search} intent.
 * Searches run one after another; each is timed from the call to {@code search} until {@code first()} completes.
 */
public final class FirstOnSearch {
  private FirstOnSearch() {}

  /** A BPP that answers every search with the same catalog, immediately. */
  private static final class InstantBpp implements AutoCloseable {
    final String id;
    final SigningKey key = SigningKey.generate();
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final HttpHost host;
    final URI url;
    final OutboundSender sender;
    final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicReference<String> firstFailure =
        new java.util.concurrent.atomic.AtomicReference<>();

    InstantBpp(String id, StaticKeyResolver keys, Catalog catalog) {
      this.id = id;
      this.sender = OutboundSender.builder(Signer.builder(key, id, "k1").build()).retryPolicy(RetryPolicy.NONE)
          .build();
      Verifier verifier = Verifier.builder(keys).replayGuard(ReplayGuard.inMemory(100_000)).build();
      this.host = HttpHost.builder().build();
      InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, id, verifier)
          .executor(executor)
          .handler(new InboundHandler() {
            @Override
            public void handle(InboundMessage message) {
              Context c = message.context().toBuilder().action("on_search").bppId(id).bppUri(url.toString())
                  .timestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).build();
              try {
                sender.send(URI.create(c.bapUri()), new OnSearchCallback(c, new OnSearchCallback.Message(catalog)));
              } catch (RuntimeException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
              }
            }
          })
          .build();
      host.mount("/bpp", pipeline).start();
      this.url = URI.create(host.baseUrl() + "/bpp"); // the port is known once started
    }

    @Override
    public void close() {
      host.close();
      executor.shutdownNow();
    }
  }

  public static void main(String[] args) throws Exception {
    int[] bppCounts = {1, 3};
    int searches = 200;
    int warmup = 300;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bpps" -> bppCounts = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--searches" -> searches = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    DentCodec codec = DentCodec.standard();
    Intent intent = codec.bind(Fixtures.example("01-search.json").path("message").path("intent"), Intent.class);
    Catalog catalog = codec.bind(Fixtures.example("02-on_search.json").path("message").path("catalog"),
        Catalog.class);
    List<String> summary = new ArrayList<>();
    for (int n : bppCounts) {
      summary.add(run(n, intent, catalog, warmup, searches));
    }
    System.out.println();
    System.out.println("== first on_search (target: <= 20 ms) ==");
    summary.forEach(System.out::println);
    System.exit(0);
  }

  private static String run(int bppCount, Intent intent, Catalog catalog, int warmup, int searches)
      throws Exception {
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver bppSide = StaticKeyResolver.builder().add("bap.microgrid.example", "k1", bapKey.publicKey())
        .build();
    StaticKeyResolver.Builder bapSide = StaticKeyResolver.builder();
    List<InstantBpp> bpps = new ArrayList<>();
    for (int i = 0; i < bppCount; i++) {
      InstantBpp b = new InstantBpp("bpp" + i + ".example", bppSide, catalog);
      bpps.add(b);
      bapSide.add(b.id, "k1", b.key.publicKey());
    }
    List<URI> urls = bpps.stream().map(b -> b.url).toList();
    try (DentClient client = DentClient.builder().subscriberId("bap.microgrid.example").uniqueKeyId("k1")
        .signingKey(bapKey).keyResolver(bapSide.build()).retryPolicy(RetryPolicy.NONE).build()) {
      for (int i = 0; i < warmup; i++) {
        SearchCall call = client.search(intent, urls);
        try {
          call.first().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          String sent = call.sent().handle((ok, err) -> err == null ? "ACKed" : err.toString()).get();
          throw new IllegalStateException("no on_search within 5 s; search " + sent + "; BPP side: "
              + bpps.get(0).firstFailure.get(), e);
        }
      }
      long[] first = new long[searches];
      long[] all = new long[searches];
      CpuMeter meter = new CpuMeter();
      for (int i = 0; i < searches; i++) {
        long start = System.nanoTime();
        SearchCall call = client.search(intent, urls);
        call.first().get(5, TimeUnit.SECONDS);
        first[i] = System.nanoTime() - start;
        call.all().get(5, TimeUnit.SECONDS);
        all[i] = System.nanoTime() - start;
      }
      CpuMeter.Usage usage = meter.stop();
      Arrays.sort(first);
      Arrays.sort(all);
      String line = String.format(Locale.ROOT, "%d BPP%s: first on_search p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
              + " all answered p50 %.2f ms, p99 %.2f ms  (%d searches after %d warm-up; others used %.2f cores)",
          bppCount, bppCount == 1 ? " " : "s", first[searches / 2] / 1e6, first[(int) (searches * 0.99) - 1] / 1e6,
          first[searches - 1] / 1e6, all[searches / 2] / 1e6, all[(int) (searches * 0.99) - 1] / 1e6, searches,
          warmup, usage.otherCores());
      System.out.println(line);
      return line;
    } finally {
      bpps.forEach(InstantBpp::close);
    }
  }
}
