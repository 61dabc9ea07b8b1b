package org.dent.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.json.DentCodec;
import org.dent.signing.KeyResolver;
import org.dent.signing.SignatureHeaders;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What scenarios work with: the BPP under test, a signed BAP identity with its {@link DentClient}, raw HTTP for
 * hostile requests, and message templates of the storage profile with fresh contexts.
 *
 * <p>Build one per suite run; {@link #close()} stops the BAP's callback host.
 */
public final class ConformanceContext implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  private final URI bppUrl;
  private final String bppId;
  private final String subscriberId;
  private final String uniqueKeyId;
  private final SigningKey key;
  private final DentClient client;
  private final Signer signer;
  private final Clock clock;
  private final OkHttpClient http;
  private final DentCodec codec = DentCodec.standard();
  private final java.util.Deque<String> refused = new java.util.concurrent.ConcurrentLinkedDeque<>();

  private ConformanceContext(Builder b) {
    this.bppUrl = Objects.requireNonNull(b.bppUrl, "bppUrl");
    this.bppId = Objects.requireNonNull(b.bppId, "bppId");
    this.subscriberId = Objects.requireNonNull(b.subscriberId, "subscriberId");
    this.uniqueKeyId = Objects.requireNonNull(b.uniqueKeyId, "uniqueKeyId");
    this.key = Objects.requireNonNull(b.key, "key");
    this.clock = b.clock;
    this.signer = Signer.builder(key, subscriberId, uniqueKeyId).clock(clock).ttl(Duration.ofSeconds(60)).build();
    // Raw probes may be refused mid-body (413); a pooled connection the BPP closed afterwards is simply reopened.
    this.http = OutboundSender.defaultHttpClient().newBuilder().retryOnConnectionFailure(true).build();
    DentClient.Builder cb = DentClient.builder().subscriberId(subscriberId).uniqueKeyId(uniqueKeyId)
        .signingKey(key).clock(clock).callbackPort(b.callbackPort).ttl(b.ttl)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(500), 2.0)).httpClient(http)
        .listener(new DentEventListener() {
          @Override
          public void refused(String path, int httpStatus, String code) {
            refused.addLast(path + " " + httpStatus + " " + code);
            while (refused.size() > 20) {
              refused.pollFirst();
            }
          }
        });
    if (b.callbackUrl != null) {
      cb.callbackUrl(b.callbackUrl);
    }
    if (b.keyResolver != null) {
      cb.keyResolver(b.keyResolver);
    } else {
      cb.registry(Objects.requireNonNull(b.registryUrl, "registryUrl or keyResolver"));
    }
    this.client = cb.build();
  }

  /** A builder. Required: BPP URL and id, BAP subscriber id, unique key id, key, and a registry or key resolver. */
  public static Builder builder() {
    return new Builder();
  }

  /** The BPP's base URL. */
  public URI bppUrl() {
    return bppUrl;
  }

  /** The BPP's subscriber id. */
  public String bppId() {
    return bppId;
  }

  /** The signed BAP scenarios act as. */
  public DentClient client() {
    return client;
  }

  /** A target in a new transaction. */
  public BppTarget newTarget() {
    return new BppTarget(bppId, bppUrl, client.newTransactionId());
  }

  /**
   * The latest inbound messages the BAP refused before delivering them (signature, validation...), as
   * {@code "<path> <http status> <code>"}, oldest first; at most 20. A callback that breaks the profile (e.g. a quote
   * that does not add up) is refused, so the request waiting for it times out: this says why.
   */
  public List<String> refusedCallbacks() {
    return List.copyOf(refused);
  }

  /** The clock scenarios and signatures use. */
  public Clock clock() {
    return clock;
  }

  /** The codec. */
  public DentCodec codec() {
    return codec;
  }

  /** A worked message of the storage profile (e.g. {@code 01-search}) with a fresh context addressed to the BPP. */
  public ObjectNode message(String template) {
    String resource = "messages/" + template + ".json";
    try (InputStream in = ConformanceContext.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + template);
      }
      ObjectNode tree = (ObjectNode) codec.readTree(in.readAllBytes());
      ObjectNode ctx = (ObjectNode) tree.get("context");
      ctx.put("bap_id", subscriberId);
      ctx.put("bap_uri", client.callbackUrl().toString());
      ctx.put("bpp_id", bppId);
      ctx.put("bpp_uri", bppUrl.toString());
      ctx.put("transaction_id", UUID.randomUUID().toString());
      ctx.put("message_id", UUID.randomUUID().toString());
      ctx.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a tree exactly as it will be signed and sent. */
  public byte[] bytes(JsonNode tree) {
    return codec.encode(tree);
  }

  /** A valid {@code Authorization} value for these bytes, signed now. */
  public String sign(byte[] body) {
    return signer.sign(body).value();
  }

  /** A valid {@code Authorization} value with explicit times (UNIX seconds). */
  public String sign(byte[] body, long created, long expires) {
    return signer.sign(body, created, expires).value();
  }

  /** POSTs signed bytes to {@code bppUrl/action}. */
  public RawResponse postSigned(String action, byte[] body) {
    return post(action, body, Map.of(SignatureHeaders.AUTHORIZATION, sign(body)));
  }

  /** POSTs raw bytes with exactly these headers to {@code bppUrl/path}. */
  public RawResponse post(String path, byte[] body, Map<String, String> headers) {
    String base = bppUrl.toString();
    Request.Builder rb = new Request.Builder().url((base.endsWith("/") ? base : base + "/") + path)
        .post(RequestBody.create(body, JSON));
    headers.forEach(rb::header);
    try (Response response = http.newCall(rb.build()).execute()) {
      Map<String, String> h = new HashMap<>();
      response.headers().forEach(p -> h.put(p.getFirst().toLowerCase(Locale.ROOT), p.getSecond()));
      byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
      return new RawResponse(response.code(), h, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " to " + bppUrl + " failed: " + e.getMessage(), e);
    }
  }

  /** The {@code error.code} of a NACK body, or null. */
  public @Nullable String errorCode(RawResponse response) {
    try {
      JsonNode tree = codec.readTree(response.body());
      JsonNode code = tree.path("error").path("code");
      return code.isString() ? code.asString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The {@code error.paths} of a NACK body, or {@code ""}. */
  public String errorPaths(RawResponse response) {
    try {
      return codec.readTree(response.body()).path("error").path("paths").asString("");
    } catch (RuntimeException e) {
      return "";
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** Configures a {@link ConformanceContext}. */
  public static final class Builder {
    private @Nullable URI bppUrl;
    private @Nullable String bppId;
    private @Nullable String subscriberId;
    private @Nullable String uniqueKeyId;
    private @Nullable SigningKey key;
    private @Nullable URI registryUrl;
    private @Nullable KeyResolver keyResolver;
    private @Nullable URI callbackUrl;
    private int callbackPort;
    private Duration ttl = Duration.ofSeconds(15);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The BPP under test. */
    public Builder bpp(URI bppUrl, String bppId) {
      this.bppUrl = bppUrl;
      this.bppId = bppId;
      return this;
    }

    /** The BAP identity scenarios sign as (the registry, or the resolver the BPP uses, must know it). */
    public Builder identity(String subscriberId, String uniqueKeyId, SigningKey key) {
      this.subscriberId = subscriberId;
      this.uniqueKeyId = uniqueKeyId;
      this.key = key;
      return this;
    }

    /** Resolve the BPP's keys through this registry. */
    public Builder registry(URI registryUrl) {
      this.registryUrl = registryUrl;
      return this;
    }

    /** Resolve the BPP's keys with this resolver instead of a registry. */
    public Builder keyResolver(KeyResolver keyResolver) {
      this.keyResolver = keyResolver;
      return this;
    }

    /** Port of the BAP's callback host (default any). */
    public Builder callbackPort(int callbackPort) {
      this.callbackPort = callbackPort;
      return this;
    }

    /** Public callback URL when the BPP must reach the BAP through another address. */
    public Builder callbackUrl(URI callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    /** How long callbacks are awaited (default 15 s). */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** Clock (default system UTC; the BPP under test runs on real time). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Builds the context and starts the BAP's callback host. */
    public ConformanceContext build() {
      return new ConformanceContext(this);
    }
  }
}
