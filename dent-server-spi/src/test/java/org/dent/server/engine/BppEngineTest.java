package org.dent.server.engine;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.client.transport.NackException;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Catalog;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Intent;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Provider;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.server.spi.BusinessException;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.KeyResolver;
import org.dent.signing.SigningKey;
import org.dent.signing.VerificationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with a small operator, driven by the real BAP client over loopback. */
class BppEngineTest {
  static final String DOMAIN = "dent:transport-test:0.1.0";
  final MutableClock clock = new MutableClock(Instant.now());
  final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
  final KeyResolver resolver = (sub, ukid) -> {
    VerificationKey k = keys.get(sub + "|" + ukid);
    if (k == null) {
      throw KeyResolver.unknownKey(sub, ukid);
    }
    return k;
  };
  final AtomicInteger confirms = new AtomicInteger();
  final AtomicInteger onConfirmSent = new AtomicInteger();
  final java.util.Set<String> confirmed = ConcurrentHashMap.newKeySet();
  final Map<String, SigningKey> bapKeys = new ConcurrentHashMap<>();
  volatile CountDownLatch slowSelect = new CountDownLatch(0);

  /** Offers search, select, confirm and status only. */
  class SmallOperator implements StorageOperator {
    @Override
    public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
      return new OnSearchCallback.Message(Catalog.builder().providers(List.of(Provider.builder().id("p1").build()))
          .build());
    }

    @Override
    public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
      try {
        slowSelect.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if ("nobody".equals(request.message().order().provider().id())) {
        throw new BusinessException(ErrorCode.PROVIDER_NOT_FOUND, "no provider nobody",
            List.of("/message/order/provider/id"));
      }
      if ("boom".equals(request.message().order().provider().id())) {
        throw new IllegalStateException("operator bug");
      }
      return new OnSelectCallback.Message(request.message().order());
    }

