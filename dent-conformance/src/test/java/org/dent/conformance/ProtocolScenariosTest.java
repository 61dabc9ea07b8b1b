package org.dent.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dent.core.model.Catalog;
import org.dent.core.model.Descriptor;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.server.engine.BppEngine;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.KeyResolver;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Protocol scenarios pass against a real engine and fail against a BPP that skips every check. */
class ProtocolScenariosTest {
  final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
  final KeyResolver resolver = (sub, ukid) -> {
    VerificationKey k = keys.get(sub + "|" + ukid);
    if (k == null) {
      throw KeyResolver.unknownKey(sub, ukid);
    }
    return k;
  };
  final SigningKey bapKey = SigningKey.generate();
  BppEngine engine;
  Server fake;
  ConformanceContext context;

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (fake != null) {
      fake.stop();
    }
  }

  ConformanceContext contextFor(URI bpp, String bppId) {
    keys.put("bap.conformance|k1", bapKey.publicKey());
    return ConformanceContext.builder().bpp(bpp, bppId).identity("bap.conformance", "k1", bapKey)
        .keyResolver(resolver).build();
  }

  /** Answers search with an empty catalog: enough for the protocol scenarios. */
  static final class SearchOnly implements StorageOperator {
    @Override
    public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
      return new OnSearchCallback.Message(Catalog.builder()
          .descriptor(Descriptor.builder().name("empty").build()).providers(List.of()).build());
    }
  }

  @Test
  void everyProtocolScenarioPassesAgainstTheEngine() {
    SigningKey bppKey = SigningKey.generate();
    keys.put("bpp.conformance|k1", bppKey.publicKey());
    engine = BppEngine.builder().subscriberId("bpp.conformance").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(resolver).operator(new SearchOnly()).build();
    context = contextFor(engine.bppUri(), "bpp.conformance");
    List<ScenarioResult> results = ConformanceSuite.standard().only(n -> n.startsWith("protocol."))
        .run(context, r -> { });
    assertThat(results).hasSizeGreaterThanOrEqualTo(13);
    assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.line()).isTrue());
  }

  @Test
  void protocolScenariosFailAgainstABppThatChecksNothing() throws Exception {
    fake = new Server(new InetSocketAddress("127.0.0.1", 0));
    fake.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap("{\"message\":{\"ack\":{\"status\":\"ACK\"}}}"
            .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
      }
    });
    fake.start();
    int port = ((org.eclipse.jetty.server.ServerConnector) fake.getConnectors()[0]).getLocalPort();
    context = contextFor(URI.create("http://127.0.0.1:" + port), "bpp.lax");
    List<ScenarioResult> results = ConformanceSuite.standard().only(n -> n.startsWith("protocol.")
        && !n.equals("protocol.search-ack-callback")).run(context, r -> { });
    // it ACKs everything: every refusal scenario fails; only the duplicate (which expects ACKs) passes
    assertThat(results).filteredOn(ScenarioResult::passed).extracting(ScenarioResult::name)
        .containsExactly("protocol.duplicate-message-id");
    assertThat(results).filteredOn(r -> r.name().equals("protocol.signature-bad")).singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("expected 401, got HTTP 200"));
  }
}
