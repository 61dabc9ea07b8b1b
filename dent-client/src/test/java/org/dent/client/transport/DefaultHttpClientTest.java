package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The SDK's default OkHttp client turns Nagle off, so large bodies do not wait for delayed ACKs (a 12 KB POST on
 * loopback waited ~40 ms with Nagle on; benchmarks/README.md, "Findings").
 */
class DefaultHttpClientTest {

  @Test
  void socketsHaveTcpNoDelay() throws Exception {
    try (Socket s = OutboundSender.defaultHttpClient().socketFactory().createSocket()) {
      assertThat(s.getTcpNoDelay()).isTrue();
    }
  }
}
