package org.dent.server.reference;

import org.dent.server.spi.BillingHandler;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dent.core.model.Order;
import org.dent.server.spi.BusinessException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the reference operator's handlers and its simulator share: the fleet and its asset books, quotes by
 * transaction, contracts by order id, and the push channel. The maps are concurrent; an asset's books and its
 * contracts' state only change under that asset's lock ({@link #locked}).
 */
final class OperatorState {
  private static final Logger log = LoggerFactory.getLogger(OperatorState.class);

  /** Replaced (never mutated) by {@link OperatorAdmin}, like {@link #assets} and {@link #books}. */
  volatile Fleet fleet;
  final Clock clock;
  final double timeScale;
  final Duration telemetryInterval;
  final BigDecimal hysteresis;
  /** Assets in service by id, catalog order; an unmodifiable map replaced as a whole by {@link OperatorAdmin}. */
  volatile Map<String, AssetSpec> assets;
  /** Their books, same keys; replaced as a whole by {@link OperatorAdmin}. */
  volatile Map<String, AssetBook> books;
  final Map<String, Contract> orders = new ConcurrentHashMap<>();
  final Map<String, Quote> quotes = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, String> confirmed = new ConcurrentHashMap<>();
  /** Books with live contracts: the simulator visits only these. Changed only under the book's lock. */
  final Set<AssetBook> active = ConcurrentHashMap.newKeySet();
  private final ExecutorService pushExecutor;
  private volatile @Nullable Consumer<Order> push;

  final BillingHandler billing;

  OperatorState(Fleet fleet, Clock clock, double timeScale, Duration wallTelemetryInterval, BigDecimal hysteresis,
      ExecutorService pushExecutor, BillingHandler billing) {
    this.fleet = fleet;
    this.billing = billing;
    this.clock = clock;
    this.timeScale = timeScale;
    this.telemetryInterval = simulated(wallTelemetryInterval);
    this.hysteresis = hysteresis;
    this.pushExecutor = pushExecutor;
    Map<String, AssetSpec> a = new LinkedHashMap<>();
    Map<String, AssetBook> b = new LinkedHashMap<>();
    for (AssetSpec spec : fleet.assets()) {
      a.put(spec.id(), spec);
      b.put(spec.id(), new AssetBook(spec));
    }
    this.assets = java.util.Collections.unmodifiableMap(a);
    this.books = java.util.Collections.unmodifiableMap(b);
  }

  Instant now() {
    return clock.instant();
  }

  /** How much of the operator's clock passes in {@code wall} real time. */
  Duration simulated(Duration wall) {
    return timeScale == 1.0 ? wall : Duration.ofNanos((long) (wall.toNanos() * timeScale));
  }

  void attach(Consumer<Order> push) {
    this.push = push;
  }

  /** Runs {@code body} holding the lock of {@code book}. */
  static <T> T locked(AssetBook book, Supplier<T> body) {
    book.lock.lock();
    try {
      return body.get();
    } finally {
      book.lock.unlock();
    }
  }

  /**
   * The contract {@code orderId} when {@code bapId} confirmed it.
   *
   * @throws BusinessException {@code 30010} otherwise (an order of another BAP is not found either)
   */
  Contract contract(@Nullable String orderId, String bapId, String path) {
    Contract c = orderId == null ? null : orders.get(orderId);
    if (c == null || !c.bapId.equals(bapId)) {
      throw new BusinessException(org.dent.core.error.ErrorCode.ORDER_NOT_FOUND, "order " + orderId
          + " not found", List.of(path));
    }
    return c;
  }

  /** Pushes each reading as an unsolicited {@code on_status}, in order, on the push thread. */
  void dispatch(List<Snapshot> events) {
    Consumer<Order> p = push;
    if (events.isEmpty()) {
      return;
    }
    if (p == null) {
      log.debug("{} readings not pushed: no push channel attached", events.size());
      return;
    }
    for (Snapshot s : events) {
      Order order = OrderWire.contractOrder(fleet, s, OrderWire.readingTags(s));
      pushExecutor.execute(() -> {
        try {
          p.accept(order);
        } catch (RuntimeException e) {
          log.warn("push of {} seq {} failed: {}", s.orderId(), s.seq(), e.getMessage());
        }
      });
    }
  }
}
