package org.dent.client.correlation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dent.client.transport.DentEventListener;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.NackException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.jspecify.annotations.Nullable;

/**
 * Pairs callbacks with the requests that wait for them, by {@code message_id}, within the request's ttl.
 *
 * <p>A callback for a pending request is admitted (ACK) and delivered; one that arrives after the ttl is NACKed and
 * reported as late, never delivered; one for an unknown message_id is NACKed. Unsolicited {@code on_status} and
 * {@code on_update} for a transaction this side started go to {@link #updates} subscribers. Deadlines are read
 * from the injected {@link Clock}; {@link #sweep()} (called periodically by the client) ends what has expired.
 *
 * <p>Thread-safe.
 */
public final class Correlator {
  private final Clock clock;
  private final DentEventListener listener;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Cache<String, Action> expired;
  private final Cache<String, Boolean> transactions;
  private final Map<String, CopyOnWriteArrayList<Consumer<BecknMessage>>> subscribers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastSeq = new ConcurrentHashMap<>();

  private final PendingStore store;

  public Correlator(Clock clock, DentEventListener listener) {
    this(clock, listener, PendingStore.none());
  }

  /** A correlator that records its pending requests in {@code store} (see {@link #recover}). */
  public Correlator(Clock clock, DentEventListener listener, PendingStore store) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
    this.listener = Objects.requireNonNull(listener);
    this.expired = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    this.transactions = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(2)).build();
  }

  /**
   * Registers a request that waits for exactly one callback.
   *
   * @param expectedBppId the BPP that must answer
   */
  public <T extends BecknMessage> CompletableFuture<T> expectOne(
      String messageId, String transactionId, Action callback, Duration ttl, String expectedBppId, Class<T> type) {
    CompletableFuture<T> future = new CompletableFuture<>();
    register(new Pending(messageId, callback, deadline(ttl), expectedBppId, 1) {
      @Override
      void deliver(BecknMessage message) {
        if (message.error() != null) {
          future.completeExceptionally(new CallbackErrorException(message));
        } else {
          future.complete(type.cast(message));
        }
      }

      @Override
      void expire() {
        future.completeExceptionally(new CallbackTimeoutException(
            "no " + callback.wireName() + " for message " + messageId + " within " + ttl));
      }
    }, transactionId);
    return future;
  }

  /**
   * Registers a request that collects callbacks from several senders until its ttl ends, or until
   * {@code expectedCount} arrived when it is positive.
   */
  public <T extends BecknMessage> Collector<T> expectMany(
      String messageId, String transactionId, Action callback, Duration ttl, int expectedCount, Class<T> type) {
    Collector<T> collector = new Collector<>();
    register(new Pending(messageId, callback, deadline(ttl), null, expectedCount) {
      @Override
      void deliver(BecknMessage message) {
        collector.add(type.cast(message));
      }

      @Override
      void expire() {
        collector.finish();
      }
    }, transactionId);
    return collector;
  }

  /** Forgets a request (its send failed): it will neither complete nor be reported late. */
  public void cancel(String messageId, Action callback) {
    pending.remove(key(messageId, callback));
    store.remove(messageId, callback);
  }

  /**
   * Takes over the requests an earlier run left in the store and that are still within their ttl: their
   * callbacks are admitted and handed to {@code sink} (nobody holds their futures any more), and unsolicited
   * updates of their transactions are admitted. Call once, before callbacks arrive.
   *
   * @return how many requests were taken over
   */
  public int recover(Consumer<BecknMessage> sink) {
    int n = 0;
    for (PendingStore.Entry e : store.unexpired(clock.instant())) {
      Pending p = new Pending(e.messageId(), e.callback(), e.deadline(), e.expectedBppId(), 0) {
        @Override
        void deliver(BecknMessage message) {
          sink.accept(message);
        }

        @Override
        void expire() {}
      };
      transactions.put(e.transactionId(), Boolean.TRUE);
      if (pending.putIfAbsent(key(e.messageId(), e.callback()), p) == null) {
        n++;
      }
    }
    return n;
  }

  /**
   * Decides synchronously whether to ACK an inbound callback.
   *
   * @throws NackException for a late callback, an unknown message_id or the wrong BPP
   */
  public void admit(InboundMessage inbound) {
    Action action = inbound.action();
    String messageId = inbound.context().messageId();
    String sender = inbound.signer().subscriberId();
    Pending p = pending.get(key(messageId, action));
    if (p != null && !clock.instant().isAfter(p.deadline)
        && (p.expectedBppId == null || p.expectedBppId.equals(sender))) {
      return;
    }
    if (p != null && clock.instant().isAfter(p.deadline) || expired.getIfPresent(key(messageId, action)) != null) {
      listener.late(action, messageId, sender);
      throw new NackException(ErrorCode.INVALID_REQUEST.code(), "callback arrived after the request's ttl",
          List.of("/context/message_id"), 200);
    }
    if (isUnsolicited(inbound)) {
      return;
    }
    listener.unknown(action, messageId, sender);
    throw new NackException(ErrorCode.INVALID_REQUEST.code(), "no request awaits message_id " + messageId
        + " from " + sender, List.of("/context/message_id"), 200);
  }

  /** Delivers an admitted callback to whoever waits for it. */
  public void deliver(InboundMessage inbound) {
    BecknMessage message = inbound.message();
    String messageId = inbound.context().messageId();
    String key = key(messageId, message.action());
    Pending p = pending.get(key);
    if (p != null) {
      listener.callback(message.action(), messageId, inbound.signer().subscriberId());
      p.deliver(message);
      if (p.expectedCount > 0 && p.received.incrementAndGet() >= p.expectedCount && pending.remove(key, p)) {
        store.remove(p.messageId, p.callback);
        p.expire();
      }
      return;
    }
    if (isUnsolicited(inbound)) {
      publishUpdate(inbound.context().transactionId(), message);
    }
  }

  /**
   * Subscribes to unsolicited {@code on_status}/{@code on_update} of a transaction. When the storage telemetry
   * carries {@code seq}, updates arrive in increasing {@code seq}: an update older than one already delivered is
   * dropped.
   *
   * @return a handle that unsubscribes
   */
  public AutoCloseable onUpdate(String transactionId, Consumer<BecknMessage> subscriber) {
    transactions.put(transactionId, Boolean.TRUE);
    subscribers.computeIfAbsent(transactionId, t -> new CopyOnWriteArrayList<>()).add(subscriber);
    return () -> {
      List<Consumer<BecknMessage>> list = subscribers.get(transactionId);
      if (list != null) {
        list.remove(subscriber);
      }
    };
  }

  /** Ends every request whose ttl has passed by the clock; returns how many ended. */
  public int sweep() {
    Instant now = clock.instant();
    int n = 0;
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      if (now.isAfter(p.deadline) && pending.remove(e.getKey(), p)) {
        store.remove(p.messageId, p.callback);
        expired.put(e.getKey(), p.callback);
        if (p.received.get() == 0) {
          listener.timeout(p.callback.request(), p.messageId);
        }
        p.expire();
        n++;
      }
    }
    return n;
  }

  /** Requests still waiting. */
  public int pendingCount() {
    return pending.size();
  }

  /** Marks a transaction as ours, so unsolicited updates for it are admitted. */
  public void track(String transactionId) {
    transactions.put(transactionId, Boolean.TRUE);
  }

  private boolean isUnsolicited(InboundMessage inbound) {
    Action a = inbound.action();
    return (a == Action.ON_STATUS || a == Action.ON_UPDATE)
        && transactions.getIfPresent(inbound.context().transactionId()) != null;
  }

  private void publishUpdate(String transactionId, BecknMessage message) {
    long seq = Telemetry.seq(message);
    if (seq >= 0) {
      AtomicLong last = lastSeq.computeIfAbsent(transactionId, t -> new AtomicLong(-1));
      long prev;
      do {
        prev = last.get();
        if (seq <= prev) {
          return; // older than what subscribers already saw
        }
      } while (!last.compareAndSet(prev, seq));
    }
    List<Consumer<BecknMessage>> list = subscribers.get(transactionId);
    for (Consumer<BecknMessage> s : list == null ? List.<Consumer<BecknMessage>>of() : list) {
      s.accept(message);
    }
  }

  private void register(Pending p, String transactionId) {
    transactions.put(transactionId, Boolean.TRUE);
    if (pending.putIfAbsent(key(p.messageId, p.callback), p) != null) {
      throw new IllegalStateException("message_id " + p.messageId + " is already pending");
    }
    store.put(new PendingStore.Entry(p.messageId, p.callback, transactionId, p.expectedBppId, p.deadline));
  }

  private Instant deadline(Duration ttl) {
    return clock.instant().plus(ttl);
  }

  private static String key(String messageId, Action callback) {
    return callback.wireName() + '|' + messageId;
  }

  private abstract static class Pending {
    final String messageId;
    final Action callback;
    final Instant deadline;
    final @Nullable String expectedBppId;
    final int expectedCount;
    final AtomicLong received = new AtomicLong();

    Pending(String messageId, Action callback, Instant deadline, @Nullable String expectedBppId, int expectedCount) {
      this.messageId = messageId;
      this.callback = callback;
      this.deadline = deadline;
      this.expectedBppId = expectedBppId;
      this.expectedCount = expectedCount;
    }

    abstract void deliver(BecknMessage message);

    abstract void expire();
  }

  /**
   * Callbacks of one request from several senders: a {@link Flow.Publisher} of each as it arrives, and a future of
   * all of them that completes when the ttl ends (or the expected number arrived).
   */
  public static final class Collector<T> {
    private final SubmissionPublisher<T> publisher = new SubmissionPublisher<>();
    private final List<T> received = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<List<T>> all = new CompletableFuture<>();
    private final CompletableFuture<T> first = new CompletableFuture<>();

    synchronized void add(T item) {
      if (all.isDone()) {
        return;
      }
      received.add(item);
      first.complete(item);
      publisher.submit(item);
    }

    synchronized void finish() {
      publisher.close();
      first.completeExceptionally(new CallbackTimeoutException("no callback before the ttl ended"));
      synchronized (received) {
        all.complete(List.copyOf(received));
      }
    }

    /** Each callback as it arrives; completes when the ttl ends. */
    public Flow.Publisher<T> publisher() {
      return publisher;
    }

    /** Everything received, when the ttl ends (or the expected number arrived). */
    public CompletableFuture<List<T>> all() {
      return all;
    }

    /** The first callback; fails with {@link CallbackTimeoutException} if none arrives in time. */
    public CompletableFuture<T> first() {
      return first;
    }
  }
}
