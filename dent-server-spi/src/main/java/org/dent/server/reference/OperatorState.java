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
import org.dent.server.store.ContractRecord;
import org.dent.server.store.OperatorStore;
import org.dent.server.store.QuoteRecord;
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
  final ConcurrentHashMap<String, String> confirmed = new ConcurrentHashMap<>();
  /** Books with live contracts: the simulator visits only these. Changed only under the book's lock. */
  final Set<AssetBook> active = ConcurrentHashMap.newKeySet();
  private final ExecutorService pushExecutor;
  private volatile @Nullable Consumer<Order> push;

  final BillingHandler billing;
  final OperatorStore store;

  OperatorState(Fleet fleet, Clock clock, double timeScale, Duration wallTelemetryInterval, BigDecimal hysteresis,
      ExecutorService pushExecutor, BillingHandler billing, OperatorStore store) {
    this.fleet = fleet;
    this.store = store;
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

  /** Reads every asset's books from the store (after a restart: the contracts stored by the previous run). */
  void load() {
    for (AssetBook book : books.values()) {
      atomically(book, () -> null);
    }
  }

  /** Runs {@code body} holding the lock of {@code book} in this process only: reads of the books as known here. */
  static <T> T locked(AssetBook book, Supplier<T> body) {
    book.lock.lock();
    try {
      return body.get();
    } finally {
      book.lock.unlock();
    }
  }

  /**
   * Runs {@code body} holding the lock of {@code book} here and in the store (for every process sharing it), in
   * one store transaction. The books are read again from the store first when someone else changed them; the
   * contracts the body changed are written back after it. When the body refuses (throws), what it changed before
   * (physics brought up to now) is still written and the refusal rethrown. When the store refuses a write (the
   * capacity went to another instance) or fails, the books are read again on next use.
   */
  <T> T atomically(AssetBook book, Supplier<T> body) {
    return atomically(book, null, false, body);
  }

  /**
   * As {@link #atomically(AssetBook, Supplier)} for a body that changes {@code contract} only (besides contracts
   * it adds or ends).
   */
  <T> T atomically(AssetBook book, Contract contract, Supplier<T> body) {
    return atomically(book, contract, false, body);
  }

  /**
   * The write-through core: {@code everyLive} for a body that may change every live contract of the book (the
   * simulator); otherwise only {@code contract} and the contracts added or ended are checked for changes.
   */
  <T> T atomically(AssetBook book, @Nullable Contract contract, boolean everyLive, Supplier<T> body) {
    book.lock.lock();
    try {
      Object[] failure = new Object[1];
      T result = store.inAsset(book.spec.id(), book.usableKwh, session -> {
        if (session.version() != book.version) {
          reload(book, session);
        }
        book.drainChanged();
        T r = null;
        try {
          r = body.get();
        } catch (RuntimeException e) {
          failure[0] = e;
        }
        boolean wrote = false;
        java.util.Set<Contract> touched = new java.util.LinkedHashSet<>(book.drainChanged());
        if (contract != null) {
          touched.add(contract);
        }
        if (everyLive) {
          touched.addAll(book.live());
        }
        List<Runnable> done = new java.util.ArrayList<>();
        for (Contract c : touched) {
          if (c.dirty()) {
            ContractRecord rec = ContractCodec.encode(c);
            book.version = -1; // until the write commits
            session.save(rec, rec.reservationDiffers(c.saved));
            done.add(() -> c.stored(rec));
            wrote = true;
          }
        }
        done.forEach(Runnable::run);
        book.version = session.version() + (wrote ? 1 : 0);
        return r;
      });
      if (failure[0] != null) {
        throw (RuntimeException) failure[0];
      }
      return result;
    } catch (RuntimeException e) {
      book.version = -1;
      throw e;
    } finally {
      book.lock.unlock();
    }
  }

  /**
   * Brings {@code book} up to the store: when these books reflect a known version, only the contracts written since
   * are read (in place of what this process knew of them); otherwise every live contract.
   */
  private void reload(AssetBook book, OperatorStore.AssetSession session) {
    if (book.version < 0) {
      reloadAll(book, session);
      return;
    }
    for (ContractRecord r : session.changedSince(book.version)) {
      Contract c = orders.get(r.orderId());
      if (c == null) {
        c = ContractCodec.decode(r, book, this);
        Contract raced = orders.putIfAbsent(r.orderId(), c);
        if (raced != null) {
          ContractCodec.restore(raced, r);
          c = raced;
        }
      } else {
        ContractCodec.restore(c, r);
      }
      book.restoreLive(c, r.live());
      confirmed.putIfAbsent(Quote.key(c.bapId, c.transactionId), c.orderId);
    }
    book.rebook();
    if (book.hasLive()) {
      active.add(book);
    } else {
      active.remove(book);
    }
  }

  /** Reads every live contract of {@code book} from the store, in place of what this process knew. */
  private void reloadAll(AssetBook book, OperatorStore.AssetSession session) {
    List<Contract> before = book.live();
    book.reset();
    Set<String> live = new java.util.HashSet<>();
    for (ContractRecord r : session.liveContracts()) {
      live.add(r.orderId());
      Contract c = orders.get(r.orderId());
      if (c == null) {
        c = ContractCodec.decode(r, book, this);
        Contract raced = orders.putIfAbsent(r.orderId(), c);
        if (raced != null) {
          ContractCodec.restore(raced, r);
          c = raced;
        }
      } else {
        ContractCodec.restore(c, r);
      }
      book.add(c);
      book.reserved.add(c.terms.window().start(), c.terms.window().end(), c.terms.energyKwh());
      if (c.transfer != null) {
        book.bookPower(c.transfer);
      }
      confirmed.putIfAbsent(Quote.key(c.bapId, c.transactionId), c.orderId);
    }
    for (Contract c : before) {
      if (!live.contains(c.orderId)) {
        ContractRecord r = session.contract(c.orderId);
        if (r == null) {
          orders.remove(c.orderId);
          confirmed.remove(Quote.key(c.bapId, c.transactionId), c.orderId);
        } else {
          ContractCodec.restore(c, r);
        }
      }
    }
    if (book.hasLive()) {
      active.add(book);
    } else {
      active.remove(book);
    }
  }

  /** The contract {@code orderId} as this process knows it, read from the store when it does not; or null. */
  @Nullable Contract find(@Nullable String orderId) {
    if (orderId == null) {
      return null;
    }
    Contract c = orders.get(orderId);
    if (c != null) {
      return c;
    }
    ContractRecord r = store.contract(orderId);
    AssetBook book = r == null ? null : books.get(r.assetId());
    if (book == null) {
      return null;
    }
    Contract loaded = ContractCodec.decode(r, book, this);
    c = orders.putIfAbsent(orderId, loaded);
    return c != null ? c : loaded;
  }

  /** Stores the latest quote of its transaction. */
  void putQuote(Quote q) {
    store.putQuote(ContractCodec.encode(q, simulated(q.ttl()), quoteGeneration(q.terms().asset().id())));
  }

  /** The latest quote of a transaction, or null (also when its asset left the fleet or was voided since). */
  @Nullable Quote quote(String bapId, String transactionId) {
    QuoteRecord r = store.quote(bapId, transactionId);
    return r == null ? null : ContractCodec.decode(r, this);
  }

  /**
   * Outstanding quotes of {@code assetId} are void from now on (the asset changed physically, retired, faulted): a
   * quote carries the generation of its asset it was made at. Generations are this process's, like every admin
   * change; a quote made by a process whose admin changed the asset is void for the others too.
   */
  void voidQuotes(String assetId) {
    quoteGenerations.merge(assetId, 1, Integer::sum);
  }

  /** The generation of {@code assetId}'s quotes: 0 until {@link #voidQuotes}. */
  int quoteGeneration(String assetId) {
    return quoteGenerations.getOrDefault(assetId, 0);
  }

  private final Map<String, Integer> quoteGenerations = new ConcurrentHashMap<>();

  /** Quotes held (tests; -1 when the store cannot count them). */
  int quoteCount() {
    return store instanceof org.dent.server.store.InMemoryStore m ? m.quoteCount() : -1;
  }

  /** The order confirmed in a transaction, or null. */
  @Nullable String confirmedOrder(String bapId, String transactionId) {
    String id = confirmed.get(Quote.key(bapId, transactionId));
    return id != null ? id : store.confirmedOrder(bapId, transactionId);
  }

  /**
   * The contract {@code orderId} when {@code bapId} confirmed it.
   *
   * @throws BusinessException {@code 30010} otherwise (an order of another BAP is not found either)
   */
  Contract contract(@Nullable String orderId, String bapId, String path) {
    Contract c = find(orderId);
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
