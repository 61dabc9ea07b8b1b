package org.dent.client.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.error.MalformedMessageException;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.validation.MessageValidator;
import org.dent.signing.SignatureHeaders;
import org.dent.signing.SignatureVerificationException;
import org.dent.signing.SubscriberInfo;
import org.dent.signing.VerifiedSender;
import org.dent.signing.Verifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The inbound path shared by both sides: raw bytes → signature over exactly those bytes → parse → receiver checks
 * → schema + profile validation → synchronous ACK/NACK → the typed message handed to the {@link InboundHandler}
 * on an executor.
 *
 * <p>Refusals follow DESIGN.md §2: 401 with {@code WWW-Authenticate} (or {@code Proxy-Authenticate} for the
 * gateway header) for signature problems, 400 {@code 30000} with JSON pointers for everything wrong with the
 * message (not JSON, schema or profile violation, wrong path or receiver, stale timestamp), 503 {@code 40000}
 * with {@code Retry-After} when the handler's executor is full. A duplicate message_id from the same sender
 * within its ttl is ACKed again and handed to {@link InboundHandler#duplicate}, never processed twice.
 *
 * <p>Roles: when the key resolver knows the signer's subscription ({@link VerifiedSender#subscriber()}), a BPP
 * accepts requests only from subscribers of type {@code BAP}, a BAP accepts callbacks only from {@code BPP}s,
 * {@code X-Gateway-Authorization} only from a {@code BG} and only on {@code search} (to a BPP), and the
 * subscription's domain must be the message's {@code context.domain}; otherwise 401
 * {@code AUT_SUBSCRIBER_NOT_FOUND} (reasons {@code ROLE_NOT_ALLOWED}, {@code DOMAIN_MISMATCH}). Subscriptions not
 * usable now are refused by the {@link Verifier} ({@code AUT_KEY_EXPIRED_OR_REVOKED}).
 *
 * <p>Rate limit: with a {@link Builder#rateLimiter}, each verified signer takes one token per request (refused
 * requests take none); when its bucket is empty the answer is 503 {@code 40000} with {@code Retry-After} (whole
 * seconds until a token is available). A re-sent duplicate counts like any request.
 *
 * <p>Thread-safe; {@link #process} runs on the HTTP server's threads.
 */
public final class InboundPipeline {
  private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);
  private static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  private static final Duration MAX_DEDUPE = Duration.ofHours(1);

  /** Which side this pipeline serves. */
  public enum Role {
    /** A provider platform: accepts the 10 requests, from the BAP the context names. */
    BPP,
    /** A buyer platform: accepts the 10 callbacks, from the BPP the context names. */
    BAP
  }

  private final Role role;
  private final String selfId;
  private final Verifier verifier;
  private final MessageValidator validator;
  private final DentCodec codec;
  private final Clock clock;
  private final Duration skew;
  private final InboundHandler handler;
  private final Executor executor;
  private final DentEventListener listener;
  private final Cache<String, Duration> seen;
  private final @Nullable RateLimiter rateLimiter;

  private InboundPipeline(Builder b) {
    this.role = b.role;
    this.selfId = b.selfId;
    this.verifier = b.verifier;
    this.validator = b.validator != null ? b.validator : MessageValidator.standard();
    this.codec = b.codec;
    this.clock = b.clock;
    this.skew = b.skew;
    this.handler = Objects.requireNonNull(b.handler, "handler");
    this.executor = b.executor;
    this.listener = b.listener;
    this.rateLimiter = b.rateLimiter;
    this.seen = Caffeine.newBuilder()
        .maximumSize(b.dedupeCapacity)
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(Expiry.<String, Duration>creating((key, window) -> window))
        .build();
  }

  /**
   * Starts a pipeline for {@code role}, receiving as {@code selfId} (our subscriber id: the {@code bpp_id}
   * requests must name, or the {@code bap_id} callbacks must name).
   */
  public static Builder builder(Role role, String selfId, Verifier verifier) {
    return new Builder(role, selfId, verifier);
  }

  /** The side this pipeline serves. */
  public Role role() {
    return role;
  }

  /**
   * Runs every check on one POST and, when all pass, hands the message to the handler.
   *
   * @param path the request path; its last segment is the action
   * @param headers header lookup by name (case-insensitive)
   * @param body the exact bytes received
   */
  public InboundResult process(String path, Function<String, @Nullable String> headers, byte[] body) {
    InboundResult result = run(path, headers, body);
    if (!result.isAck()) {
      listener.refused(path, result.status(), result.code());
    }
    return result;
  }

  private InboundResult run(String path, Function<String, @Nullable String> headers, byte[] body) {
    Instant now = clock.instant();
    VerifiedSender signer;
    VerifiedSender gateway = null;
    try {
      signer = verifier.verify(headers.apply(SignatureHeaders.AUTHORIZATION), body, null);
      String gatewayHeader = headers.apply(SignatureHeaders.GATEWAY_AUTHORIZATION);
      if (gatewayHeader != null) {
        gateway = verifier.verifyGateway(gatewayHeader, body, null);
      }
      roleCheck(SignatureHeaders.AUTHORIZATION, signer, role == Role.BPP ? SubscriberInfo.BAP : SubscriberInfo.BPP);
      if (gateway != null) {
        roleCheck(SignatureHeaders.GATEWAY_AUTHORIZATION, gateway, SubscriberInfo.BG);
      }
    } catch (SignatureVerificationException e) {
      return unauthorized(e);
    } catch (DentException e) {
      // The key could not be looked up (registry unreachable): not the sender's fault, try again later.
      log.warn("cannot verify a signature now: {}", e.getMessage());
      return InboundResult.nack(503, ErrorCode.OVERLOADED.code(), "cannot verify the signature now: "
          + e.getMessage(), List.of(SignatureHeaders.AUTHORIZATION), Map.of("Retry-After", "5"));
    }

    if (rateLimiter != null) {
      Duration wait = rateLimiter.tryAcquire(signer.subscriberId());
      if (!wait.isZero()) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return InboundResult.nack(503, ErrorCode.OVERLOADED.code(), "rate limit of " + signer.subscriberId()
            + " exceeded; retry after " + seconds + " s", List.of(SignatureHeaders.AUTHORIZATION),
            Map.of("Retry-After", Long.toString(seconds)));
      }
    }

    JsonNode tree;
    try {
      tree = codec.readTree(body);
    } catch (MalformedMessageException e) {
      return badRequest(e.getMessage(), e.paths());
    }
    Action action = MessageValidator.declaredAction(tree);
    String pathAction = lastSegment(path);
    if (action == null || !action.wireName().equals(pathAction)) {
      return badRequest("context.action does not match the endpoint /" + pathAction, List.of("/context/action"));
    }
    if (action.isCallback() != (role == Role.BAP)) {
      return badRequest((role == Role.BAP ? "a BAP accepts callbacks" : "a BPP accepts requests") + ", not "
          + action.wireName(), List.of("/context/action"));
    }
    if (gateway != null && !(role == Role.BPP && action == Action.SEARCH)) {
      return unauthorized(new SignatureVerificationException(SignatureVerificationException.Reason.ROLE_NOT_ALLOWED,
          SignatureHeaders.GATEWAY_AUTHORIZATION, "keyId", "a gateway relays only search, not "
          + action.wireName()));
    }
    List<Violation> violations = validator.validate(tree, action);
    if (!violations.isEmpty()) {
      return InboundResult.nack(400, ErrorCode.INVALID_REQUEST.code(), violations.get(0).pointer() + ": "
          + violations.get(0).message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
          violations.stream().map(Violation::pointer).distinct().toList());
    }
    BecknMessage message;
    try {
      message = codec.bind(tree, action.messageType());
    } catch (MalformedMessageException e) {
      return badRequest(e.getMessage(), e.paths());
    }
    Context context = message.context();

    // The signer must be the sender the context names.
    String sender = role == Role.BPP ? context.bapId() : context.bppId();
    if (!signer.subscriberId().equals(sender)) {
      return unauthorized(new SignatureVerificationException(SignatureVerificationException.Reason.SENDER_MISMATCH,
          SignatureHeaders.AUTHORIZATION, "keyId", "signed by " + signer.subscriberId() + " but context names "
          + sender));
    }
    // Registered for this network.
    SignatureVerificationException domain = domainCheck(SignatureHeaders.AUTHORIZATION, signer, context.domain());
    if (domain == null && gateway != null) {
      domain = domainCheck(SignatureHeaders.GATEWAY_AUTHORIZATION, gateway, context.domain());
    }
    if (domain != null) {
      return unauthorized(domain);
    }
    // Addressed to us.
    String receiver = role == Role.BPP ? context.bppId() : context.bapId();
    boolean mayOmit = role == Role.BPP && action == Action.SEARCH && receiver == null;
    if (!mayOmit && !selfId.equals(receiver)) {
      String field = role == Role.BPP ? "bpp_id" : "bap_id";
      return badRequest("context." + field + " '" + receiver + "' is not this receiver", List.of("/context/" + field));
    }
    // Fresh: no older than its ttl, no further in the future than the skew.
    Duration ttl = ttlOf(context);
    String stale = staleness(context, ttl, now);
    if (stale != null) {
      return badRequest(stale, List.of("/context/timestamp"));
    }

    InboundMessage inbound = new InboundMessage(message, signer, gateway, body, now,
        headers.apply(SignatureHeaders.AUTHORIZATION));
    String key = signer.subscriberId() + '|' + action.wireName() + '|' + context.messageId();
    if (seen.asMap().putIfAbsent(key, min(ttl.plus(skew), MAX_DEDUPE)) != null) {
      handler.duplicate(inbound);
      return InboundResult.ack();
    }
    try {
      handler.admit(inbound);
    } catch (NackException e) {
      seen.invalidate(key);
      return InboundResult.nack(e.httpStatus() == 0 ? 200 : e.httpStatus(), e.code(), e.getMessage(), e.paths());
    } catch (RuntimeException e) {
      seen.invalidate(key);
      log.warn("handler refused {} {}: {}", action.wireName(), context.messageId(), e.toString());
      return InboundResult.nack(500, ErrorCode.OVERLOADED.code(), "internal error", List.of());
    }
    try {
      executor.execute(() -> dispatch(inbound));
    } catch (RejectedExecutionException e) {
      seen.invalidate(key);
      return InboundResult.nack(503, ErrorCode.OVERLOADED.code(), "receiver overloaded, retry later", List.of(),
          Map.of("Retry-After", "1"));
    }
    return InboundResult.ack();
  }

  private void dispatch(InboundMessage inbound) {
    try {
      handler.handle(inbound);
    } catch (RuntimeException e) {
      log.error("handler failed on {}", inbound, e);
    }
  }

  /** Refuses a signer registered in another role than {@code type}; signers without a known subscription pass. */
  private static void roleCheck(String headerName, VerifiedSender sender, String type) {
    SubscriberInfo info = sender.subscriber();
    if (info != null && !info.hasType(type)) {
      throw new SignatureVerificationException(SignatureVerificationException.Reason.ROLE_NOT_ALLOWED, headerName,
          "keyId", sender.subscriberId() + (info.type() == null ? " is registered without a type"
              : " is registered as " + info.type()) + ", not as " + type);
    }
  }

  private static @Nullable SignatureVerificationException domainCheck(String headerName, VerifiedSender sender,
      @Nullable String domain) {
    SubscriberInfo info = sender.subscriber();
    if (info == null || info.allowsDomain(domain)) {
      return null;
    }
    return new SignatureVerificationException(SignatureVerificationException.Reason.DOMAIN_MISMATCH, headerName,
        "keyId", sender.subscriberId() + " is registered for domain " + info.domain() + ", not " + domain);
  }

  private InboundResult unauthorized(SignatureVerificationException e) {
    String challengeHeader = SignatureHeaders.challengeHeaderFor(e.headerName());
    return InboundResult.nack(401, e.code(), e.getMessage(), List.of(e.headerName()),
        Map.of(challengeHeader, SignatureHeaders.challenge(selfId)));
  }

  private static InboundResult badRequest(String message, List<String> paths) {
    return InboundResult.nack(400, ErrorCode.INVALID_REQUEST.code(), message, paths);
  }

  private static String lastSegment(String path) {
    int end = path.endsWith("/") ? path.length() - 1 : path.length();
    int slash = path.lastIndexOf('/', end - 1);
    return path.substring(slash + 1, end);
  }

  /**
   * The context's ttl, or 30 s when it has none, it cannot be read or is not positive: how long a request and its
   * callbacks live, for freshness, duplicate detection and handler deadlines alike.
   */
  public static Duration ttlOf(Context context) {
    if (context.ttl() == null) {
      return DEFAULT_TTL;
    }
    try {
      Duration ttl = Duration.parse(context.ttl());
      return ttl.isNegative() || ttl.isZero() ? DEFAULT_TTL : ttl;
    } catch (DateTimeParseException e) {
      return DEFAULT_TTL;
    }
  }

  private @Nullable String staleness(Context context, Duration ttl, Instant now) {
    if (context.timestamp() == null) {
      return "context.timestamp is missing";
    }
    Instant sent;
    try {
      sent = Instant.parse(context.timestamp());
    } catch (DateTimeParseException e) {
      try {
        sent = java.time.OffsetDateTime.parse(context.timestamp()).toInstant();
      } catch (DateTimeParseException e2) {
        return "context.timestamp is not RFC 3339";
      }
    }
    if (sent.isAfter(now.plus(skew))) {
      return "stale request: context.timestamp " + context.timestamp() + " is in the future";
    }
    if (sent.plus(ttl).plus(skew).isBefore(now)) {
      return "stale request: context.timestamp " + context.timestamp() + " is older than its ttl " + context.ttl();
    }
    return null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Configures an {@link InboundPipeline}. */
  public static final class Builder {
    private final Role role;
    private final String selfId;
    private final Verifier verifier;
    private @Nullable MessageValidator validator;
    private DentCodec codec = DentCodec.standard();
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofSeconds(5);
    private @Nullable InboundHandler handler;
    private Executor executor = ForkJoinPool.commonPool();
    private DentEventListener listener = DentEventListener.NONE;
    private long dedupeCapacity = 100_000;
    private @Nullable RateLimiter rateLimiter;

    private Builder(Role role, String selfId, Verifier verifier) {
      this.role = Objects.requireNonNull(role);
      this.selfId = Objects.requireNonNull(selfId);
      this.verifier = Objects.requireNonNull(verifier);
    }

    /** Validator (default {@link MessageValidator#standard()}). */
    public Builder validator(MessageValidator validator) {
      this.validator = validator;
      return this;
    }

    /** Codec (default {@link DentCodec#standard()}). */
    public Builder codec(DentCodec codec) {
      this.codec = codec;
      return this;
    }

    /** Clock for freshness and duplicate windows (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Tolerated clock difference for {@code context.timestamp} (default 5 s). */
    public Builder skew(Duration skew) {
      this.skew = skew;
      return this;
    }

    /** Who receives accepted messages (required). */
    public Builder handler(InboundHandler handler) {
      this.handler = handler;
      return this;
    }

    /**
     * Where {@link InboundHandler#handle} runs (default the common pool). Give a bounded executor: when it rejects,
     * the request is answered 503 with {@code Retry-After} instead of being ACKed.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Event listener (default none). */
    public Builder listener(DentEventListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Limits requests per verified signer (default none): over the limit the answer is 503 {@code 40000} with
     * {@code Retry-After}. Checked after the signature and before the body is parsed.
     */
    public Builder rateLimiter(@Nullable RateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
      return this;
    }

    /** How many message ids are remembered for duplicate detection (default 100,000). */
    public Builder dedupeCapacity(long dedupeCapacity) {
      this.dedupeCapacity = dedupeCapacity;
      return this;
    }

    /** Builds the pipeline. */
    public InboundPipeline build() {
      return new InboundPipeline(this);
    }
  }
}
