package org.dent.client.bap;

import org.dent.client.internal.Threads;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import java.util.Set;
import org.dent.client.correlation.Correlator;
import org.dent.client.correlation.PendingStore;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.registry.RegistryListener;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.ServerTls;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.City;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.Country;
import org.dent.core.model.Descriptor;
import org.dent.core.model.InitRequest;
import org.dent.core.model.Intent;
import org.dent.core.model.Location;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnRatingCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnSupportCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Rating;
import org.dent.core.model.RatingRequest;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.Support;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.validation.MessageValidator;
import org.dent.signing.KeyResolver;
import org.dent.signing.ReplayGuard;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.Verifier;
import org.jspecify.annotations.Nullable;

/**
 * The BAP client: sends signed requests to BPPs (or a gateway) and turns their asynchronous callbacks into futures
 * and streams.
 *
 * <p>Build one per identity and share it between threads ({@link #newBuilder()} for variants). It runs its own
 * callback host (or mounts onto one you give it), verifies every callback's signature against the BPP the context
 * names, and pairs it with the waiting request by {@code message_id} within the request's ttl. A request's future
 * completes with the callback, fails with {@link org.dent.client.correlation.CallbackErrorException} when the
 * callback carries {@code error}, with {@link org.dent.client.transport.NackException} when the BPP refused the
 * request, or with {@link org.dent.client.correlation.CallbackTimeoutException} when the ttl ended first.
 *
 * <pre>{@code
 * DentClient client = DentClient.builder()
 *     .subscriberId("bap.example").uniqueKeyId("k1").signingKey(key)
 *     .keyResolver(registryKeys).build();
 * SearchCall search = client.search(intent, List.of(bppUrl));
 * OnSearchCallback offers = search.first().join();
 * OnSelectCallback quote = client.select(BppTarget.of(offers), order).join();
 * }</pre>
 */
public final class DentClient implements AutoCloseable {
  /** The storage profile's domain. */
  public static final String STORAGE_DOMAIN = "dent:energy-storage:0.1.0";

  private final Builder config;
  private final Clock clock;
  private final OutboundSender sender;
  private final Correlator correlator;
  private final HttpHost host;
  private final boolean ownsHost;
  private final String basePath;
  private final URI callbackUrl;
  private final ExecutorService sendExecutor;
  private final ExecutorService callbackExecutor;
  private final ScheduledExecutorService sweeper;
  private final List<SubmissionPublisher<BecknMessage>> publishers = new ArrayList<>();

