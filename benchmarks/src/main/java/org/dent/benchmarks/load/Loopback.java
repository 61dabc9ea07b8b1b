package org.dent.benchmarks.load;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.json.DentCodec;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.signing.ReplayGuard;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.Verifier;
import tools.jackson.databind.JsonNode;

/**
 * The two receivers of the load driver on loopback, in this JVM, and the one OkHttp client both are driven with:
 * the bare {@link BareAckServer} (floor) and a DENT BPP ({@link HttpHost} + {@link InboundPipeline}: signature
 * verified with a replay guard, parse, schema + storage-profile validation, bind, receiver and freshness checks,
 * duplicate detection, ACK). The BPP's handler does nothing (it runs on the HTTP thread): business work is not
 * what is measured.
 */
final class Loopback implements AutoCloseable {
  static final String BAP_ID = "bap.microgrid.example";
  static final String BPP_ID = "bpp.voltvault.example";

  final SigningKey bapKey = SigningKey.generate();
  final Signer bapSigner = Signer.builder(bapKey, BAP_ID, "k1").build();
  final StaticKeyResolver keys = StaticKeyResolver.builder().add(BAP_ID, "k1", bapKey.publicKey()).build();
  /** One client for floor and ours: keep-alive pool large enough for every driver thread. */
  final OkHttpClient http = OutboundSender.defaultHttpClient().newBuilder()
      .connectionPool(new ConnectionPool(128, 5, TimeUnit.MINUTES))
      // -Ddent.bench.nagle=true puts OkHttp's own sockets back (Nagle on), to show what TCP_NODELAY is worth.
      .socketFactory(Boolean.getBoolean("dent.bench.nagle") ? javax.net.SocketFactory.getDefault()
          : OutboundSender.defaultHttpClient().socketFactory())
      .build();
  final OutboundSender sender = OutboundSender.builder(bapSigner).httpClient(http).retryPolicy(RetryPolicy.NONE)
      .build();
  final LongAdder handled = new LongAdder();
  final BareAckServer bare = BareAckServer.start(0);
  final HttpHost host;
  final URI bppUrl;

  Loopback() {
    Verifier verifier = Verifier.builder(keys).replayGuard(ReplayGuard.inMemory(1_000_000)).build();
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, BPP_ID, verifier)
        .executor(Runnable::run)
        .dedupeCapacity(1_000_000)
        .handler(new InboundHandler() {
          @Override
          public void handle(InboundMessage message) {
            handled.increment();
          }
        })
        .build();
    host = HttpHost.builder().maxInFlight(1024).build().mount("/bpp", pipeline).start();
    bppUrl = URI.create(host.baseUrl() + "/bpp");
  }

  /** The floor's URL: {@code POST /search} on the bare server. */
  URI bareSearchUrl() {
    return URI.create(bare.baseUrl() + "/search");
  }

  /**
   * A message like {@code template} with a fresh message_id and timestamp, as a sender builds each request (the
   * receiver's duplicate detection and replay guard would refuse a repeat).
   */
  static <T extends BecknMessage> BecknMessage fresh(T template) {
    Context c = template.context().toBuilder()
        .messageId(UUID.randomUUID().toString())
        .timestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .build();
    return template.withContext(c);
  }

  /** Binds a fixture tree to its record, addressed from this BAP (and to this BPP when it names a bpp_id). */
  static BecknMessage bind(JsonNode tree) {
    BecknMessage m = DentCodec.standard().bind(tree);
    Context.Builder c = m.context().toBuilder().bapId(BAP_ID);
    if (m.context().bppId() != null) {
      c.bppId(BPP_ID);
    }
    return m.withContext(c.build());
  }

  @Override
  public void close() {
    host.close();
    bare.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
