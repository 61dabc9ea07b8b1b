package org.dent.client.transport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import org.dent.core.error.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server both sides use (Jetty 12, core API): it serves {@code POST {basePath}/{action}} for each
 * mounted {@link InboundPipeline} — a BAP's callbacks or a BPP's requests, or both on one port.
 *
 * <p>Limits, each answered with a NACK: bodies over {@link Builder#maxBodyBytes} (default 1 MiB) → 413
 * {@code 30000}; a content type other than JSON → 415 {@code 30000}; more than {@link Builder#maxInFlight}
 * requests at once → 503 {@code 40000} with {@code Retry-After}; connections idle longer than
 * {@link Builder#idleTimeout} are closed, and so is one whose body has not fully arrived {@link Builder#bodyTimeout}
 * after its headers, however steadily it trickles (slowloris). {@link #close()} stops accepting and drains
 * in-flight requests for up to {@link Builder#drainTimeout}.
 *
 * <p>Transport: plain HTTP by default (for local development or behind a TLS-terminating proxy, and the startup log
 * says so); HTTPS when {@link Builder#tls(ServerTls)} is given, then {@link #baseUrl()} is an {@code https} URL.
 */
public final class HttpHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpHost.class);

  private final Server server;
  private final ServerConnector connector;
  private final QueuedThreadPool threads;
  private final int maxBodyBytes;
  private final Duration bodyTimeout;
  private final Semaphore inFlight;
  private final String host;
  private final @Nullable ServerTls tls;
  private final ConcurrentSkipListMap<String, InboundPipeline> mounts = new ConcurrentSkipListMap<>();
  private volatile boolean started;

  private HttpHost(Builder b) {
    this.maxBodyBytes = b.maxBodyBytes;
    this.bodyTimeout = b.bodyTimeout;
    this.inFlight = new Semaphore(b.maxInFlight);
    this.host = b.host;
    this.tls = b.tls;
    this.threads = new QueuedThreadPool(b.maxThreads, Math.min(8, b.maxThreads));
    threads.setName("dent-http");
    this.server = new Server(threads);
    if (tls != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls.sslContext());
      this.connector = new ServerConnector(server, ssl);
    } else {
      this.connector = new ServerConnector(server);
    }
    connector.setHost(b.host);
    connector.setPort(b.port);
    connector.setIdleTimeout(b.idleTimeout.toMillis());
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler(new Dispatcher());
    // During shutdown, idle keep-alive connections are closed almost at once; busy ones finish their request.
    graceful.setShutdownIdleTimeout(50);
    server.setHandler(graceful);
    server.setStopTimeout(b.drainTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  /** A builder with the defaults: loopback, a free port, 1 MiB bodies, 256 requests in flight. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serves {@code pipeline} at {@code basePath + "/{action}"} ({@code ""} for the root). Mounting may happen before
   * or after {@link #start()}.
   */
  public HttpHost mount(String basePath, InboundPipeline pipeline) {
    String normalized = normalize(basePath);
    if (mounts.putIfAbsent(normalized, Objects.requireNonNull(pipeline)) != null) {
      throw new IllegalStateException("something is already mounted at '" + normalized + "'");
    }
    return this;
  }

  /** Removes what is mounted at {@code basePath}. */
  public void unmount(String basePath) {
    mounts.remove(normalize(basePath));
  }

  /** Starts listening; returns this. */
  public synchronized HttpHost start() {
    if (!started) {
      try {
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start HTTP host on " + host + ":" + connector.getPort(), e);
      }
      started = true;
      if (tls == null) {
        log.info("DENT host listening on {} (plain HTTP: for local development or behind a TLS proxy)", baseUrl());
      } else {
        log.info("DENT host listening on {} (TLS, certificate {})", baseUrl(), tls.subject());
      }
    }
    return this;
  }

  /** The bound port (after {@link #start()}). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port} of this server, {@code https://} when it serves TLS. */
  public URI baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create((tls == null ? "http://" : "https://") + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port());
  }

  /** Stops accepting, waits for in-flight requests up to the drain timeout, then stops. Idempotent. */
  @Override
  public synchronized void close() {
    if (!started) {
      return;
    }
    started = false;
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("HTTP host stopped with an error", e);
    }
  }

  private static String normalize(String basePath) {
    String p = basePath == null ? "" : basePath.trim();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
  }

  private @Nullable InboundPipeline route(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    return mounts.get(path.substring(0, slash));
  }

  private final class Dispatcher extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      if (!"POST".equals(request.getMethod())) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
        return write(response, callback, InboundResult.nack(405, ErrorCode.INVALID_REQUEST.code(),
            "only POST is served", List.of()));
      }
      InboundPipeline pipeline = route(path);
      if (pipeline == null) {
        return write(response, callback, InboundResult.nack(404, ErrorCode.INVALID_REQUEST.code(),
            "no DENT endpoint at " + path, List.of()));
      }
      String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        return write(response, callback, InboundResult.nack(415, ErrorCode.INVALID_REQUEST.code(),
            "Content-Type must be application/json", List.of("Content-Type")));
      }
      if (request.getLength() > maxBodyBytes) {
        return write(response, callback, tooLarge());
      }
      if (!inFlight.tryAcquire()) {
        return write(response, callback, InboundResult.nack(503, ErrorCode.OVERLOADED.code(),
            "receiver overloaded, retry later", List.of(), Map.of("Retry-After", "1")));
      }
      // While no read or write is pending (the pipeline verifies and validates), an idle connection timeout
      // (30 s normally, 50 ms while the host shuts down) must not cut off the answer. A slow body read still times out.
      request.addIdleTimeoutListener(timeout -> false);
      // The idle timeout resets with every byte; this deadline does not: a body trickled one byte at a time just
      // inside the idle timeout still has to be complete in time, or the connection is closed.
      AtomicBoolean bodyDone = new AtomicBoolean();
      Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
        if (bodyDone.compareAndSet(false, true)) {
          log.debug("body of {} not complete within {}: closing the connection", path, bodyTimeout);
          request.getConnectionMetaData().getConnection().getEndPoint()
              .close(new TimeoutException("request body not complete within " + bodyTimeout));
        }
      }, bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      // BLOCKING invocation type: Jetty runs the completion on a pool thread, never the selector, because
      // verifying and validating is CPU work.
      Content.Source.asByteArrayAsync(request, maxBodyBytes, Promise.Invocable.from(
          Invocable.InvocationType.BLOCKING, (byte[] bytes, Throwable error) -> {
            boolean inTime = bodyDone.compareAndSet(false, true);
            deadline.cancel();
            try {
              if (!inTime) {
                callback.failed(new TimeoutException("request body not complete within " + bodyTimeout));
                return;
              }
              InboundResult result;
              if (error != null) {
                result = error instanceof IllegalStateException || error.getCause() instanceof IllegalStateException
                    ? tooLarge()
                    : InboundResult.nack(400, ErrorCode.INVALID_REQUEST.code(), "could not read the body",
                        List.of());
              } else {
                result = pipeline.process(path, name -> request.getHeaders().get(name), bytes);
              }
              write(response, callback, result);
            } catch (RuntimeException e) {
              log.error("unexpected failure serving {}", path, e);
              callback.failed(e);
            } finally {
              inFlight.release();
            }
          }));
      return true;
    }

    private InboundResult tooLarge() {
      // close the connection: the rest of an oversize body is not worth reading
      return InboundResult.nack(413, ErrorCode.INVALID_REQUEST.code(),
          "body larger than " + maxBodyBytes + " bytes", List.of(), Map.of("Connection", "close"));
    }

    private boolean write(Response response, Callback callback, InboundResult result) {
      response.setStatus(result.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      result.headers().forEach((k, v) -> response.getHeaders().put(k, v));
      response.write(true, ByteBuffer.wrap(result.body()), callback);
      return true;
    }
  }

  /** Configures an {@link HttpHost}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private int maxBodyBytes = 1 << 20;
    private int maxInFlight = 256;
    private int maxThreads = 64;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration drainTimeout = Duration.ofSeconds(5);
    private Duration bodyTimeout = Duration.ofSeconds(20);
    private @Nullable ServerTls tls;

    private Builder() {}

    /** Serve HTTPS with this certificate and key (default: plain HTTP). */
    public Builder tls(@Nullable ServerTls tls) {
      this.tls = tls;
      return this;
    }

    /** Interface to bind (default 127.0.0.1; {@code 0.0.0.0} for all). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** Port (default 0: a free one, see {@link HttpHost#port()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Largest accepted body (default 1 MiB); larger → 413 NACK. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Requests processed at once (default 256); more → 503 NACK with Retry-After. */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Server threads (default 64). */
    public Builder maxThreads(int maxThreads) {
      this.maxThreads = Math.max(4, maxThreads);
      return this;
    }

    /** Close connections idle (or trickling) longer than this (default 30 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Longest time from a request's headers to the end of its body (default 20 s), however steadily the bytes come;
     * later, the connection is closed and nothing is processed.
     */
    public Builder bodyTimeout(Duration bodyTimeout) {
      if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
        throw new IllegalArgumentException("body timeout must be positive");
      }
      this.bodyTimeout = bodyTimeout;
      return this;
    }

    /** How long {@link HttpHost#close()} waits for in-flight requests (default 5 s). */
    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
      return this;
    }

    /** Builds the host (not started). */
    public HttpHost build() {
      return new HttpHost(this);
    }
  }

  @Override
  public String toString() {
    return "HttpHost[" + (started ? baseUrl() : "stopped") + ", mounts=" + mounts.keySet() + "]";
  }
}