  private DentClient(Builder b) {
    this.config = b.copy();
    this.clock = b.clock;
    Signer signer = Signer.builder(b.signingKey, b.subscriberId, b.uniqueKeyId).clock(b.clock).build();
    OutboundSender.Builder sb = OutboundSender.builder(signer).retryPolicy(b.retryPolicy).listener(b.listener);
    if (b.httpClient != null) {
      sb.httpClient(b.httpClient);
    }
    this.sender = sb.build();
    this.correlator = new Correlator(b.clock, b.listener, b.pendingStore);
    correlator.recover(b.recovered);
    this.sendExecutor = Threads.pool("dent-bap-send", b.sendThreads, Integer.MAX_VALUE);
    this.callbackExecutor = Threads.pool("dent-bap-callback", b.callbackThreads, 10_000);
    Verifier verifier = Verifier.builder(Objects.requireNonNull(b.keyResolver, "keyResolver"))
        .clock(b.clock).replayGuard(ReplayGuard.inMemory(100_000)).build();
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BAP, b.subscriberId, verifier)
        .clock(b.clock).listener(b.listener).executor(callbackExecutor)
        .validator(b.validator != null ? b.validator : MessageValidator.standard())
        .handler(new InboundHandler() {
          @Override
          public void admit(InboundMessage message) {
            correlator.admit(message);
          }

          @Override
          public void handle(InboundMessage message) {
            correlator.deliver(message);
          }
        })
        .build();
    this.ownsHost = b.host == null;
    this.host = ownsHost ? HttpHost.builder().host(b.callbackBindHost).port(b.callbackPort)
        .tls(b.callbackTls).build() : b.host;
    this.basePath = b.callbackUrl != null && b.host == null ? pathOf(b.callbackUrl) : b.basePath;
    host.mount(basePath, pipeline);
    if (ownsHost) {
      host.start();
    }
    this.callbackUrl = b.callbackUrl != null ? b.callbackUrl : URI.create(host.baseUrl() + basePath);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> Threads.daemon(r, "dent-bap-sweeper"));
    sweeper.scheduleWithFixedDelay(correlator::sweep, 20, 20, TimeUnit.MILLISECONDS);
  }

  /** A builder for a new client. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's configuration, to build a variant (which runs its own callback host). */
  public Builder newBuilder() {
    return config.copy();
  }

  /** This BAP's subscriber id. */
  public String subscriberId() {
    return config.subscriberId;
  }

  /** Where BPPs send callbacks ({@code context.bap_uri}). */
  public URI callbackUrl() {
    return callbackUrl;
  }

  /** A fresh transaction id. */
  public String newTransactionId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Searches through the configured gateway, which forwards the search to every BPP of the domain; answers arrive
   * until the ttl ends (how many BPPs there are is not known here).
   *
   * @throws IllegalStateException when no {@link Builder#gatewayUrl gateway} is configured
   */
  public SearchCall search(Intent intent) {
    return search(intent, 0);
  }

  /**
   * As {@link #search(Intent)}, but the search ends as soon as {@code expectedAnswers} BPPs answered (0: at the end
   * of the ttl).
   *
   * @throws IllegalStateException when no {@link Builder#gatewayUrl gateway} is configured
   */
  public SearchCall search(Intent intent, int expectedAnswers) {
    if (config.gatewayUrl == null) {
      throw new IllegalStateException("no gateway configured: give the BPP URLs to search");
    }
    if (expectedAnswers < 0) {
      throw new IllegalArgumentException("expectedAnswers must not be negative");
    }
    return search(intent, List.of(config.gatewayUrl), newTransactionId(), expectedAnswers);
  }

  /** Searches these BPPs directly; the search ends when all of them answered or the ttl ended. */
  public SearchCall search(Intent intent, List<URI> bppUrls) {
    return search(intent, bppUrls, newTransactionId(), bppUrls.size());
  }

  private SearchCall search(Intent intent, List<URI> urls, String transactionId, int expected) {
    Context context = context(Action.SEARCH, null, null, transactionId);
    SearchRequest request = new SearchRequest(context, new SearchRequest.Message(intent));
    Correlator.Collector<OnSearchCallback> collector = correlator.expectMany(context.messageId(), transactionId,
        Action.ON_SEARCH, config.ttl, expected, OnSearchCallback.class);
    byte[] body = sender.encode(request);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (URI url : urls) {
      sends.add(CompletableFuture.runAsync(() -> sender.send(url, request, body), sendExecutor));
    }
    CompletableFuture<Void> sent = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    return new SearchCall(transactionId, context.messageId(), collector, sent);
  }

  /** {@code select}: asks the BPP to quote this order. */
  public CompletableFuture<OnSelectCallback> select(BppTarget target, Order order) {
    return call(target, Action.SELECT, ctx -> new SelectRequest(ctx, new SelectRequest.Message(order)),
        OnSelectCallback.class);
  }

  /** {@code init}: billing and payment terms for the order. */
  public CompletableFuture<OnInitCallback> init(BppTarget target, Order order) {
    return call(target, Action.INIT, ctx -> new InitRequest(ctx, new InitRequest.Message(order)),
        OnInitCallback.class);
  }

  /** {@code confirm}: reserve. */
  public CompletableFuture<OnConfirmCallback> confirm(BppTarget target, Order order) {
    return call(target, Action.CONFIRM, ctx -> new ConfirmRequest(ctx, new ConfirmRequest.Message(order)),
        OnConfirmCallback.class);
  }

  /** {@code status} of an order. */
  public CompletableFuture<OnStatusCallback> status(BppTarget target, String orderId) {
    return call(target, Action.STATUS, ctx -> new StatusRequest(ctx, new StatusRequest.Message(orderId)),
        OnStatusCallback.class);
  }

  /** {@code track} an order. */
  public CompletableFuture<OnTrackCallback> track(BppTarget target, String orderId) {
    return call(target, Action.TRACK, ctx -> new TrackRequest(ctx, new TrackRequest.Message(orderId, null)),
        OnTrackCallback.class);
  }

  /** {@code update} an order: {@code updateTarget} names what changes (e.g. {@code order.fulfillments}). */
  public CompletableFuture<OnUpdateCallback> update(BppTarget target, String updateTarget, Order order) {
    return call(target, Action.UPDATE, ctx -> new UpdateRequest(ctx, new UpdateRequest.Message(updateTarget, order)),
        OnUpdateCallback.class);
  }

  /** {@code cancel} an order. */
  public CompletableFuture<OnCancelCallback> cancel(BppTarget target, String orderId, @Nullable String reasonId,
      @Nullable Descriptor descriptor) {
    return call(target, Action.CANCEL, ctx -> new CancelRequest(ctx,
        new CancelRequest.Message(orderId, reasonId, descriptor)), OnCancelCallback.class);
  }

  /** {@code rating}. */
  public CompletableFuture<OnRatingCallback> rating(BppTarget target, List<Rating> ratings) {
    return call(target, Action.RATING, ctx -> new RatingRequest(ctx, new RatingRequest.Message(ratings)),
        OnRatingCallback.class);
  }

  /** {@code support}. */
  public CompletableFuture<OnSupportCallback> support(BppTarget target, Support support) {
    return call(target, Action.SUPPORT, ctx -> new SupportRequest(ctx, new SupportRequest.Message(support)),
        OnSupportCallback.class);
  }

  /**
   * Unsolicited {@code on_status}/{@code on_update} of a transaction, in telemetry {@code seq} order.
   *
   * @return a handle that unsubscribes
   */
  public AutoCloseable onUpdate(String transactionId, Consumer<BecknMessage> subscriber) {
    return correlator.onUpdate(transactionId, subscriber);
  }

  /** The same updates as a {@link Flow.Publisher}; it completes when the client closes. */
  public Flow.Publisher<BecknMessage> updates(String transactionId) {
    SubmissionPublisher<BecknMessage> publisher = new SubmissionPublisher<>();
    synchronized (publishers) {
      publishers.add(publisher);
    }
    correlator.onUpdate(transactionId, publisher::submit);
    return publisher;
  }

  /** Requests still waiting for their callback. */
  public int pendingCount() {
    return correlator.pendingCount();
  }

  private <T extends BecknMessage> CompletableFuture<T> call(BppTarget target, Action action,
      java.util.function.Function<Context, BecknMessage> build, Class<T> type) {
    Context context = context(action, target.bppId(), target.bppUri(), target.transactionId());
    BecknMessage request = build.apply(context);
    CompletableFuture<T> result = correlator.expectOne(context.messageId(), target.transactionId(), action.callback(),
        config.ttl, target.bppId(), type);
    CompletableFuture.runAsync(() -> sender.send(target.bppUri(), request), sendExecutor).whenComplete((ok, e) -> {
      if (e != null) {
        correlator.cancel(context.messageId(), action.callback());
        result.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause() : e);
      }
    });
    return result;
  }

  private Context context(Action action, @Nullable String bppId, @Nullable URI bppUri, String transactionId) {
    Location location = config.country == null && config.city == null ? null : Location.builder()
        .country(config.country == null ? null : Country.builder().code(config.country).build())
        .city(config.city == null ? null : City.builder().code(config.city).build())
        .build();
    return Context.builder()
        .domain(config.domain)
        .location(location)
        .action(action.wireName())
        .version("1.1.0")
        .bapId(config.subscriberId)
        .bapUri(callbackUrl.toString())
        .bppId(bppId)
        .bppUri(bppUri == null ? null : bppUri.toString())
        .transactionId(transactionId)
        .messageId(UUID.randomUUID().toString())
        .timestamp(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString())
        .ttl(config.ttl.toString())
        .build();
  }

  /** Stops the sweeper, the callback host (if owned) and the executors; pending requests stay incomplete. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    if (ownsHost) {
      host.close();
    } else {
      host.unmount(basePath);
    }
    sendExecutor.shutdown();
    callbackExecutor.shutdown();
    synchronized (publishers) {
      publishers.forEach(SubmissionPublisher::close);
    }
  }

  @Override
  public String toString() {
    return "DentClient[" + config.subscriberId + "|" + config.uniqueKeyId + ", callbacks at " + callbackUrl + "]";
  }

  private static String pathOf(URI url) {
    String p = url.getPath();
    return p == null || p.equals("/") ? "" : (p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
  }



  /** Configures a {@link DentClient}. Required: subscriber id, unique key id, signing key, key resolver. */
  public static final class Builder {
    private @Nullable String subscriberId;
    private @Nullable String uniqueKeyId;
    private @Nullable SigningKey signingKey;
    private @Nullable KeyResolver keyResolver;
    private @Nullable URI callbackUrl;
    private int callbackPort;
    private String callbackBindHost = "127.0.0.1";
    private @Nullable ServerTls callbackTls;
    private @Nullable HttpHost host;
    private String basePath = "";
    private @Nullable URI gatewayUrl;
    private String domain = STORAGE_DOMAIN;
    private @Nullable String country = "IND";
    private @Nullable String city;
    private Duration ttl = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private DentEventListener listener = DentEventListener.NONE;
    private @Nullable OkHttpClient httpClient;
    private @Nullable MessageValidator validator;
    private int sendThreads = 16;
    private int callbackThreads = 8;
    private PendingStore pendingStore = PendingStore.none();
    private java.util.function.Consumer<BecknMessage> recovered = m -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.subscriberId = subscriberId;
      b.uniqueKeyId = uniqueKeyId;
      b.signingKey = signingKey;
      b.keyResolver = keyResolver;
      b.callbackUrl = callbackUrl;
      b.callbackPort = callbackPort;
      b.callbackBindHost = callbackBindHost;
      b.callbackTls = callbackTls;
      b.host = null; // a variant runs its own callback host
      b.basePath = basePath;
      b.gatewayUrl = gatewayUrl;
      b.domain = domain;
      b.country = country;
      b.city = city;
      b.ttl = ttl;
      b.retryPolicy = retryPolicy;
      b.clock = clock;
      b.listener = listener;
      b.httpClient = httpClient;
      b.validator = validator;
      b.sendThreads = sendThreads;
      b.callbackThreads = callbackThreads;
      b.pendingStore = pendingStore;
      b.recovered = recovered;
      return b;
    }

    /** This BAP's subscriber id ({@code context.bap_id}). */
    public Builder subscriberId(String subscriberId) {
      this.subscriberId = subscriberId;
      return this;
    }

    /** The registry's unique key id of the signing key. */
    public Builder uniqueKeyId(String uniqueKeyId) {
      this.uniqueKeyId = uniqueKeyId;
      return this;
    }

    /** The key every request is signed with. */
    public Builder signingKey(SigningKey signingKey) {
      this.signingKey = signingKey;
      return this;
    }

    /** Where BPP keys come from (a registry-backed cache, or static keys in tests). */
    public Builder keyResolver(KeyResolver keyResolver) {
      this.keyResolver = keyResolver;
      return this;
    }

    /**
     * Resolves BPP keys through the Beckn registry at {@code registryUrl} ({@code POST /lookup}), cached per key
     * (see {@link RegistryKeyResolver}); only subscribers of type {@code BPP} sign callbacks. Key cache hits and
     * misses reach the event listener. Call after {@link #clock}, {@link #listener} and {@link #httpClient} to have
     * them used (the registry is then called through the same client, trust settings included).
     */
    public Builder registry(URI registryUrl) {
      DentEventListener events = listener;
      RegistryClient.Builder registry = RegistryClient.builder(registryUrl.toString());
      if (httpClient != null) {
        registry.httpClient(httpClient);
      }
      this.keyResolver = RegistryKeyResolver.builder(registry.build())
          .clock(clock)
          .acceptedTypes(Set.of("BPP"))
          .listener(new RegistryListener() {
            @Override
            public void onKeyEvent(Event event, String subscriberId, String uniqueKeyId) {
              if (event == Event.HIT) {
                events.keyCacheHit(subscriberId, uniqueKeyId);
              } else if (event == Event.MISS) {
                events.keyCacheMiss(subscriberId, uniqueKeyId);
              }
            }
          })
          .build();
      return this;
    }

    /**
     * The public callback URL ({@code context.bap_uri}). Default: the own callback host's URL. Its path is where
     * the own host serves callbacks.
     */
    public Builder callbackUrl(URI callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    /** Port of the own callback host (default 0: any free port). */
    public Builder callbackPort(int callbackPort) {
      this.callbackPort = callbackPort;
      return this;
    }

    /** Interface the own callback host binds (default 127.0.0.1). */
    public Builder callbackBindHost(String callbackBindHost) {
      this.callbackBindHost = callbackBindHost;
      return this;
    }

    /** Serve the own callback host over HTTPS with this certificate (default plain HTTP). */
    public Builder callbackTls(@Nullable ServerTls callbackTls) {
      this.callbackTls = callbackTls;
      return this;
    }

    /** Mount the callback endpoints on this host at {@code basePath} instead of running an own host. */
    public Builder host(HttpHost host, String basePath) {
      this.host = host;
      this.basePath = basePath;
      return this;
    }

    /** The gateway {@link DentClient#search(Intent)} goes through. */
    public Builder gatewayUrl(URI gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
      return this;
    }

    /** {@code context.domain} (default the storage profile's). */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /** {@code context.location.country.code} (default IND; null to omit). */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /** {@code context.location.city.code} (default none). */
    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    /** How long callbacks are awaited ({@code context.ttl}, default 30 s). */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** Retry policy for requests (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Clock for timestamps, signatures and ttl deadlines (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Event listener (default none). */
    public Builder listener(DentEventListener listener) {
      this.listener = listener;
      return this;
    }

    /** The OkHttp client to share (default a pooled one). */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** Validator for callbacks (default {@link MessageValidator#standard()}). */
    public Builder validator(MessageValidator validator) {
      this.validator = validator;
      return this;
    }

    /**
     * Where requests awaiting callbacks are recorded (default {@link PendingStore#none()}). A client built again on
     * the same store (same callback URL) within the requests' ttl takes them over: their callbacks are ACKed and go
     * to {@link #onRecovered}, and unsolicited updates of their transactions are admitted.
     */
    public Builder pendingStore(PendingStore pendingStore) {
      this.pendingStore = Objects.requireNonNull(pendingStore, "pendingStore");
      return this;
    }

    /** Receives callbacks of requests taken over from an earlier run (default: dropped after the ACK). */
    public Builder onRecovered(java.util.function.Consumer<BecknMessage> recovered) {
      this.recovered = Objects.requireNonNull(recovered, "recovered");
      return this;
    }

    /** Threads that send requests (default 16). */
    public Builder sendThreads(int sendThreads) {
      this.sendThreads = sendThreads;
      return this;
    }

    /** Builds and starts the client. */
    public DentClient build() {
      Objects.requireNonNull(subscriberId, "subscriberId");
      Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
      Objects.requireNonNull(signingKey, "signingKey");
      return new DentClient(this);
    }
  }
}
