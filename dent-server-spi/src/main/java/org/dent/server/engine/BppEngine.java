package org.dent.server.engine;

import org.dent.client.internal.Threads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.NackException;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RateLimiter;
import org.dent.client.transport.RetryPolicy;
import org.dent.client.transport.ServerTls;
import okhttp3.OkHttpClient;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.error.ErrorPaths;
import org.dent.core.model.Action;
import org.dent.core.model.BecknError;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.validation.MessageValidator;
import org.dent.server.spi.BusinessException;
import org.dent.server.spi.CatalogProvider;
import org.dent.server.spi.RatingHandler;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.ReservationHandler;
import org.dent.server.spi.StorageOperator;
import org.dent.server.spi.SupportHandler;
import org.dent.server.spi.TransferHandler;
import org.dent.core.json.DentCodec;
import org.dent.server.store.EngineStore;
import org.dent.server.store.InMemoryStore;
import org.dent.server.store.OrderOwnerRecord;
import org.dent.server.store.StoredCallback;
import org.dent.signing.KeyResolver;
import org.dent.signing.ReplayGuard;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.Verifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BPP engine: receives the ten requests on the embedded host (signature, validation, receiver checks and
 * duplicate detection by the shared {@link InboundPipeline}), ACKs, runs the operator's handler on an executor and
 * signs and POSTs {@code on_<action>} to {@code context.bap_uri}.
 *
 * <p>Guarantees: an action the operator does not offer is NACKed {@code 40001} at once; a handler that throws a
 * {@link BusinessException} (or any {@link DentException}) produces a callback with {@code error{code, message,
 * paths}}; one that fails unexpectedly produces an error callback too, never silence; one that outlives the
 * request's ttl produces an error callback at the deadline and its late result is dropped. Order-scoped requests
 * ({@code status track update cancel rating support}) naming an order confirmed by another BAP get {@code 30010},
 * exactly as an unknown order. A duplicate message_id from the same BAP within its ttl is ACKed again and the
 * callback already produced is re-sent. A callback that cannot be delivered is retried by the policy, then
 * recorded in {@link #undelivered()}; the operator's state is unaffected, so {@code status} still answers.
 */
public final class BppEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BppEngine.class);
  private static final DentCodec CODEC = DentCodec.standard();
  /** How long an answer is kept for a repeated message_id. */
  private static final Duration KEEP_CALLBACKS = Duration.ofHours(1);

  private final String subscriberId;
  private final URI bppUri;
  private final Clock clock;
  private final Operators operators;
  private final OutboundSender sender;
  private final HttpHost host;
  private final boolean ownsHost;
  private final String basePath;
  private final ExecutorService executor;
  private final ExecutorService callbackExecutor;
  private final ScheduledExecutorService timer;
  private final EngineStore store;
  /** Answers to searches, for duplicates (kept out of the store). */
  private final Cache<String, StoredCallback> searches = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Map<String, OrderOwner> orders = new ConcurrentHashMap<>();
  private final List<Undelivered> undelivered = new CopyOnWriteArrayList<>();

  /** Who confirmed an order, so pushes reach them and nobody else can address it. */
  public record OrderOwner(String orderId, String bapId, String bapUri, String transactionId, String domain) {}

  /** A callback that could not be delivered after every retry. */
  public record Undelivered(Action action, String messageId, String bapUri, String reason, Instant at) {}

  private BppEngine(Builder b) {
    this.subscriberId = Objects.requireNonNull(b.subscriberId, "subscriberId");
    this.clock = b.clock;
    this.operators = b.operators();
    Signer signer = Signer.builder(Objects.requireNonNull(b.signingKey, "signingKey"), b.subscriberId,
        Objects.requireNonNull(b.uniqueKeyId, "uniqueKeyId")).clock(b.clock).build();
    OutboundSender.Builder sb = OutboundSender.builder(signer).retryPolicy(b.callbackRetryPolicy).listener(b.listener);
    if (b.httpClient != null) {
      sb.httpClient(b.httpClient);
    }
    this.sender = sb.build();
    this.executor = b.executor != null ? b.executor : Threads.pool("dent-bpp-handler", b.handlerThreads, 10_000);
    this.callbackExecutor = Threads.pool("dent-bpp-callback", Math.max(4, b.handlerThreads), 10_000);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> Threads.daemon(r, "dent-bpp-deadlines"));
    this.store = b.store;
    Verifier verifier = Verifier.builder(Objects.requireNonNull(b.keyResolver, "keyResolver")).clock(b.clock)
        .replayGuard(ReplayGuard.inMemory(100_000)).build();
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, subscriberId, verifier)
        .clock(b.clock).listener(b.listener).executor(executor)
        .validator(b.validator != null ? b.validator : MessageValidator.standard())
        .rateLimiter(b.ratePerSecond > 0 ? RateLimiter.of(b.ratePerSecond, b.rateBurst, b.clock) : null)
        .handler(new Handler())
        .build();
    this.ownsHost = b.host == null;
    this.host = ownsHost ? HttpHost.builder().host(b.bindHost).port(b.port).tls(b.tls)
        .idleTimeout(b.idleTimeout).bodyTimeout(b.bodyTimeout).build() : b.host;
    this.basePath = b.basePath;
    host.mount(basePath, pipeline);
    if (ownsHost) {
      host.start();
    }
    this.bppUri = b.bppUri != null ? b.bppUri : URI.create(host.baseUrl() + basePath);
    timer.scheduleWithFixedDelay(() -> {
      try {
        store.purge(clock.instant());
      } catch (RuntimeException e) {
        log.warn("purging stored callbacks failed: {}", e.getMessage());
      }
    }, 1, 1, TimeUnit.MINUTES);
    List<StoredCallback> pending = store.pending();
    if (!pending.isEmpty()) {
      log.info("sending {} callbacks left pending by an earlier run", pending.size());
      callbackExecutor.execute(() -> pending.forEach(this::resend));
    }
  }

  /** Sends a stored callback again, re-dated now and re-signed. */
  private void resend(StoredCallback stored) {
    BecknMessage previous;
    try {
      previous = CODEC.decode(stored.body());
    } catch (RuntimeException e) {
      log.warn("stored callback {} unreadable, dropped: {}", stored.key(), e.getMessage());
      store.delivered(stored.key());
      return;
    }
    send(previous.withContext(previous.context().toBuilder().timestamp(now()).build()), stored.key(), false);
  }

  /** A builder for an engine. */
  public static Builder builder() {
    return new Builder();
  }

  /** This BPP's subscriber id. */
  public String subscriberId() {
    return subscriberId;
  }

  /** Where BAPs send requests ({@code context.bpp_uri}). */
  public URI bppUri() {
    return bppUri;
  }

  /** Whether the operator offers {@code action}. */
  public boolean offers(Action action) {
    return operators.offers(action);
  }

  /** Callbacks that could not be delivered. */
  public List<Undelivered> undelivered() {
    return List.copyOf(undelivered);
  }

  /** The owner of a confirmed order, if this engine confirmed it. */
  public @Nullable OrderOwner owner(String orderId) {
    OrderOwner o = orders.get(orderId);
    if (o != null) {
      return o;
    }
    OrderOwnerRecord r = store.owner(orderId);
    if (r == null) {
      return null;
    }
    o = new OrderOwner(r.orderId(), r.bapId(), r.bapUri(), r.transactionId(), r.domain());
    orders.putIfAbsent(orderId, o);
    return o;
  }

  /**
   * Sends an unsolicited {@code on_status} for a live order to the BAP that confirmed it (fresh message_id, same
   * transaction), retried per the callback policy.
   *
   * @throws BusinessException {@code 30010} when this engine did not confirm {@code order.id}
   */
  public void pushStatus(Order order) {
    OrderOwner owner = ownerOf(order);
    Context c = pushContext(owner, Action.ON_STATUS);
    send(new OnStatusCallback(c, new OnStatusCallback.Message(order)), "push|" + c.messageId(), true);
  }

  /** As {@link #pushStatus} with {@code on_update}. */
  public void pushUpdate(Order order) {
    OrderOwner owner = ownerOf(order);
    Context c = pushContext(owner, Action.ON_UPDATE);
    send(new OnUpdateCallback(c, new OnUpdateCallback.Message(order)), "push|" + c.messageId(), true);
  }

  private OrderOwner ownerOf(Order order) {
    OrderOwner owner = order.id() == null ? null : owner(order.id());
    if (owner == null) {
      throw BusinessException.orderNotFound(String.valueOf(order.id()));
    }
    return owner;
  }

  private Context pushContext(OrderOwner owner, Action action) {
    return Context.builder().domain(owner.domain()).action(action.wireName()).version("1.1.0")
        .bapId(owner.bapId()).bapUri(owner.bapUri()).bppId(subscriberId).bppUri(bppUri.toString())
        .transactionId(owner.transactionId()).messageId(UUID.randomUUID().toString())
        .timestamp(now()).ttl("PT30S").build();
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private final class Handler implements InboundHandler {
    @Override
    public void admit(InboundMessage message) {
      Action action = message.action();
      if (!operators.offers(action)) {
        throw new NackException(ErrorCode.NOT_IMPLEMENTED.code(), action.wireName() + " is not offered by "
            + subscriberId, List.of("/context/action"), 200);
      }
    }

    @Override
    public void handle(InboundMessage message) {
      run(message);
    }

    @Override
    public void duplicate(InboundMessage message) {
      StoredCallback previous = answerTo(message.context());
      if (previous != null) {
        log.debug("duplicate {} {}: re-sending its callback", message.action().wireName(),
            message.context().messageId());
        callbackExecutor.execute(() -> resend(previous));
      }
    }
  }

  private void run(InboundMessage inbound) {
    BecknMessage request = inbound.message();
    Context rc = request.context();
    StoredCallback previous = request.action() == Action.SEARCH ? null : store.callback(key(rc));
    if (previous != null) {
      // answered before a restart, or by another instance sharing the store: the same answer again
      log.debug("repeated {} {}: re-sending its callback", request.action().wireName(), rc.messageId());
      resend(previous);
      return;
    }
    Instant deadline = inbound.receivedAt().plus(InboundPipeline.ttlOf(rc));
    RequestContext ctx = new RequestContext(request.action(), rc.transactionId(), rc.messageId(), rc.bapId(),
        deadline, rc);
    Context callbackContext = rc.toBuilder().action(request.action().callback().wireName())
        .bppId(subscriberId).bppUri(bppUri.toString()).build();
    AtomicBoolean answered = new AtomicBoolean();
    long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    var watchdog = timer.schedule(() -> {
      if (answered.compareAndSet(false, true)) {
        log.warn("{} {} exceeded its ttl", request.action().wireName(), rc.messageId());
        deliver(errorCallback(callbackContext, ErrorCode.OVERLOADED.code(),
            "the provider could not answer within the request's ttl", List.of()), rc);
      }
    }, delay, TimeUnit.MILLISECONDS);
    BecknMessage callback;
    try {
      OrderIds.Named refusal = orderScopeRefusal(request);
      if (refusal != null) {
        // exactly what an operator answers for an unknown id: same code, message and pointer
        throw new BusinessException(ErrorCode.ORDER_NOT_FOUND, "order " + refusal.id() + " not found",
            List.of(refusal.pointer()));
      }
      callback = operators.route(request.action()).run(request, ctx).withContext(callbackContext.toBuilder()
          .timestamp(now()).build());
    } catch (DentException e) {
      callback = errorCallback(callbackContext, e.code(), e.getMessage(), e.paths());
    } catch (RuntimeException e) {
      log.error("operator failed on {} {}", request.action().wireName(), rc.messageId(), e);
      callback = errorCallback(callbackContext, ErrorCode.OVERLOADED.code(), "internal error", List.of());
    }
    watchdog.cancel(false);
    if (!answered.compareAndSet(false, true)) {
      return; // the deadline already answered with an error
    }
    deliver(callback, rc);
  }

  private void deliver(BecknMessage callback, Context requestContext) {
    if (callback instanceof OnConfirmCallback c && c.error() == null && c.message() != null
        && c.message().order() != null && c.message().order().id() != null) {
      OrderOwner owner = new OrderOwner(c.message().order().id(), requestContext.bapId(),
          requestContext.bapUri(), requestContext.transactionId(), String.valueOf(requestContext.domain()));
      store.saveOwner(new OrderOwnerRecord(owner.orderId(), owner.bapId(), owner.bapUri(), owner.transactionId(),
          owner.domain()));
      orders.putIfAbsent(owner.orderId(), owner);
    }
    if (callback.action() == Action.ON_SEARCH) {
      // a catalog is cheap to compute again and stale soon: searches stay out of the store (and its latency)
      byte[] body = sender.encode(callback);
      searches.put(key(requestContext), new StoredCallback(key(requestContext), body,
          clock.instant().plus(KEEP_CALLBACKS)));
      send(callback, body, key(requestContext), false);
    } else {
      send(callback, sender.encode(callback), key(requestContext), true);
    }
  }

  private @Nullable StoredCallback answerTo(Context request) {
    return Action.SEARCH.wireName().equals(request.action()) ? searches.getIfPresent(key(request))
        : store.callback(key(request));
  }

  /** The order a request names when that order belongs to another BAP; null when the request may proceed. */
  private OrderIds.@Nullable Named orderScopeRefusal(BecknMessage request) {
    OrderIds.Named named = OrderIds.named(request);
    if (named == null) {
      return null;
    }
    OrderOwner owner = owner(named.id());
    return owner != null && !owner.bapId().equals(request.context().bapId()) ? named : null;
  }

  private BecknMessage errorCallback(Context context, String code, String message, List<String> paths) {
    BecknError error = new BecknError(code, ErrorPaths.join(paths), message, Map.of());
    Context c = context.toBuilder().timestamp(now()).build();
    BecknMessage empty = Callbacks.empty(Action.fromWireName(c.action()), c);
    return Callbacks.withError(empty, error);
  }

  /**
   * Sends a callback, first storing it (when {@code save}) so that it is sent again should this process die
   * before it is delivered; delivered or given up on, it is no longer pending.
   */
  private void send(BecknMessage callback, String key, boolean save) {
    send(callback, sender.encode(callback), key, save);
  }

  private void send(BecknMessage callback, byte[] body, String key, boolean save) {
    Context c = callback.context();
    if (save) {
      store.saveCallback(new StoredCallback(key, body, clock.instant().plus(KEEP_CALLBACKS)));
    }
    try {
      sender.send(URI.create(c.bapUri()), callback, body);
    } catch (DentException e) {
      log.warn("callback {} {} to {} not delivered: {}", callback.action().wireName(), c.messageId(), c.bapUri(),
          e.getMessage());
      undelivered.add(new Undelivered(callback.action(), c.messageId(), c.bapUri(), e.getMessage(), clock.instant()));
    }
    if (!key.startsWith(SEARCH_KEY)) {
      store.delivered(key);
    }
  }

  private static String key(Context c) {
    return Action.SEARCH.wireName().equals(c.action()) ? SEARCH_KEY + c.bapId() + '|' + c.messageId()
        : c.bapId() + '|' + c.action() + '|' + c.messageId();
  }

  /** Keys of search answers, which live in {@link #searches}, not in the store. */
  private static final String SEARCH_KEY = "search|";


  /** Stops accepting requests, lets running handlers finish (up to 5 s), then stops. */
  @Override
  public void close() {
    if (ownsHost) {
      host.close();
    } else {
      host.unmount(basePath);
    }
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    callbackExecutor.shutdown();
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "BppEngine[" + subscriberId + " at " + bppUri + "]";
  }



  /** Configures a {@link BppEngine}. Required: subscriber id, unique key id, signing key, key resolver. */
  public static final class Builder {
    private @Nullable String subscriberId;
    private @Nullable String uniqueKeyId;
    private @Nullable SigningKey signingKey;
    private @Nullable KeyResolver keyResolver;
    private @Nullable URI bppUri;
    private String bindHost = "127.0.0.1";
    private int port;
    private @Nullable HttpHost host;
    private String basePath = "";
    private @Nullable CatalogProvider catalog;
    private @Nullable ReservationHandler reservations;
    private @Nullable TransferHandler transfers;
    private @Nullable RatingHandler ratings;
    private @Nullable SupportHandler support;
    private boolean serviceLoader;
    private @Nullable ExecutorService executor;
    private int handlerThreads = 16;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy callbackRetryPolicy = RetryPolicy.DEFAULT;
    private DentEventListener listener = DentEventListener.NONE;
    private @Nullable MessageValidator validator;
    private EngineStore store = new InMemoryStore();
    private double ratePerSecond;
    private int rateBurst;
    private @Nullable ServerTls tls;
    private @Nullable OkHttpClient httpClient;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration bodyTimeout = Duration.ofSeconds(20);

    private Builder() {}

    /**
     * Where answers to requests, pending callbacks and order owners are kept (default a new {@link InMemoryStore}).
     * On a durable store an engine started again sends what an earlier run left undelivered and answers a repeated
     * message_id as before; engines sharing a store answer each other's repeated requests alike.
     */
    public Builder store(EngineStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Serve the own host over HTTPS with this certificate (default plain HTTP); ignored with {@link #host}. */
    public Builder tls(@Nullable ServerTls tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The OkHttp client callbacks are POSTed with (default {@link OutboundSender#defaultHttpClient()}, trusting the
     * system store); e.g. {@code ClientTls.trustStore(...).apply(OutboundSender.defaultHttpClient())} for BAPs
     * with certificates of a private CA.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** A request body of the own host must be complete this long after its headers (default 20 s). */
    public Builder bodyTimeout(Duration bodyTimeout) {
      this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout");
      return this;
    }

    /** Connections of the own host idle longer than this are closed (default 30 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    /** This BPP's subscriber id ({@code context.bpp_id}). */
    public Builder subscriberId(String subscriberId) {
      this.subscriberId = subscriberId;
      return this;
    }

    /** The registry's unique key id of the signing key. */
    public Builder uniqueKeyId(String uniqueKeyId) {
      this.uniqueKeyId = uniqueKeyId;
      return this;
    }

    /** The key every callback is signed with. */
    public Builder signingKey(SigningKey signingKey) {
      this.signingKey = signingKey;
      return this;
    }

    /** Where BAP keys come from. */
    public Builder keyResolver(KeyResolver keyResolver) {
      this.keyResolver = keyResolver;
      return this;
    }

    /** The public URL BAPs use ({@code context.bpp_uri}); default the own host's URL + base path. */
    public Builder bppUri(URI bppUri) {
      this.bppUri = bppUri;
      return this;
    }

    /** Port of the own host (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Interface the own host binds (default 127.0.0.1). */
    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    /** Path prefix of the endpoints (default none: {@code POST /search}). */
    public Builder basePath(String basePath) {
      this.basePath = basePath;
      return this;
    }

    /** Mount on this host instead of running an own one. */
    public Builder host(HttpHost host) {
      this.host = host;
      return this;
    }

    /** Installs every SPI the operator implements. */
    public Builder operator(StorageOperator operator) {
      return catalog(operator).reservations(operator).transfers(operator).ratings(operator).support(operator);
    }

    /** Installs the catalog. */
    public Builder catalog(CatalogProvider catalog) {
      this.catalog = catalog;
      return this;
    }

    /** Installs the reservation handler. */
    public Builder reservations(ReservationHandler reservations) {
      this.reservations = reservations;
      return this;
    }

    /** Installs the transfer handler. */
    public Builder transfers(TransferHandler transfers) {
      this.transfers = transfers;
      return this;
    }

    /** Installs the rating handler. */
    public Builder ratings(RatingHandler ratings) {
      this.ratings = ratings;
      return this;
    }

    /** Installs the support handler. */
    public Builder support(SupportHandler support) {
      this.support = support;
      return this;
    }

    /** Installs the first {@link StorageOperator} {@link ServiceLoader} finds, for SPIs not installed explicitly. */
    public Builder useServiceLoader() {
      this.serviceLoader = true;
      return this;
    }

    /** Where handlers run (default a bounded pool of {@link #handlerThreads} threads). */
    public Builder executor(ExecutorService executor) {
      this.executor = executor;
      return this;
    }

    /** Size of the default handler pool (default 16). */
    public Builder handlerThreads(int handlerThreads) {
      this.handlerThreads = handlerThreads;
      return this;
    }

    /** Clock for timestamps, signatures and deadlines (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How callbacks are retried (default {@link RetryPolicy#DEFAULT}). */
    public Builder callbackRetryPolicy(RetryPolicy callbackRetryPolicy) {
      this.callbackRetryPolicy = callbackRetryPolicy;
      return this;
    }

    /** Event listener (default none). */
    public Builder listener(DentEventListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Limits each BAP (by the subscriber id that signed) to {@code permitsPerSecond} requests per second with bursts
     * up to {@code burst}, timed by the engine's {@link #clock}; excess requests are answered 503 {@code 40000}
     * with {@code Retry-After}. Default: no limit.
     */
    public Builder rateLimit(double permitsPerSecond, int burst) {
      if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond) || burst < 1) {
        throw new IllegalArgumentException("rate limit needs a positive rate and a burst of at least 1");
      }
      this.ratePerSecond = permitsPerSecond;
      this.rateBurst = burst;
      return this;
    }

    /** Validator (default {@link MessageValidator#standard()}). */
    public Builder validator(MessageValidator validator) {
      this.validator = validator;
      return this;
    }

    Operators operators() {
      if (serviceLoader) {
        StorageOperator found = ServiceLoader.load(StorageOperator.class).findFirst().orElseThrow(() ->
            new IllegalStateException("no org.dent.server.spi.StorageOperator found by ServiceLoader"));
        catalog = catalog != null ? catalog : found;
        reservations = reservations != null ? reservations : found;
        transfers = transfers != null ? transfers : found;
        ratings = ratings != null ? ratings : found;
        support = support != null ? support : found;
      }
      return new Operators(catalog, reservations, transfers, ratings, support);
    }

    /** Builds and starts the engine. */
    public BppEngine build() {
      return new BppEngine(this);
    }
  }

}
