package org.dent.client.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} set. OkHttp leaves Nagle's algorithm on; a request whose headers and
 * body leave in two writes (any body over about 8 KB, one Okio segment) then waits for the receiver's delayed ACK,
 * 40 ms on Linux, before its last segment is sent. Not API.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private final SocketFactory delegate;

  /** Sockets from the JVM's default factory, with {@code TCP_NODELAY}. */
  public NoDelaySocketFactory() {
    this(SocketFactory.getDefault());
  }

  /** Sockets from {@code delegate}, with {@code TCP_NODELAY}. */
  public NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }
}
