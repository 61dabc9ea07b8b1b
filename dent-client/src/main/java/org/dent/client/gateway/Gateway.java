package org.dent.client.gateway;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.client.internal.Threads;
import org.dent.client.registry.LookupRequest;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryException;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.Subscription;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.NackException;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RateLimiter;
import org.dent.core.error.ErrorCode;
import org.dent.core.error.MalformedMessageException;
import org.dent.core.json.DentCodec;
import org.dent.core.model.AckResponse;
import org.dent.core.model.Action;
import org.dent.core.model.Context;
import org.dent.signing.KeyResolver;
import org.dent.signing.ReplayGuard;
import org.dent.signing.SignatureHeaders;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.Verifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Beckn gateway (BG) for local networks: takes {@code search} from BAPs and fans it out to the BPPs the registry
 * lists for the search's domain (and city, when the search names one). BPPs call the BAP back directly; the
 * gateway relays nothing else.
 *
 * <p>Inbound, each search passes the shared {@link InboundPipeline} as a BPP would check it: the BAP's signature
 * over the exact bytes, the signer registered as a {@code BAP} in the message's domain and usable now, schema and
 * profile, freshness, duplicates, and an optional per-BAP {@link Builder#rateLimiter rate limit}. Any other action
 * is NACKed {@code 40001}. The BAP gets its ACK at once; forwarding runs afterwards on a bounded pool.
 *
 * <p>Outbound, the search's bytes go unchanged to {@code {bpp url}/search} with the BAP's own
 * {@code Authorization} header and the gateway's {@code X-Gateway-Authorization} over the same bytes, to every BPP
 * subscription that is {@code SUBSCRIBED}, valid now and has a URL (once per subscriber). Forwards are not retried:
 * a repeat would carry the BAP's very signature again, which a BPP's replay guard refuses. Each forward is reported
 * to the {@link DentEventListener} ({@code sent}, {@code acked}, {@code nacked}).
 *
 * <p>Thread-safe; build once ({@link #builder}), {@link #close()} when done.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final DentCodec CODEC = DentCodec.standard();
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final String subscriberId;
  private final @Nullable String domain;
  private final RegistryClient registry;
  private final Signer signer;
  private final Clock clock;
  private final OkHttpClient http;
  private final DentEventListener listener;
  private final HttpHost host;
  private final boolean ownsHost;
  private final String basePath;
  private final URI url;
  private final ExecutorService lookups;
  private final ExecutorService forwards;
  private final AtomicLong forwarded = new AtomicLong();

  private Gateway(Builder b) {
    this.subscriberId = Objects.requireNonNull(b.subscriberId, "subscriberId");
    this.domain = b.domain;
    this.registry = Objects.requireNonNull(b.registry, "registry");
    this.clock = b.clock;
    this.signer = Signer.builder(Objects.requireNonNull(b.signingKey, "signingKey"), subscriberId,
        Objects.requireNonNull(b.uniqueKeyId, "uniqueKeyId")).clock(b.clock).build();
    this.http = b.httpClient != null ? b.httpClient : OutboundSender.defaultHttpClient();
    this.listener = b.listener;
    this.lookups = Threads.pool("dent-gateway-lookup", 2, 1_000);
    this.forwards = Threads.pool("dent-gateway-forward", b.parallelism, 10_000);
    KeyResolver keys = b.keyResolver != null ? b.keyResolver
        : RegistryKeyResolver.builder(registry).clock(b.clock).build();
    Verifier verifier = Verifier.builder(keys).clock(b.clock).replayGuard(ReplayGuard.inMemory(100_000)).build();
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, subscriberId, verifier)
        .clock(b.clock).listener(b.listener).executor(lookups).rateLimiter(b.rateLimiter)
        .handler(new Relay())
        .build();
    this.ownsHost = b.host == null;
    this.host = ownsHost ? HttpHost.builder().host(b.bindHost).port(b.port).build() : b.host;
    this.basePath = b.basePath;
    host.mount(basePath, pipeline);
    if (ownsHost) {
      host.start();
    }
    this.url = URI.create(host.baseUrl() + basePath);
  }

  /** A builder for a gateway. */
  public static Builder builder() {
    return new Builder();
  }

  /** This gateway's subscriber id. */
  public String subscriberId() {
    return subscriberId;
  }

  /** Where BAPs send {@code search} (give it to {@code DentClient.Builder.gatewayUrl}). */
  public URI url() {
    return url;
  }

  /** How many forwards to BPPs were ACKed since the gateway started. */
  public long forwardedCount() {
    return forwarded.get();
  }

  private final class Relay implements InboundHandler {
    @Override
    public void admit(InboundMessage message) {
      if (message.action() != Action.SEARCH) {
        throw new NackException(ErrorCode.NOT_IMPLEMENTED.code(), "a gateway relays only search, not "
            + message.action().wireName(), List.of("/context/action"), 200);
      }
      if (domain != null && !domain.equals(message.context().domain())) {
        throw new NackException(ErrorCode.INVALID_REQUEST.code(), "this gateway serves domain " + domain,
            List.of("/context/domain"), 400);
      }
    }

    @Override
    public void handle(InboundMessage message) {
      fanOut(message);
    }
  }

  private void fanOut(InboundMessage message) {
    Context c = message.context();
    String city = c.location() == null || c.location().city() == null ? null : c.location().city().code();
    List<Subscription> found;
    try {
      found = registry.lookup(new LookupRequest(null, "BPP", c.domain(), null, city));
    } catch (RegistryException e) {
      log.warn("search {} not forwarded: registry lookup failed: {}", c.messageId(), e.getMessage());
      return;
    }
    Instant now = clock.instant();
    Map<String, String> targets = new LinkedHashMap<>();
    for (Subscription s : found) {
      if (s.hasType("BPP") && s.url() != null && s.isUsableAt(now)
          && Objects.equals(s.domain(), c.domain()) && (city == null || city.equals(s.city()))) {
        targets.putIfAbsent(s.subscriberId(), s.url());
      }
    }
    log.debug("search {} from {} goes to {} BPPs", c.messageId(), message.signer().subscriberId(), targets.size());
    byte[] body = message.body();
    String gatewayHeader = signer.sign(body).value();
    List<Runnable> sends = new ArrayList<>();
    for (String target : targets.values()) {
      sends.add(() -> forward(target, c.messageId(), body, message.authorization(), gatewayHeader));
    }
    for (Runnable send : sends) {
      try {
        forwards.execute(send);
      } catch (RejectedExecutionException e) {
        log.warn("search {} not forwarded to every BPP: gateway overloaded", c.messageId());
        return;
      }
    }
  }

  private void forward(String bppUrl, String messageId, byte[] body, @Nullable String authorization,
      String gatewayHeader) {
    String endpoint = (bppUrl.endsWith("/") ? bppUrl : bppUrl + "/") + Action.SEARCH.wireName();
    long start = System.nanoTime();
    listener.sent(Action.SEARCH, messageId, endpoint, 1);
    Request.Builder rb = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON))
        .header(SignatureHeaders.GATEWAY_AUTHORIZATION, gatewayHeader);
    if (authorization != null) {
      rb.header(SignatureHeaders.AUTHORIZATION, authorization);
    }
    try (Response r = http.newCall(rb.build()).execute()) {
      AckResponse ack = readAck(r);
      if (r.code() == 200 && ack != null && ack.isAck()) {
        forwarded.incrementAndGet();
        listener.acked(Action.SEARCH, messageId, System.nanoTime() - start);
      } else {
        String code = ack == null || ack.error() == null || ack.error().code() == null ? "HTTP_" + r.code()
            : ack.error().code();
        log.info("BPP at {} refused search {}: HTTP {} {}", endpoint, messageId, r.code(), code);
        listener.nacked(Action.SEARCH, messageId, r.code(), code);
      }
    } catch (IOException | IllegalArgumentException e) {
      log.info("search {} not delivered to {}: {}", messageId, endpoint, e.toString());
      listener.nacked(Action.SEARCH, messageId, 0, "TRANSPORT");
    }
  }

  private @Nullable AckResponse readAck(Response r) throws IOException {
    okio.BufferedSource source = r.body().source();
    source.request(MAX_ANSWER_BYTES);
    byte[] bytes = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_ANSWER_BYTES));
    try {
      return bytes.length == 0 ? null : CODEC.bind(CODEC.readTree(bytes), AckResponse.class);
    } catch (MalformedMessageException e) {
      return null;
    }
  }

  /** Stops accepting searches and stops the pools; forwards under way may be cut off. */
  @Override
  public void close() {
    if (ownsHost) {
      host.close();
    } else {
      host.unmount(basePath);
    }
    lookups.shutdown();
    forwards.shutdown();
  }

  @Override
  public String toString() {
    return "Gateway[" + subscriberId + " at " + url + "]";
  }

  /**
   * Configures a {@link Gateway}. Required: subscriber id, unique key id, signing key, registry. The gateway must be
   * registered as type {@code BG} with that key, or BPPs refuse its header.
   */
  public static final class Builder {
    private @Nullable String subscriberId;
    private @Nullable String uniqueKeyId;
    private @Nullable SigningKey signingKey;
    private @Nullable RegistryClient registry;
    private @Nullable KeyResolver keyResolver;
    private @Nullable String domain;
    private Clock clock = Clock.systemUTC();
    private @Nullable OkHttpClient httpClient;
    private DentEventListener listener = DentEventListener.NONE;
    private @Nullable RateLimiter rateLimiter;
    private @Nullable HttpHost host;
    private String basePath = "";
    private String bindHost = "127.0.0.1";
    private int port;
    private int parallelism = 8;

    private Builder() {}

    /** The gateway's subscriber id (registered as {@code BG}). */
    public Builder subscriberId(String subscriberId) {
      this.subscriberId = subscriberId;
      return this;
    }

    /** The registry's unique key id of the signing key. */
    public Builder uniqueKeyId(String uniqueKeyId) {
      this.uniqueKeyId = uniqueKeyId;
      return this;
    }

    /** The key {@code X-Gateway-Authorization} is signed with. */
    public Builder signingKey(SigningKey signingKey) {
      this.signingKey = signingKey;
      return this;
    }

    /** The registry BPPs are looked up in (and, unless {@link #keyResolver} is given, BAP keys too). */
    public Builder registry(RegistryClient registry) {
      this.registry = registry;
      return this;
    }

    /** Where BAP keys come from (default a cache over the {@link #registry}). */
    public Builder keyResolver(KeyResolver keyResolver) {
      this.keyResolver = keyResolver;
      return this;
    }

    /** The only domain served; searches of another get {@code 30000} (default: any domain). */
    public Builder domain(@Nullable String domain) {
      this.domain = domain;
      return this;
    }

    /** Clock for signatures, freshness and subscription validity (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The OkHttp client forwards go through (default {@link OutboundSender#defaultHttpClient()}). */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** Hears refusals and every forward (default none). */
    public Builder listener(DentEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Limits searches per BAP (default none); see {@link InboundPipeline.Builder#rateLimiter}. */
    public Builder rateLimiter(@Nullable RateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
      return this;
    }

    /** Mount on this host at {@code basePath} instead of running an own one. */
    public Builder host(HttpHost host, String basePath) {
      this.host = host;
      this.basePath = basePath;
      return this;
    }

    /** Interface the own host binds (default 127.0.0.1). */
    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    /** Port of the own host (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Forwards in flight at once (default 8). */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Builds and starts the gateway. */
    public Gateway build() {
      return new Gateway(this);
    }
  }
}
