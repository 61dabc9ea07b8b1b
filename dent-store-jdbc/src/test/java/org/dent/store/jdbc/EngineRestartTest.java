package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Context;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.testing.MutableClock;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A BPP killed while delivering a callback and started again on the same database: the callback left pending is
 * sent by the new instance, a repeated request with the same message_id gets the same answer (and books nothing
 * new), and the order is still served. The killed instance is abandoned, never closed (in-process "kill").
 */
class EngineRestartTest {
  static final String START = "2026-12-01T10:00:00Z";
  static final String END = "2026-12-01T18:00:00Z";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  final StaticKeyResolver keys = StaticKeyResolver.builder().add(Orders.BAP, "k1", bapKey.publicKey())
      .add(Orders.BPP, "k1", bppKey.publicKey()).build();
  final OutboundSender bap = OutboundSender.builder(Signer.builder(bapKey, Orders.BAP, "k1").clock(clock).build())
      .retryPolicy(RetryPolicy.NONE).build();
  final List<BecknMessage> received = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  final List<AutoCloseable> closing = new ArrayList<>();
  volatile boolean holdFirstStatus = true;
  HttpServer receiver;

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  /** The BAP's callback endpoint: records every callback and ACKs; holds the first on_status until released. */
  String startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      BecknMessage m = DentCodec.standard().decode(body);
      received.add(m);
      if (m instanceof OnStatusCallback && holdFirstStatus) {
        holdFirstStatus = false;
        try {
          release.await(30, TimeUnit.SECONDS); // the BPP dies while this delivery hangs
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] ack = "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ack.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ack);
      }
    });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bap";
  }

  BppEngine start(String url) {
    JdbcStore store = Pg.store(url);
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).store(store).build();
    BppEngine engine = BppEngine.builder().subscriberId(Orders.BPP).uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).clock(clock).store(store).build();
    operator.attach(engine::pushStatus);
    closing.add(store);
    return engine;
  }

  Context ctx(Action action, String txn, String messageId, String bapUri, BppEngine bpp) {
    return Orders.context(action, txn, clock.instant(), bapUri, bpp.bppUri().toString()).toBuilder()
        .messageId(messageId).build();
  }

  <T extends BecknMessage> List<T> answers(Class<T> type, String messageId) {
    return received.stream().filter(type::isInstance).map(type::cast)
        .filter(m -> m.context().messageId().equals(messageId)).toList();
  }

  @Test
  void pendingCallbacksAreSentAndRepeatedRequestsAnsweredAlikeAfterARestart() throws Exception {
    String url = Pg.freshDatabase();
    String bapUri = startReceiver();
    BppEngine first = start(url);
    String txn = UUID.randomUUID().toString();
    Order order = Orders.withTerms(Orders.order("vv-bess-01", "50", START, END));
    bap.send(first.bppUri(), new SelectRequest(ctx(Action.SELECT, txn, UUID.randomUUID().toString(), bapUri,
        first), new SelectRequest.Message(order)));
    String initId = UUID.randomUUID().toString();
    bap.send(first.bppUri(), new InitRequest(ctx(Action.INIT, txn, initId, bapUri, first),
        new InitRequest.Message(order)));
    await().atMost(10, TimeUnit.SECONDS).until(() -> received.stream()
        .anyMatch(m -> m.context().messageId().equals(initId)));
    String confirmId = UUID.randomUUID().toString();
    ConfirmRequest confirm = new ConfirmRequest(ctx(Action.CONFIRM, txn, confirmId, bapUri, first),
        new ConfirmRequest.Message(order));
    bap.send(first.bppUri(), confirm);
    await().atMost(10, TimeUnit.SECONDS).until(() -> !answers(OnConfirmCallback.class, confirmId).isEmpty());
    String orderId = answers(OnConfirmCallback.class, confirmId).get(0).message().order().id();

    String statusId = UUID.randomUUID().toString();
    bap.send(first.bppUri(), new StatusRequest(ctx(Action.STATUS, txn, statusId, bapUri, first),
        new StatusRequest.Message(orderId)));
    await().atMost(10, TimeUnit.SECONDS).until(() -> answers(OnStatusCallback.class, statusId).size() == 1);
    // killed now, mid-callback: the on_status delivery hangs and the instance is abandoned

    BppEngine second = start(url);
    closing.add(second);
    await().atMost(10, TimeUnit.SECONDS).until(() -> answers(OnStatusCallback.class, statusId).size() == 2);
    assertThat(answers(OnStatusCallback.class, statusId).get(1).message().order().id()).isEqualTo(orderId);

    // the same confirm (same message_id) to the new instance: the same answer, nothing booked again
    bap.send(second.bppUri(), confirm);
    await().atMost(10, TimeUnit.SECONDS).until(() -> answers(OnConfirmCallback.class, confirmId).size() == 2);
    List<OnConfirmCallback> confirms = answers(OnConfirmCallback.class, confirmId);
    assertThat(confirms.get(1).message().order().id()).isEqualTo(orderId);
    assertThat(confirms.get(1).message().order()).isEqualTo(confirms.get(0).message().order());

    String again = UUID.randomUUID().toString();
    bap.send(second.bppUri(), new StatusRequest(ctx(Action.STATUS, txn, again, bapUri, second),
        new StatusRequest.Message(orderId)));
    await().atMost(10, TimeUnit.SECONDS).until(() -> answers(OnStatusCallback.class, again).size() == 1);
    Order status = answers(OnStatusCallback.class, again).get(0).message().order();
    assertThat(status.status()).isEqualTo("ACTIVE");
    assertThat(status.billing().email()).isEqualTo(Orders.EMAIL);
    assertThat(second.owner(orderId).bapId()).isEqualTo(Orders.BAP);
    try (JdbcStore check = Pg.store(url)) {
      assertThat(check.confirmedOrder(Orders.BAP, txn)).isEqualTo(orderId);
    }
  }
}
