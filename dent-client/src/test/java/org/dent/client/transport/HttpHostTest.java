package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.signing.KeyResolver;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded host's limits, over real HTTP. */
class HttpHostTest {
  final SigningKey key = SigningKey.generate();
  final CountDownLatch release = new CountDownLatch(1);
  final AtomicInteger resolving = new AtomicInteger();
  /** A resolver that blocks until released, so requests can be held inside the host. */
  final KeyResolver slowResolver = (sub, ukid) -> {
    resolving.incrementAndGet();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return key.publicKey();
  };
  final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
  HttpHost host;

  HttpHost start(int maxInFlight, int maxBody) {
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, "bpp.test",
        Verifier.builder(slowResolver).build()).handler(m -> { }).build();
    host = HttpHost.builder().maxInFlight(maxInFlight).maxBodyBytes(maxBody).drainTimeout(Duration.ofSeconds(10))
        .build().mount("/dent", pipeline).start();
    return host;
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (host != null) {
      host.close();
    }
  }

  Response post(String path, String contentType, byte[] body) throws IOException {
    Request.Builder rb = new Request.Builder().url(host.baseUrl() + path)
        .post(RequestBody.create(body, MediaType.get(contentType)));
    rb.header("Authorization", Signer.builder(key, "bap.test", "k1").build().sign(body).value());
    return http.newCall(rb.build()).execute();
  }

  @Test
  void bodyOverTheLimitIs413WithANack() throws IOException {
    release.countDown();
    start(8, 1024);
    try (Response r = post("/dent/search", "application/json", new byte[2048])) {
      assertThat(r.code()).isEqualTo(413);
      assertThat(r.body().string()).contains("\"NACK\"").contains("30000");
    }
  }

  @Test
  void wrongContentTypeMethodAndPathAreRefused() throws IOException {
    release.countDown();
    start(8, 1024);
    try (Response r = post("/dent/search", "text/plain", "{}".getBytes(StandardCharsets.UTF_8))) {
      assertThat(r.code()).isEqualTo(415);
    }
    try (Response r = post("/elsewhere/search", "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
      assertThat(r.code()).isEqualTo(404);
    }
    try (Response r = http.newCall(new Request.Builder().url(host.baseUrl() + "/dent/search").build()).execute()) {
      assertThat(r.code()).isEqualTo(405);
    }
  }

  @Test
  void whenFullTheHostAnswers503WithRetryAfter() throws Exception {
    start(1, 1 << 20);
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
      try (Response r = post("/dent/search", "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
        return r.code();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    await().until(() -> resolving.get() == 1); // the first request is held inside the host
    try (Response r = post("/dent/search", "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.body().string()).contains("40000");
    }
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(400); // then it completes (here: not a valid message)
  }

  @Test
  void closeDrainsRequestsInFlight() throws Exception {
    start(8, 1 << 20);
    CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
      try (Response r = post("/dent/search", "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
        return r.code();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    await().until(() -> resolving.get() == 1);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(host::close);
    // close waits for the held request, and the request's connection survives the wait (no I/O meanwhile)
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !closing.isDone());
    release.countDown();
    closing.get(15, TimeUnit.SECONDS);
    assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(400); // answered, not cut off
    host = null;
  }
}
