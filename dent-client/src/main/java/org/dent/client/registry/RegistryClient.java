package org.dent.client.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.dent.core.json.DentCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a Beckn registry's {@code POST {registry}/lookup}. One instance per registry, shared by every thread; it
 * runs over one {@link OkHttpClient} (given to the builder, or created by it), so connections are pooled.
 *
 * <p>This class does not cache: {@link RegistryKeyResolver} puts a cache in front of it.
 */
public final class RegistryClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final TypeReference<List<Subscription>> SUBSCRIPTIONS = new TypeReference<>() {};

  /** Default cap on a lookup answer: 4 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 << 20;

  private final HttpUrl registryUrl;
  private final HttpUrl lookupUrl;
  private final OkHttpClient http;
  private final int maxResponseBytes;
  private final JsonMapper mapper = DentCodec.standard().mapper();

  private RegistryClient(Builder b) {
    this.registryUrl = b.registryUrl;
    this.lookupUrl = b.registryUrl.newBuilder().addPathSegment("lookup").build();
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(15))
        .build();
    if (b.connectTimeout != null || b.readTimeout != null || b.callTimeout != null) {
      OkHttpClient.Builder tuned = base.newBuilder(); // shares the connection pool and dispatcher
      if (b.connectTimeout != null) {
        tuned.connectTimeout(b.connectTimeout);
      }
      if (b.readTimeout != null) {
        tuned.readTimeout(b.readTimeout);
      }
      if (b.callTimeout != null) {
        tuned.callTimeout(b.callTimeout);
      }
      base = tuned.build();
    }
    this.http = base;
    this.maxResponseBytes = b.maxResponseBytes;
  }

  /**
   * A builder for a client of the registry at {@code registryUrl} (lookups go to {@code registryUrl + "/lookup"}).
   *
   * @throws IllegalArgumentException when {@code registryUrl} is not an http or https URL
   */
  public static Builder builder(String registryUrl) {
    return new Builder(registryUrl);
  }

  /** A client of {@code registryUrl} with default settings. */
  public static RegistryClient create(String registryUrl) {
    return builder(registryUrl).build();
  }

  /** A builder with this client's settings, sharing its {@link OkHttpClient}. */
  public Builder newBuilder() {
    Builder b = new Builder(registryUrl.toString());
    b.httpClient = http;
    b.maxResponseBytes = maxResponseBytes;
    return b;
  }

  /** The registry's base URL. */
  public String registryUrl() {
    return registryUrl.toString();
  }

  /** The URL lookups are posted to. */
  public String lookupUrl() {
    return lookupUrl.toString();
  }

  /**
   * Posts {@code request} to the registry and returns the subscriptions it answers, in its order (an empty list
   * when it knows none). Entries are not filtered here: a registry may answer more than was asked.
   *
   * @throws RegistryException when the registry is unreachable, answers a non-2xx status, or answers something
   *     other than a JSON array of subscriptions
   */
  public List<Subscription> lookup(LookupRequest request) {
    Objects.requireNonNull(request, "request");
    String url = lookupUrl.toString();
    Request call = new Request.Builder()
        .url(lookupUrl)
        .header("Accept", "application/json")
        .post(RequestBody.create(mapper.writeValueAsBytes(request), JSON))
        .build();
    byte[] body;
    int status;
    try (Response response = http.newCall(call).execute()) {
      status = response.code();
      if (!response.isSuccessful()) {
        throw new RegistryException(RegistryException.Reason.HTTP_STATUS, url, response.code(),
            "registry " + url + " answered HTTP " + response.code(), null);
      }
      BufferedSource source = response.body().source();
      if (source.request(maxResponseBytes + 1L)) {
        throw new RegistryException(RegistryException.Reason.BAD_RESPONSE, url, response.code(),
            "registry " + url + " (HTTP " + response.code() + ") answered more than " + maxResponseBytes
                + " bytes", null);
      }
      body = source.getBuffer().readByteArray();
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, url, 0,
          "registry " + url + " unreachable: " + e, e);
    }
    try {
      List<Subscription> parsed = mapper.readValue(body, SUBSCRIPTIONS);
      if (parsed == null) {
        throw new RegistryException(RegistryException.Reason.BAD_RESPONSE, url, status,
            "registry " + url + " (HTTP " + status + ") answered null instead of an array of subscriptions", null);
      }
      List<Subscription> result = new ArrayList<>(parsed.size());
      for (Subscription s : parsed) {
        if (s != null) {
          result.add(s);
        }
      }
      return List.copyOf(result);
    } catch (JacksonException e) {
      throw new RegistryException(RegistryException.Reason.BAD_RESPONSE, url, status, "registry " + url + " (HTTP "
          + status + ") answered a body that is not a JSON array of subscriptions: " + firstLine(e), e);
    }
  }

  private static String firstLine(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf('\n');
    return cut < 0 ? m : m.substring(0, cut);
  }

  @Override
  public String toString() {
    return "RegistryClient[" + lookupUrl + "]";
  }

  /** Settings of a {@link RegistryClient}; not thread-safe. */
  public static final class Builder {
    private final HttpUrl registryUrl;
    private @Nullable OkHttpClient httpClient;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration callTimeout;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder(String registryUrl) {
      Objects.requireNonNull(registryUrl, "registryUrl");
      HttpUrl url = HttpUrl.parse(registryUrl);
      if (url == null) {
        throw new IllegalArgumentException("registry URL is not an http(s) URL: " + registryUrl);
      }
      this.registryUrl = url;
    }

    /**
     * The shared OkHttp client to call through (default: one created for this registry client with a 5 s connect,
     * 10 s read and 15 s call timeout). Timeouts set on this builder are applied on top of it, keeping its
     * connection pool.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Timeout to establish a connection. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Timeout between bytes of the answer. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Timeout of a whole lookup, connect to last byte. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Largest lookup answer accepted, in bytes (default 4 MiB). */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** The client. */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
