package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The SDK's default OkHttp client turns Nagle off, so large bodies do not wait for delayed ACKs. */
class DefaultHttpClientTest {

  @Test
  void socketsHaveTcpNoDelay() throws Exception {
    try (Socket s = OutboundSender.defaultHttpClient().socketFactory().createSocket()) {
      assertThat(s.getTcpNoDelay()).isTrue();
    }
  }

  /**
   * With Nagle on, each 12 KB POST on loopback waits about 40 ms for the server's delayed ACK (20 of them: 800 ms
   * or more); without it they take a few milliseconds each. The bound leaves room for a loaded machine.
   */
  @Test
  void largeBodiesDoNotWaitForDelayedAcks() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
          Callback callback) {
        Content.Source.asByteArrayAsync(request, 1 << 20).whenComplete((bytes, error) -> {
          response.setStatus(200);
          response.write(true, ByteBuffer.wrap(new byte[] {'{', '}'}), callback);
        });
        return true;
      }
    });
    server.start();
    try {
      OkHttpClient http = OutboundSender.defaultHttpClient();
      byte[] body = new byte[12 * 1024];
      Arrays.fill(body, (byte) ' ');
      String url = "http://127.0.0.1:" + connector.getLocalPort() + "/x";
      post(http, url, body); // connect and warm up
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        post(http, url, body);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("20 POSTs of 12 KB, ms").isLessThan(400);
    } finally {
      server.stop();
    }
  }

  private static void post(OkHttpClient http, String url, byte[] body) throws Exception {
    Request request = new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      response.body().bytes();
    }
  }
}
