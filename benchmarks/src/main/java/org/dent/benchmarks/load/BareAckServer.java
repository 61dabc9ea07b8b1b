package org.dent.benchmarks.load;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import org.dent.client.transport.InboundResult;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor's receiver: a bare Jetty 12 {@link Handler.Abstract} that reads the whole body and answers the SDK's
 * ACK bytes ({@code {"message":{"ack":{"status":"ACK"}}}}) with 200, nothing else: no signature check, no parsing,
 * no validation. Same Jetty, same thread-pool size (64) and same body-reading call as {@link
 * org.dent.client.transport.HttpHost}, so the difference to ours is the DENT pipeline.
 *
 * <p>{@code main} runs one in its own JVM and prints {@code port=<n>} (used by the allocation benchmark, so that
 * the receiver's allocations are not counted against the sender).
 */
public final class BareAckServer implements AutoCloseable {
  static final byte[] ACK = InboundResult.ack().body();
  private static final int MAX_BODY = 1 << 20;

  private final Server server;
  private final ServerConnector connector;

  private BareAckServer(int port) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 8);
    threads.setName("bare-ack");
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((bytes, error) -> {
          if (error != null) {
            callback.failed(error);
            return;
          }
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.write(true, ByteBuffer.wrap(ACK), callback);
        });
        return true;
      }
    });
  }

  /** Starts a server on {@code port} (0: any free one) of 127.0.0.1. */
  public static BareAckServer start(int port) {
    BareAckServer s = new BareAckServer(port);
    try {
      s.server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the bare ACK server", e);
    }
    return s;
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public java.net.URI baseUrl() {
    return java.net.URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs until stdin closes (the parent process ended) or the process is killed; prints {@code port=<n>}. */
  public static void main(String[] args) throws Exception {
    try (BareAckServer s = start(args.length > 0 ? Integer.parseInt(args[0]) : 0)) {
      System.out.println("port=" + s.port());
      System.out.flush();
      CountDownLatch stdinClosed = new CountDownLatch(1);
      Thread t = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // ignore
          }
        } catch (java.io.IOException e) {
          // parent gone
        }
        stdinClosed.countDown();
      }, "stdin-watch");
      t.setDaemon(true);
      t.start();
      stdinClosed.await();
    }
  }
}
