package org.dent.client.bap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.core.testing.MutableClock;
import org.dent.client.correlation.CallbackTimeoutException;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.NackException;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Intent;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Rating;
import org.dent.core.model.Support;
import org.dent.core.model.Tag;
import org.dent.core.model.TagGroup;
import org.dent.signing.KeyResolver;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BAP client against test BPPs over real HTTP on loopback, with real keys and signatures. */
class DentClientTest {
  final MutableClock clock = new MutableClock(Instant.now());
  final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
  final KeyResolver resolver = (sub, ukid) -> {
    VerificationKey k = keys.get(sub + "|" + ukid);
    if (k == null) {
      throw KeyResolver.unknownKey(sub, ukid);
    }
    return k;
  };
  final SigningKey bapKey = SigningKey.generate();
  final List<String> events = new CopyOnWriteArrayList<>();
  final DentEventListener listener = new DentEventListener() {
    @Override
    public void late(Action action, String messageId, String senderId) {
      events.add("late " + action.wireName());
    }

    @Override
    public void unknown(Action action, String messageId, String senderId) {
      events.add("unknown " + action.wireName());
    }

    @Override
    public void retry(Action action, String messageId, int nextAttempt, String cause) {
      events.add("retry " + nextAttempt);
    }

    @Override
    public void timeout(Action action, String messageId) {
      events.add("timeout " + action.wireName());
    }
  };
  /** Transport tests use a domain the storage profile does not apply to; the profile has its own tests. */
  static final String DOMAIN = "dent:transport-test:0.1.0";
  DentClient client;
  TestBpp bpp;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() {
    keys.put("bap.test|k1", bapKey.publicKey());
    client = DentClient.builder().subscriberId("bap.test").uniqueKeyId("k1").signingKey(bapKey)
        .keyResolver(resolver).clock(clock).listener(listener).ttl(Duration.ofSeconds(30)).domain(DOMAIN)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0)).build();
    bpp = newBpp("bpp.one");
  }

  TestBpp newBpp(String id) {
    TestBpp b = new TestBpp(id, clock, resolver);
    keys.put(id + "|k1", b.key.publicKey());
    closeables.add(b);
    return b;
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  static Order order() {
    return Order.builder().provider(org.dent.core.model.Provider.builder().id("p1").build()).build();
  }

  @Test
  void everyActionGetsItsCallback() throws Exception {
    SearchCall search = client.search(Intent.builder().build(), List.of(bpp.url()));
    OnSearchCallback offers = search.first().get(5, TimeUnit.SECONDS);
    assertThat(offers.context().transactionId()).isEqualTo(search.transactionId());
    assertThat(offers.message().catalog().providers()).extracting(p -> p.id()).containsExactly("p-bpp.one");
    BppTarget t = BppTarget.of(offers);
    assertThat(t.bppUri()).isEqualTo(bpp.url());

    assertThat(client.select(t, order()).get(5, TimeUnit.SECONDS).action()).isEqualTo(Action.ON_SELECT);
    assertThat(client.init(t, order()).get(5, TimeUnit.SECONDS).action()).isEqualTo(Action.ON_INIT);
    String orderId = client.confirm(t, order()).get(5, TimeUnit.SECONDS).message().order().id();
    assertThat(client.status(t, orderId).get(5, TimeUnit.SECONDS).message().order().id()).isEqualTo(orderId);
    assertThat(client.track(t, orderId).get(5, TimeUnit.SECONDS).message().tracking().status()).isEqualTo("active");
    assertThat(client.update(t, "order.fulfillments", order()).get(5, TimeUnit.SECONDS).action())
        .isEqualTo(Action.ON_UPDATE);
    assertThat(client.cancel(t, orderId, "1", Descriptor.builder().name("changed plans").build())
        .get(5, TimeUnit.SECONDS).message().order().status()).isEqualTo("CANCELLED");
    assertThat(client.rating(t, List.of(Rating.builder().id(orderId).ratingCategory("Order").value("5").build()))
        .get(5, TimeUnit.SECONDS).action()).isEqualTo(Action.ON_RATING);
    assertThat(client.support(t, Support.builder().refId(orderId).build()).get(5, TimeUnit.SECONDS)
        .message().support().refId()).isEqualTo(t.transactionId());

    // every request arrived signed by the BAP, in one transaction, each with its own message id
    assertThat(bpp.received).hasSize(10);
    assertThat(bpp.received).allSatisfy(m -> {
      assertThat(m.signer().subscriberId()).isEqualTo("bap.test");
      assertThat(m.context().transactionId()).isEqualTo(search.transactionId());
    });
    assertThat(bpp.received.stream().map(m -> m.context().messageId()).distinct()).hasSize(10);
    await().until(() -> client.pendingCount() == 0);
  }

  @Test
  void searchCollectsEveryBppAndEndsWhenAllAnswered() throws Exception {
    TestBpp two = newBpp("bpp.two");
    SearchCall search = client.search(Intent.builder().build(), List.of(bpp.url(), two.url()));
    List<OnSearchCallback> all = search.all().get(5, TimeUnit.SECONDS);
    assertThat(all).extracting(c -> c.context().bppId()).containsExactlyInAnyOrder("bpp.one", "bpp.two");
  }

  @Test
  void serverErrorsAreRetriedWithTheSameMessageAndOneCallbackArrives() throws Exception {
    bpp.failNext.set(2);
    BppTarget t = bpp.target(client.newTransactionId());
    assertThat(client.select(t, order()).get(5, TimeUnit.SECONDS).action()).isEqualTo(Action.ON_SELECT);
    assertThat(bpp.requests.get()).isEqualTo(3);
    assertThat(bpp.received).hasSize(1);
    assertThat(events).contains("retry 2", "retry 3");
  }

  @Test
  void connectionResetIsRetriedThenReportedAsTransportFailure() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket reset = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!reset.isClosed()) {
          try (Socket s = reset.accept()) {
            connections.incrementAndGet();
            s.setSoLinger(true, 0); // RST instead of FIN
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      BppTarget t = new BppTarget("bpp.one", URI.create("http://127.0.0.1:" + reset.getLocalPort() + "/bpp"),
          client.newTransactionId());
      assertThatThrownBy(() -> client.select(t, order()).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(OutboundSender.TransportException.class);
      assertThat(connections.get()).isEqualTo(3);
      assertThat(client.pendingCount()).isZero();
    }
  }

  @Test
  void nackSurfacesCodeAndPointerWithoutRetry() {
    Order bad = order().toBuilder().payments(List.of(Payment.builder().type("LATER").build())).build();
    assertThatThrownBy(() -> client.init(bpp.target(client.newTransactionId()), bad).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(NackException.class, e -> {
          assertThat(e.code()).isEqualTo("30000");
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.paths()).containsExactly("/message/order/payments/0/type");
        });
    assertThat(bpp.requests.get()).isZero(); // refused by validation, before the handler
    assertThat(events).noneMatch(e -> e.startsWith("retry"));
  }

  @Test
  void callbackAfterTheTtlIsNackedAndNeverDelivered() throws Exception {
    bpp.hold = new CountDownLatch(1);
    CompletableFuture<?> select = client.select(bpp.target(client.newTransactionId()), order());
    await().until(() -> bpp.received.size() == 1);
    clock.advance(Duration.ofSeconds(31));
    assertThatThrownBy(() -> select.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallbackTimeoutException.class);
    bpp.hold.countDown();
    await().until(() -> bpp.nacks.size() == 1);
    assertThat(bpp.nacks.get(0).getMessage()).contains("after the request's ttl");
    assertThat(events).contains("timeout select", "late on_select");
  }

  @Test
  void callbackWithABadSignatureIsRefused() throws Exception {
    bpp.callbackSigner = Signer.builder(SigningKey.generate(), "bpp.one", "k1").clock(clock).build();
    CompletableFuture<?> select = client.select(bpp.target(client.newTransactionId()), order());
    await().until(() -> bpp.nacks.size() == 1);
    assertThat(bpp.nacks.get(0).httpStatus()).isEqualTo(401);
    assertThat(bpp.nacks.get(0).code()).isEqualTo("AUT_SIGNATURE_INVALID");
    assertThat(select).isNotDone();
  }

  @Test
  void callbackSignedBySomeoneElseThanTheBppItNamesIsRefused() throws Exception {
    TestBpp impostor = newBpp("bpp.impostor");
    bpp.callbackSigner = impostor.callbackSigner; // valid key, but of another subscriber
    CompletableFuture<?> select = client.select(bpp.target(client.newTransactionId()), order());
    await().until(() -> bpp.nacks.size() == 1);
    assertThat(bpp.nacks.get(0).httpStatus()).isEqualTo(401);
    assertThat(bpp.nacks.get(0).getMessage()).contains("bpp.impostor");
    assertThat(select).isNotDone();
  }

  @Test
  void callbackForAnUnknownMessageIdIsNacked() {
    bpp.tamper = m -> withContext(m, m.context().toBuilder().messageId(TestBpp.newId()).build());
    CompletableFuture<?> select = client.select(bpp.target(client.newTransactionId()), order());
    await().until(() -> bpp.nacks.size() == 1);
    assertThat(bpp.nacks.get(0).getMessage()).contains("no request awaits message_id");
    assertThat(events).contains("unknown on_select");
    assertThat(select).isNotDone();
  }

  @Test
  void twoHundredConcurrentTransactionsAreEachCorrelatedWithTheirOwnCallback() throws Exception {
    List<String> txns = new ArrayList<>();
    List<CompletableFuture<org.dent.core.model.OnStatusCallback>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String txn = client.newTransactionId();
      txns.add(txn);
      futures.add(client.status(bpp.target(txn), "order-" + i));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 200; i++) {
      assertThat(futures.get(i).get().context().transactionId()).isEqualTo(txns.get(i));
    }
    assertThat(bpp.received).hasSize(200);
  }

  @Test
  void unsolicitedUpdatesReachSubscribersInSeqOrder() throws Exception {
    String txn = client.newTransactionId();
    List<Long> seen = new CopyOnWriteArrayList<>();
    client.onUpdate(txn, m -> seen.add(seqOf(m)));
    for (long seq : new long[] {1, 2, 5, 3, 6}) {
      bpp.push(telemetry(txn, seq));
    }
    await().until(() -> seen.size() == 4);
    assertThat(seen).containsExactly(1L, 2L, 5L, 6L);
    // a push for a transaction this client never started is refused
    bpp.push(telemetry(client.newTransactionId(), 1));
    await().until(() -> bpp.nacks.size() == 1);
  }

  @Test
  void duplicateRequestIsProcessedOnceAndItsCallbackResent() throws Exception {
    // the same signed bytes posted twice: the BPP's handler runs once
    String txn = client.newTransactionId();
    client.status(bpp.target(txn), "o").get(5, TimeUnit.SECONDS);
    BecknMessage first = bpp.received.get(0).message();
    clock.advance(Duration.ofSeconds(1)); // a resend one second later carries a fresh signature
    OutboundSender again = OutboundSender.builder(Signer.builder(bapKey, "bap.test", "k1").clock(clock).build())
        .retryPolicy(RetryPolicy.NONE).build();
    again.send(bpp.url(), first);
    // the BPP re-sends the callback it already produced; the BAP ACKs that duplicate without a second delivery
    await().until(() -> bpp.callbacksSent.get() == 2);
    assertThat(bpp.received).hasSize(1);
    assertThat(bpp.nacks).isEmpty();
  }

  BecknMessage telemetry(String txn, long seq) {
    Context c = Context.builder().domain(DOMAIN).action("on_status").version("1.1.0")
        .bapId("bap.test").bapUri(client.callbackUrl().toString()).bppId("bpp.one").bppUri(bpp.url().toString())
        .transactionId(txn).messageId(TestBpp.newId()).timestamp(Instant.now(clock).toString()).ttl("PT30S").build();
    TagGroup group = TagGroup.builder().descriptor(Descriptor.builder().code("storage-telemetry").build())
        .list(List.of(Tag.builder().descriptor(Descriptor.builder().code("seq").build()).value(Long.toString(seq))
            .build())).build();
    Order order = Order.builder().id("o1").fulfillments(List.of(Fulfillment.builder().id("f1")
        .tags(List.of(group)).build())).build();
    return new OnStatusCallback(c, new OnStatusCallback.Message(order));
  }

  static long seqOf(BecknMessage m) {
    return Long.parseLong(((OnStatusCallback) m).message().order().fulfillments().get(0).tags().get(0).list().get(0)
        .value());
  }

  static BecknMessage withContext(BecknMessage m, Context c) {
    return m.withContext(c);
  }
}