    @Override
    public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
      confirms.incrementAndGet();
      confirmed.add("order-" + context.transactionId());
      return new OnConfirmCallback.Message(request.message().order().toBuilder()
          .id("order-" + context.transactionId()).status("ACTIVE").build());
    }

    @Override
    public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
      String id = request.message().orderId();
      if (!confirmed.contains(id)) {
        throw BusinessException.orderNotFound(id);
      }
      return new OnStatusCallback.Message(Order.builder().id(id).status("ACTIVE").build());
    }
  }

  BppEngine engine;
  DentClient bap;
  DentClient otherBap;

  DentClient newBap(String id) {
    SigningKey key = SigningKey.generate();
    keys.put(id + "|k1", key.publicKey());
    bapKeys.put(id, key);
    return DentClient.builder().subscriberId(id).uniqueKeyId("k1").signingKey(key).keyResolver(resolver)
        .clock(clock).domain(DOMAIN).ttl(Duration.ofSeconds(30))
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), 2)).build();
  }

  @BeforeEach
  void start() {
    SigningKey bppKey = SigningKey.generate();
    keys.put("bpp.test|k1", bppKey.publicKey());
    engine = BppEngine.builder().subscriberId("bpp.test").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(resolver).clock(clock).operator(new SmallOperator())
        .listener(new org.dent.client.transport.DentEventListener() {
          @Override
          public void acked(org.dent.core.model.Action action, String messageId, long nanos) {
            if (action == org.dent.core.model.Action.ON_CONFIRM) {
              onConfirmSent.incrementAndGet();
            }
          }
        })
        .callbackRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), 2)).build();
    bap = newBap("bap.one");
    otherBap = newBap("bap.two");
  }

  @AfterEach
  void stop() {
    bap.close();
    otherBap.close();
    engine.close();
  }

  BppTarget target(DentClient client) {
    return new BppTarget("bpp.test", engine.bppUri(), client.newTransactionId());
  }

  static Order order(String provider) {
    return Order.builder().provider(Provider.builder().id(provider).build()).build();
  }

  @Test
  void answersWhatTheOperatorOffers() throws Exception {
    OnSearchCallback offers = bap.search(Intent.builder().build(), List.of(engine.bppUri())).first()
        .get(5, TimeUnit.SECONDS);
    assertThat(offers.context().bppId()).isEqualTo("bpp.test");
    assertThat(offers.context().bppUri()).isEqualTo(engine.bppUri().toString());
    BppTarget t = BppTarget.of(offers);
    assertThat(bap.select(t, order("p1")).get(5, TimeUnit.SECONDS).message().order().provider().id())
        .isEqualTo("p1");
    OnConfirmCallback confirmed = bap.confirm(t, order("p1")).get(5, TimeUnit.SECONDS);
    assertThat(confirmed.message().order().id()).isEqualTo("order-" + t.transactionId());
    assertThat(engine.owner(confirmed.message().order().id()).bapId()).isEqualTo("bap.one");
  }

  @Test
  void anActionTheOperatorDoesNotOfferIsNackedAtOnce() {
    assertThatThrownBy(() -> bap.init(target(bap), order("p1")).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(NackException.class, e -> {
          assertThat(e.code()).isEqualTo("40001");
          assertThat(e.httpStatus()).isEqualTo(200);
        });
    assertThat(engine.offers(org.dent.core.model.Action.INIT)).isFalse();
    assertThat(engine.offers(org.dent.core.model.Action.SELECT)).isTrue();
  }

  @Test
  void businessErrorBecomesAnErrorCallback() {
    assertThatThrownBy(() -> bap.select(target(bap), order("nobody")).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(CallbackErrorException.class, e -> {
          assertThat(e.code()).isEqualTo("30001");
          assertThat(e.paths()).containsExactly("/message/order/provider/id");
          assertThat(e.callback().context().bppId()).isEqualTo("bpp.test");
        });
  }

  @Test
  void unexpectedOperatorFailureStillAnswers() {
    assertThatThrownBy(() -> bap.select(target(bap), order("boom")).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(CallbackErrorException.class,
            e -> assertThat(e.getMessage()).contains("internal error").doesNotContain("operator bug"));
  }

  @Test
  void aHandlerThatOutlivesTheTtlProducesAnErrorCallbackNotSilence() throws Exception {
    slowSelect = new CountDownLatch(1);
    DentClient patient = bap.newBuilder().ttl(Duration.ofMillis(300)).build();
    try {
      CompletableFuture<OnSelectCallback> select = patient.select(target(patient), order("p1"));
      // the engine's watchdog answers at the deadline by wall time, while the handler is still blocked
      assertThatThrownBy(() -> select.get(5, TimeUnit.SECONDS)).cause()
          .isInstanceOfSatisfying(CallbackErrorException.class,
              e -> assertThat(e.getMessage()).contains("within the request's ttl"));
    } finally {
      slowSelect.countDown();
      patient.close();
    }
  }

  @Test
  void anotherBapCannotReachAnOrderItDidNotConfirm() throws Exception {
    BppTarget t = target(bap);
    String orderId = bap.confirm(t, order("p1")).get(5, TimeUnit.SECONDS).message().order().id();
    assertThat(bap.status(t, orderId).get(5, TimeUnit.SECONDS).message().order().id()).isEqualTo(orderId);

    BppTarget foreign = target(otherBap);
    ExecutionException stolen = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> otherBap.status(foreign, orderId).get(5, TimeUnit.SECONDS));
    ExecutionException unknown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> otherBap.status(foreign, "order-does-not-exist").get(5, TimeUnit.SECONDS));
    CallbackErrorException s = (CallbackErrorException) stolen.getCause();
    CallbackErrorException u = (CallbackErrorException) unknown.getCause();
    assertThat(s.code()).isEqualTo("30010").isEqualTo(u.code());
    assertThat(s.paths()).isEqualTo(u.paths());
    assertThat(s.getMessage().replace(orderId, "ID")).isEqualTo(u.getMessage().replace("order-does-not-exist", "ID"));
  }

  @Test
  void duplicateConfirmRunsOnceAndGetsTheSameAnswer() throws Exception {
    BppTarget t = target(bap);
    OnConfirmCallback first = bap.confirm(t, order("p1")).get(5, TimeUnit.SECONDS);
    assertThat(confirms.get()).isEqualTo(1);
    // replay the exact request as a retry would (same message id, fresh signature a second later)
    clock.advance(Duration.ofSeconds(1));
    ConfirmRequest again = new ConfirmRequest(first.context().toBuilder().action("confirm").build(),
        new ConfirmRequest.Message(order("p1")));
    var forger = org.dent.client.transport.OutboundSender.builder(
        org.dent.signing.Signer.builder(SigningKey.generate(), "bap.one", "k1").clock(clock).build())
        .retryPolicy(RetryPolicy.NONE).build();
    assertThatThrownBy(() -> forger.send(engine.bppUri(), again)).isInstanceOf(NackException.class);
    var sender = org.dent.client.transport.OutboundSender.builder(
        org.dent.signing.Signer.builder(bapKeys.get("bap.one"), "bap.one", "k1").clock(clock).build())
        .retryPolicy(RetryPolicy.NONE).build();
    assertThat(sender.send(engine.bppUri(), again).isAck()).isTrue();
    // the engine re-sent the on_confirm it had produced, without running the operator again
    await().until(() -> onConfirmSent.get() == 2);
    assertThat(confirms.get()).isEqualTo(1);
  }

  @Test
  void pushReachesTheBapThatConfirmedInItsTransaction() throws Exception {
    BppTarget t = target(bap);
    String orderId = bap.confirm(t, order("p1")).get(5, TimeUnit.SECONDS).message().order().id();
    List<BecknMessage> pushed = new CopyOnWriteArrayList<>();
    bap.onUpdate(t.transactionId(), pushed::add);
    engine.pushStatus(Order.builder().id(orderId).status("ACTIVE").build());
    await().until(() -> pushed.size() == 1);
    assertThat(pushed.get(0).context().transactionId()).isEqualTo(t.transactionId());
    assertThat(pushed.get(0).context().bppId()).isEqualTo("bpp.test");
    assertThatThrownBy(() -> engine.pushStatus(Order.builder().id("unknown").build()))
        .isInstanceOf(BusinessException.class);
  }

  @Test
  void aCallbackThatCannotBeDeliveredIsRecorded() throws Exception {
    DentClient gone = bap.newBuilder().callbackUrl(URI.create("http://127.0.0.1:9/nowhere")).build();
    try {
      gone.status(target(gone), "o-1");
      await().until(() -> !engine.undelivered().isEmpty());
      assertThat(engine.undelivered().get(0).bapUri()).isEqualTo("http://127.0.0.1:9/nowhere");
    } finally {
      gone.close();
    }
  }
}
