package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.core.model.Context;
import org.dent.core.model.StatusRequest;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class OutboundSenderTest {
  @Test
  void anAckWithoutContentLengthIsReadNotRetried() throws Exception {
    AtomicInteger posts = new AtomicInteger();
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        posts.incrementAndGet();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] a = "{\"message\":{\"ack\":".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);
        // two writes: the answer goes out chunked, with no Content-Length
        response.write(false, ByteBuffer.wrap(a), Callback.from(
            () -> response.write(true, ByteBuffer.wrap(b), callback), callback::failed));
        return true;
      }
    });
    server.start();
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      OutboundSender sender = OutboundSender.builder(Signer.builder(SigningKey.generate(), "bap.test", "k1").build())
          .build();
      StatusRequest status = new StatusRequest(Context.builder().action("status").messageId("m1").build(),
          new StatusRequest.Message("o1"));
      assertThat(sender.send(URI.create("http://127.0.0.1:" + port), status).isAck()).isTrue();
      assertThat(posts.get()).isEqualTo(1);
    } finally {
      server.stop();
    }
  }
}
