package org.dent.server.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.dent.core.error.ErrorCode;
import org.dent.server.spi.BusinessException;
import org.jspecify.annotations.Nullable;

/**
 * The default store: everything in this process's memory, gone with it. An operator or engine built again on the
 * same instance (a restart within one JVM) finds everything the previous one stored. Capacity is checked on every
 * {@link AssetSession#save} exactly as a database store does. Thread-safe.
 */
public final class InMemoryStore implements OperatorStore, EngineStore {
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();
  private final Map<String, ContractRecord> contracts = new ConcurrentHashMap<>();
  private final Map<String, String> confirmed = new ConcurrentHashMap<>();
  private final Map<String, QuoteRecord> quotes = new ConcurrentHashMap<>();
  private final Map<String, Entry> callbacks = new ConcurrentHashMap<>();
  private final Map<String, OrderOwnerRecord> owners = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();

  private static final class Asset {
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, ContractRecord> live = new ConcurrentHashMap<>();
    /** The version each of the asset's contracts was written at. */
    final Map<String, Long> written = new ConcurrentHashMap<>();
    long version;
  }

  private record Entry(StoredCallback callback, long order, boolean pending) {}

  /** A new, empty store. */
  public InMemoryStore() {}

  @Override
  public <T> T inAsset(String assetId, BigDecimal usableKwh, Function<AssetSession, T> body) {
    Asset a = assets.computeIfAbsent(assetId, k -> new Asset());
    a.lock.lock();
    try {
      Session s = new Session(a, usableKwh);
      T result = body.apply(s);
      if (s.wrote) {
        a.version++;
      }
      return result;
    } finally {
      a.lock.unlock();
    }
  }

  private final class Session implements AssetSession {
    private final Asset asset;
    private final BigDecimal usableKwh;
    boolean wrote;

    Session(Asset asset, BigDecimal usableKwh) {
      this.asset = asset;
      this.usableKwh = usableKwh;
    }

    @Override
    public long version() {
      return asset.version;
    }

    @Override
    public List<ContractRecord> liveContracts() {
      List<ContractRecord> out = new ArrayList<>(asset.live.values());
      out.sort(Comparator.comparing(ContractRecord::createdAt).thenComparing(ContractRecord::orderId));
      return out;
    }

    @Override
    public @Nullable ContractRecord contract(String orderId) {
      return contracts.get(orderId);
    }

    @Override
    public @Nullable String confirmedOrder(String bapId, String transactionId) {
      return InMemoryStore.this.confirmedOrder(bapId, transactionId);
    }

    @Override
    public List<ContractRecord> changedSince(long version) {
      List<ContractRecord> out = new ArrayList<>();
      asset.written.forEach((id, v) -> {
        if (v > version) {
          out.add(contracts.get(id));
        }
      });
      return out;
    }

    @Override
    public void save(ContractRecord c, boolean reservationChanged) {
      if (c.live() && reservationChanged) {
        List<Ledger.Booking> bookings = new ArrayList<>();
        for (ContractRecord r : asset.live.values()) {
          if (!r.orderId().equals(c.orderId())) {
            bookings.add(new Ledger.Booking(r.windowStart(), r.windowEnd(), r.reservedKwh()));
          }
        }
        bookings.add(new Ledger.Booking(c.windowStart(), c.windowEnd(), c.reservedKwh()));
        if (Ledger.peak(bookings, c.windowStart(), c.windowEnd()).compareTo(usableKwh) > 0) {
          throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "the capacity of " + c.assetId()
              + " is no longer available", List.of("/message/order/items/0"));
        }
      }
      String key = c.bapId() + '|' + c.transactionId();
      String other = confirmed.putIfAbsent(key, c.orderId());
      if (other != null && !other.equals(c.orderId())) {
        throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "transaction " + c.transactionId()
            + " already confirmed order " + other, List.of("/message/order"));
      }
      contracts.put(c.orderId(), c);
      asset.written.put(c.orderId(), asset.version + 1);
      if (c.live()) {
        asset.live.put(c.orderId(), c);
      } else {
        asset.live.remove(c.orderId());
      }
      wrote = true;
    }
  }

  @Override
  public @Nullable ContractRecord contract(String orderId) {
    return contracts.get(orderId);
  }

  @Override
  public @Nullable String confirmedOrder(String bapId, String transactionId) {
    return confirmed.get(bapId + '|' + transactionId);
  }

  @Override
  public void putQuote(QuoteRecord quote) {
    quotes.put(quote.bapId() + '|' + quote.transactionId(), quote);
  }

  @Override
  public @Nullable QuoteRecord quote(String bapId, String transactionId) {
    return quotes.get(bapId + '|' + transactionId);
  }

  /** How many quotes are held (not yet purged). */
  public int quoteCount() {
    return quotes.size();
  }

  @Override
  public void purgeQuotes(Instant now) {
    quotes.values().removeIf(q -> q.purgeAt().isBefore(now));
  }

  @Override
  public @Nullable StoredCallback callback(String key) {
    Entry e = callbacks.get(key);
    return e == null ? null : e.callback();
  }

  @Override
  public void saveCallback(StoredCallback callback) {
    callbacks.put(callback.key(), new Entry(callback, order.incrementAndGet(), true));
  }

  @Override
  public void delivered(String key) {
    callbacks.computeIfPresent(key, (k, e) -> new Entry(e.callback(), e.order(), false));
  }

  @Override
  public List<StoredCallback> pending() {
    return callbacks.values().stream().filter(Entry::pending).sorted(Comparator.comparingLong(Entry::order))
        .map(Entry::callback).toList();
  }

  @Override
  public void saveOwner(OrderOwnerRecord owner) {
    owners.putIfAbsent(owner.orderId(), owner);
  }

  @Override
  public @Nullable OrderOwnerRecord owner(String orderId) {
    return owners.get(orderId);
  }

  @Override
  public void purge(Instant now) {
    callbacks.values().removeIf(e -> e.callback().expiresAt().isBefore(now));
  }

  @Override
  public String toString() {
    return "InMemoryStore[" + contracts.size() + " contracts]";
  }
}
