package org.dent.client.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.dent.core.error.ErrorCode;
import org.dent.core.error.MalformedMessageException;
import org.dent.core.json.DentCodec;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Beckn registry for local networks, tests and the demo: answers {@code POST /lookup} with the subscriptions
 * that match every filter the request sets ({@link LookupRequest#matches}), as a JSON array. A request that is not
 * a JSON object of the lookup shape gets HTTP 400 with {@code {"error":{"code":"30000","message":...}}}.
 *
 * <p>Two modes. {@link #ofFile(Path)} serves a JSON file holding an array of subscriptions and re-reads it when its
 * modification time or size changes (checked on every lookup, so the next lookup after a rewrite sees it; a rewrite
 * that does not parse is logged and the last good content kept). {@link #ofSubscriptions(List)} serves a list held
 * in memory and changed with {@link #put} and {@link #remove}.
 *
 * <p>Runs Jetty 12 on its own small thread pool. Thread-safe. Not a full registry: no subscribe, no on_subscribe
 * challenge, no signed lookups.
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
  private static final TypeReference<List<Subscription>> SUBSCRIPTIONS = new TypeReference<>() {};
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final DentCodec codec = DentCodec.standard();
  private final JsonMapper mapper = codec.mapper();
  private final @Nullable Path file;
  private final Object lock = new Object();
  private final AtomicLong lookups = new AtomicLong();
  private volatile List<Subscription> subscriptions;
  private @Nullable Stamp fileStamp; // guarded by lock
  private @Nullable Server server; // guarded by lock
  private @Nullable ServerConnector connector; // guarded by lock

  /** What identifies one version of the file without reading it. */
  private record Stamp(FileTime modified, long size) {}

  private RegistryServer(@Nullable Path file, List<Subscription> subscriptions) {
    this.file = file;
    this.subscriptions = List.copyOf(subscriptions);
  }

  /**
   * A server for the subscriptions in {@code file} (a JSON array), not yet started.
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a JSON array of subscriptions
   */
  public static RegistryServer ofFile(Path file) {
    RegistryServer s = new RegistryServer(Objects.requireNonNull(file, "file"), List.of());
    synchronized (s.lock) {
      Stamp stamp = stamp(file);
      s.subscriptions = readFile(s.mapper, file);
      s.fileStamp = stamp;
    }
    return s;
  }

  /** A server for an in-memory list of subscriptions, not yet started. */
  public static RegistryServer ofSubscriptions(List<Subscription> subscriptions) {
    return new RegistryServer(null, subscriptions);
  }

  /** Starts on 127.0.0.1 and a free port. */
  public RegistryServer start() {
    return start("127.0.0.1", 0);
  }

  /** Starts on 127.0.0.1 and {@code port} (0 picks a free one). */
  public RegistryServer start(int port) {
    return start("127.0.0.1", port);
  }

  /**
   * Starts listening on {@code host:port} (port 0 picks a free one).
   *
   * @throws IllegalStateException when already started or the port cannot be bound
   */
  public RegistryServer start(String host, int port) {
    synchronized (lock) {
      if (server != null) {
        throw new IllegalStateException("registry server already started on " + url());
      }
      QueuedThreadPool threads = new QueuedThreadPool(16, 2);
      threads.setName("dent-registry");
      threads.setDaemon(true);
      Server s = new Server(threads);
      ServerConnector c = new ServerConnector(s, 1, 1);
      c.setHost(host);
      c.setPort(port);
      s.addConnector(c);
      s.setHandler(new LookupHandler());
      try {
        s.start();
      } catch (Exception e) {
        stopQuietly(s);
        throw new IllegalStateException("cannot start registry server on " + host + ":" + port + ": " + e, e);
      }
      server = s;
      connector = c;
      log.info("registry server started on {} ({} subscriptions{})", url(), subscriptions.size(),
          file == null ? "" : " from " + file);
      return this;
    }
  }

  /** The port listened on. @throws IllegalStateException when not started */
  public int port() {
    synchronized (lock) {
      if (connector == null) {
        throw new IllegalStateException("registry server not started");
      }
      return connector.getLocalPort();
    }
  }

  /** The base URL to give a {@link RegistryClient}, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    synchronized (lock) {
      if (connector == null) {
        throw new IllegalStateException("registry server not started");
      }
      String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
      return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort();
    }
  }

  /** The subscriptions served now (in file mode, re-read first if the file changed). */
  public List<Subscription> subscriptions() {
    reloadIfChanged();
    return subscriptions;
  }

  /** The subscriptions a lookup with {@code request} answers, in stored order. Not counted as a served lookup. */
  public List<Subscription> lookup(LookupRequest request) {
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : subscriptions()) {
      if (request.matches(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Adds {@code subscription}, replacing any with the same {@code subscriber_id} and {@code key_id}.
   *
   * @throws IllegalStateException in file mode (edit the file instead)
   */
  public void put(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription");
    synchronized (lock) {
      requireMemoryMode();
      List<Subscription> next = new ArrayList<>(subscriptions.size() + 1);
      for (Subscription s : subscriptions) {
        if (!sameKey(s, subscription.subscriberId(), subscription.keyId())) {
          next.add(s);
        }
      }
      next.add(subscription);
      subscriptions = List.copyOf(next);
    }
  }

  /**
   * Removes the subscription with this {@code subscriber_id} and {@code key_id}; returns whether there was one.
   *
   * @throws IllegalStateException in file mode
   */
  public boolean remove(String subscriberId, @Nullable String keyId) {
    synchronized (lock) {
      requireMemoryMode();
      List<Subscription> next = new ArrayList<>(subscriptions);
      boolean removed = next.removeIf(s -> sameKey(s, subscriberId, keyId));
      subscriptions = List.copyOf(next);
      return removed;
    }
  }

  /** How many lookups were answered with HTTP 200 since this server was created. */
  public long lookupCount() {
    return lookups.get();
  }

  /** Stops listening; idempotent. The server cannot be started again (create a new one on the same port). */
  @Override
  public void close() {
    synchronized (lock) {
      if (server != null) {
        stopQuietly(server);
        server = null;
        connector = null;
      }
    }
  }

  @Override
  public String toString() {
    return "RegistryServer[" + (file == null ? "in-memory" : file.toString()) + "]";
  }

  private static boolean sameKey(Subscription s, String subscriberId, @Nullable String keyId) {
    return s.subscriberId().equals(subscriberId) && Objects.equals(s.keyId(), keyId);
  }

  private void requireMemoryMode() {
    if (file != null) {
      throw new IllegalStateException("registry server serves " + file + "; edit the file instead");
    }
  }

  private void reloadIfChanged() {
    if (file == null) {
      return;
    }
    synchronized (lock) {
      Stamp now;
      try {
        now = stamp(file);
      } catch (UncheckedIOException e) {
        log.warn("registry file {} unreadable, serving its last good content: {}", file, e.getMessage());
        return;
      }
      if (now.equals(fileStamp)) {
        return;
      }
      fileStamp = now; // a bad rewrite is reported once, not on every lookup
      try {
        subscriptions = readFile(mapper, file);
        log.info("registry file {} reloaded: {} subscriptions", file, subscriptions.size());
      } catch (RuntimeException e) {
        log.warn("registry file {} changed but cannot be used, serving its last good content: {}", file,
            e.getMessage());
      }
    }
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime(), a.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read registry file " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Subscription> readFile(JsonMapper mapper, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read registry file " + file + ": " + e.getMessage(), e);
    }
    try {
      List<Subscription> list = mapper.readValue(bytes, SUBSCRIPTIONS);
      if (list == null || list.contains(null)) {
        throw new IllegalArgumentException(file + ": expected a JSON array of subscription objects");
      }
      return List.copyOf(list);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": not a JSON array of subscriptions: " + e.getOriginalMessage(), e);
    }
  }

  private static void stopQuietly(Server s) {
    try {
      s.stop();
    } catch (Exception e) {
      log.warn("stopping registry server failed", e);
    }
  }

  /** Answers {@code POST /lookup}; everything else is 404 or 405. */
  private final class LookupHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      if (!"/lookup".equals(path)) {
        reply(response, callback, 404, error("no endpoint " + path + "; POST /lookup"));
      } else if (!HttpMethod.POST.is(request.getMethod())) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
        reply(response, callback, 405, error("lookup takes POST"));
      } else if (request.getLength() > MAX_REQUEST_BYTES) {
        reply(response, callback, 413, error("lookup body over " + MAX_REQUEST_BYTES + " bytes"));
      } else {
        // BLOCKING: answering may re-read the file.
        Content.Source.asByteArrayAsync(request, MAX_REQUEST_BYTES, Promise.Invocable.from(
            Invocable.InvocationType.BLOCKING, (byte[] bytes, Throwable failure) -> {
              if (failure != null) {
                reply(response, callback, 400, error("cannot read the lookup body: " + failure.getMessage()));
              } else {
                answer(bytes, response, callback);
              }
            }));
      }
      return true;
    }

    private void answer(byte[] bytes, Response response, Callback callback) {
      LookupRequest lookup;
      try {
        lookup = codec.bind(codec.readTree(bytes), LookupRequest.class);
      } catch (MalformedMessageException e) {
        reply(response, callback, 400, error("bad lookup request: " + e.getMessage()));
        return;
      }
      byte[] body;
      try {
        body = mapper.writeValueAsBytes(lookup(lookup));
      } catch (RuntimeException e) {
        log.warn("registry lookup failed", e);
        reply(response, callback, 500, error("registry failure: " + e.getMessage()));
        return;
      }
      lookups.incrementAndGet();
      reply(response, callback, 200, body);
    }

    private byte[] error(String message) {
      ObjectNode root = mapper.createObjectNode();
      root.putObject("error").put("code", ErrorCode.INVALID_REQUEST.code()).put("message", message);
      return mapper.writeValueAsBytes(root);
    }

    private void reply(Response response, Callback callback, int status, byte[] body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }
}
