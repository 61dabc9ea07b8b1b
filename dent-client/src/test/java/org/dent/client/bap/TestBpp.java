package org.dent.client.bap;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dent.client.transport.HttpHost;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.NackException;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Catalog;
import org.dent.core.model.Context;
import org.dent.core.model.Descriptor;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnRatingCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnSupportCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Provider;
import org.dent.core.model.Support;
import org.dent.core.model.Tracking;
import org.dent.signing.KeyResolver;
import org.dent.signing.ReplayGuard;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.Verifier;

/**
 * A minimal BPP for client tests, built on the SDK's own host and pipeline: answers every request with the matching
 * callback, signed, POSTed to {@code context.bap_uri}. Faults are injected per test.
 */
final class TestBpp implements AutoCloseable {
  final String id;
  final SigningKey key = SigningKey.generate();
  final HttpHost host;
  final Clock clock;
  final ExecutorService executor = Executors.newFixedThreadPool(8);
  final List<InboundMessage> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, BecknMessage> lastCallbacks = new ConcurrentHashMap<>();
  volatile CountDownLatch hold = new CountDownLatch(0);
  volatile Function<BecknMessage, BecknMessage> tamper = m -> m;
  volatile Signer callbackSigner;

  TestBpp(String id, Clock clock, KeyResolver keys) {
    this.id = id;
    this.clock = clock;
    this.callbackSigner = Signer.builder(key, id, "k1").clock(clock).build();
    Verifier verifier = Verifier.builder(keys).clock(clock).replayGuard(ReplayGuard.inMemory(10_000)).build();
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, id, verifier)
        .clock(clock).executor(executor)
        .handler(new InboundHandler() {
          @Override
          public void admit(InboundMessage message) {
            requests.incrementAndGet();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              throw new IllegalStateException("injected failure");
            }
          }

          @Override
          public void handle(InboundMessage message) {
            received.add(message);
            try {
              hold.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            answer(message.message());
          }

          @Override
          public void duplicate(InboundMessage message) {
            BecknMessage previous = lastCallbacks.get(message.context().messageId());
            if (previous != null) {
              send(previous);
            }
          }
        })
        .build();
    this.host = HttpHost.builder().build().mount("/bpp", pipeline).start();
  }

  URI url() {
    return URI.create(host.baseUrl() + "/bpp");
  }

  BppTarget target(String transactionId) {
    return new BppTarget(id, url(), transactionId);
  }

  void answer(BecknMessage request) {
    Context c = request.context().toBuilder().action(request.action().callback().wireName())
        .bppId(id).bppUri(url().toString()).timestamp(Instant.now(clock).toString()).build();
    BecknMessage callback = tamper.apply(callbackFor(request, c));
    lastCallbacks.put(c.messageId(), callback);
    send(callback);
  }

  final AtomicInteger callbacksSent = new AtomicInteger();

  private final okhttp3.OkHttpClient http = OutboundSender.defaultHttpClient();

  void send(BecknMessage callback) {
    callbacksSent.incrementAndGet();
    OutboundSender s = OutboundSender.builder(callbackSigner).httpClient(http).retryPolicy(RetryPolicy.NONE).build();
    try {
      s.send(URI.create(callback.context().bapUri()), callback);
    } catch (NackException e) {
      nacks.add(e);
    }
  }

  final List<NackException> nacks = new CopyOnWriteArrayList<>();

  /** Pushes an unsolicited callback for a transaction. */
  void push(BecknMessage callback) {
    send(callback);
  }

  static BecknMessage callbackFor(BecknMessage request, Context c) {
    Order order = Order.builder().id("order-" + c.transactionId().substring(0, 8)).status("ACTIVE").build();
    return switch (request.action()) {
      case SEARCH -> new OnSearchCallback(c, new OnSearchCallback.Message(Catalog.builder()
          .descriptor(Descriptor.builder().name(c.bppId()).build())
          .providers(List.of(Provider.builder().id("p-" + c.bppId()).build())).build()));
      case SELECT -> new OnSelectCallback(c, new OnSelectCallback.Message(order));
      case INIT -> new OnInitCallback(c, new OnInitCallback.Message(order));
      case CONFIRM -> new OnConfirmCallback(c, new OnConfirmCallback.Message(order));
      case STATUS -> new OnStatusCallback(c, new OnStatusCallback.Message(order));
      case TRACK -> new OnTrackCallback(c, new OnTrackCallback.Message(Tracking.builder().status("active").build()));
      case UPDATE -> new OnUpdateCallback(c, new OnUpdateCallback.Message(order));
      case CANCEL -> new OnCancelCallback(c, new OnCancelCallback.Message(order.toBuilder().status("CANCELLED")
          .build()));
      case RATING -> new OnRatingCallback(c, new OnRatingCallback.Message(null));
      case SUPPORT -> new OnSupportCallback(c, new OnSupportCallback.Message(Support.builder()
          .refId(c.transactionId()).phone("+91 80 5550 1234").build()));
      default -> throw new IllegalArgumentException(request.action().toString());
    };
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() {
    host.close();
    executor.shutdownNow();
  }
}
