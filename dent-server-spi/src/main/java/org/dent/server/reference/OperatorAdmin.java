package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageState;
import org.dent.core.units.EnergyUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running {@link ReferenceOperator}'s catalog current without a restart: add, change or retire assets,
 * change their prices and terms, mark an asset faulted (the provider cancels its live contracts), read the fleet's
 * utilisation. Get one with {@link ReferenceOperator#admin()}; {@link #as(String)} names who acts, for the audit log.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A change takes effect for the next search and quote at once (no restart, no cache to wait for).
 *   <li>A confirmed contract never changes: it keeps the asset terms of its quote (price, cancellation, residual
 *       policy) whatever happens to the asset later. A quote already given keeps its price until its ttl.
 *   <li>Commercial changes (name, pricing, cancellation and residual terms) are allowed at any time. Changing an
 *       asset's physics ({@code storage-spec}) or site, and retiring it, are refused with {@link AdminException#IN_USE}
 *       while it has live contracts (retirement is not deferred: wait for the contracts to end, or mark the asset
 *       faulted to end them now). Either also voids outstanding quotes of the asset: their confirm gets
 *       {@code 40003}; a confirm racing with the change gets {@code 40002}.
 *   <li>{@link #markFaulted} takes the asset out of the catalog and cancels each live contract as the provider:
 *       nothing is billed for the booking (no capacity, energy, fixed fee or cancellation fee; the residual energy is
 *       settled by the asset's policy), and the BAP receives an unsolicited {@code on_status} with tag group
 *       {@code alert} code {@code ASSET_FAULT}, then an unsolicited {@code on_update} with the cancelled order (when a
 *       channel is attached with {@link ReferenceOperator#attachUpdates}).
 *   <li>Every change and every refused attempt is recorded in the {@link #auditLog()} with who and when.
 * </ul>
 *
 * <p>Thread-safe: changes are serialised; searches and bookings run concurrently with them.
 */
public final class OperatorAdmin {
  private static final Logger log = LoggerFactory.getLogger(OperatorAdmin.class);

  /** A faulted asset, out of the catalog until {@link #clearFault}. */
  public record FaultedAsset(AssetSpec asset, String reason, Instant since) {}

  private final Shared shared;
  private final String actor;

  private static final class Shared {
    final OperatorState state;
    final AuditLog audit;
    final ExecutorService pushExecutor;
    final Map<String, FaultedAsset> faulted = new LinkedHashMap<>();
    final Object changes = new Object();
    volatile @Nullable Consumer<Order> updates;

    Shared(OperatorState state, AuditLog audit, ExecutorService pushExecutor) {
      this.state = state;
      this.audit = audit;
      this.pushExecutor = pushExecutor;
    }
  }

  private OperatorAdmin(Shared shared, String actor) {
    this.shared = shared;
    this.actor = actor;
  }

  static OperatorAdmin create(OperatorState state, Clock wallClock, ExecutorService pushExecutor) {
    return new OperatorAdmin(new Shared(state, new AuditLog(wallClock, 10_000), pushExecutor), "java-api");
  }

  /** The same admin, recording {@code actor} as who acts (default {@code java-api}). */
  public OperatorAdmin as(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor is required");
    }
    return new OperatorAdmin(shared, actor);
  }

  /** Who this admin acts as. */
  public String actor() {
    return actor;
  }

  void attachUpdates(Consumer<Order> updates) {
    shared.updates = Objects.requireNonNull(updates, "updates");
  }

  // ---- reads

  /** The assets in service (offered by search), in catalog order. */
  public List<AssetSpec> assets() {
    return List.copyOf(shared.state.assets.values());
  }

  /** The asset in service with this id. */
  public Optional<AssetSpec> asset(String id) {
    return Optional.ofNullable(shared.state.assets.get(id));
  }

  /** The faulted assets. */
  public List<FaultedAsset> faulted() {
    synchronized (shared) {
      return List.copyOf(shared.faulted.values());
    }
  }

  /** The audit trail, oldest first (the last 10,000 entries). */
  public List<AuditEntry> auditLog() {
    return shared.audit.entries();
  }

  /** The audit log itself, for other admin front ends (the HTTP endpoint records token changes here). */
  public AuditLog audit() {
    return shared.audit;
  }

  /** The fleet report now (utilisation per asset, revenue per pricing dimension); see {@link FleetReport}. */
  public FleetReport fleetReport() {
    return FleetReports.of(shared.state);
  }

  /** Reserved and stored energy per asset now. */
  public FleetUtilisation utilisation() {
    OperatorState state = shared.state;
    Instant now = state.now();
    List<FleetUtilisation.Asset> out = new ArrayList<>();
    for (AssetBook book : state.books.values()) {
      out.add(state.atomically(book, () -> { // as stored: another instance's contracts count
        BigDecimal stored = BigDecimal.ZERO;
        List<Contract> live = book.live();
        for (Contract c : live) {
          stored = stored.add(c.stored);
        }
        return new FleetUtilisation.Asset(book.spec.id(), FleetUtilisation.Status.IN_SERVICE, book.usableKwh,
            book.reserved.max(now, now.plusNanos(1)), stored, live.size());
      }));
    }
    for (FaultedAsset f : faulted()) {
      out.add(new FleetUtilisation.Asset(f.asset().id(), FleetUtilisation.Status.FAULTED, f.asset().usableKwh(),
          BigDecimal.ZERO, BigDecimal.ZERO, 0));
    }
    return new FleetUtilisation(now, out);
  }

  // ---- changes

  /**
   * Adds an asset to the catalog.
   *
   * @throws AdminException {@link AdminException#EXISTS} when its id is taken
   */
  public AssetSpec addAsset(AssetSpec asset) {
    Objects.requireNonNull(asset, "asset");
    return change("add-asset", asset.id(), describe(asset), () -> {
      if (shared.state.books.containsKey(asset.id()) || shared.faulted.containsKey(asset.id())) {
        throw new AdminException(AdminException.EXISTS, "asset " + asset.id() + " already exists");
      }
      checkId(asset);
      publishAdd(new AssetBook(asset));
      return asset;
    });
  }

  /**
   * Replaces an asset by {@code asset} (same id). Commercial terms change at once; physics or site only while it
   * has no live contracts.
   *
   * @throws AdminException {@link AdminException#NOT_FOUND}, or {@link AdminException#IN_USE} for a physical change
   *     of an asset with live contracts
   */
  public AssetSpec changeAsset(AssetSpec asset) {
    Objects.requireNonNull(asset, "asset");
    return change("change-asset", asset.id(), describe(asset), () -> {
      AssetBook book = listed(asset.id());
      checkId(asset);
      AssetSpec old = book.spec;
      boolean physical = !old.spec().equals(asset.spec()) || !old.site().equals(asset.site());
      if (!physical) {
        OperatorState.locked(book, () -> {
          book.relist(asset);
          return null;
        });
        Map<String, AssetSpec> assets = new LinkedHashMap<>(shared.state.assets);
        assets.put(asset.id(), asset);
        publish(assets, shared.state.books);
        return asset;
      }
      closeIdle(book, "its physics or site cannot change");
      Map<String, AssetBook> books = new LinkedHashMap<>(shared.state.books);
      books.put(asset.id(), new AssetBook(asset));
      Map<String, AssetSpec> assets = new LinkedHashMap<>(shared.state.assets);
      assets.put(asset.id(), asset);
      publish(assets, books);
      dropQuotes(asset.id());
      return asset;
    });
  }

  /** Changes an asset's prices (same currency or another); see {@link #changeAsset}. */
  public AssetSpec changePricing(String assetId, PricingTerms pricing) {
    AssetSpec a = current(assetId);
    return changeAsset(new AssetSpec(a.id(), a.name(), a.site(), a.spec(), pricing, a.cancellation(), a.residual()));
  }

  /** Changes an asset's cancellation terms; see {@link #changeAsset}. */
  public AssetSpec changeCancellation(String assetId, CancellationPolicy cancellation) {
    AssetSpec a = current(assetId);
    return changeAsset(new AssetSpec(a.id(), a.name(), a.site(), a.spec(), a.pricing(), cancellation,
        a.residual()));
  }

  /** Changes what happens to residual energy at the end of new contracts; see {@link #changeAsset}. */
  public AssetSpec changeResidual(String assetId, ResidualTerms residual) {
    AssetSpec a = current(assetId);
    return changeAsset(new AssetSpec(a.id(), a.name(), a.site(), a.spec(), a.pricing(), a.cancellation(),
        residual));
  }

  /**
   * Takes an asset out of the fleet for good (a faulted one too).
   *
   * @throws AdminException {@link AdminException#NOT_FOUND}, or {@link AdminException#IN_USE} while it has live
   *     contracts (not deferred: retry once they ended, or {@link #markFaulted} first)
   */
  public void retireAsset(String assetId) {
    change("retire-asset", assetId, "", () -> {
      synchronized (shared) {
        if (shared.faulted.remove(assetId) != null) {
          return null;
        }
      }
      AssetBook book = listed(assetId);
      closeIdle(book, "it cannot be retired");
      publishRemove(assetId);
      dropQuotes(assetId);
      return null;
    });
  }

  /**
   * Marks an asset faulted: it leaves the catalog at once and every live contract on it is cancelled by the provider
   * (see the class comment for the bill and the pushes).
   *
   * @return the ids of the orders cancelled
   * @throws AdminException {@link AdminException#NOT_FOUND} when no asset in service has this id
   */
  public List<String> markFaulted(String assetId, String reason) {
    String why = reason == null || reason.isBlank() ? "asset fault" : reason;
    return change("mark-faulted", assetId, why, () -> {
      OperatorState state = shared.state;
      AssetBook book = listed(assetId);
      publishRemove(assetId);
      dropQuotes(assetId);
      Instant now = state.now();
      List<Snapshot> events = new ArrayList<>();
      List<Snapshot> finals = new ArrayList<>();
      // through the store: the asset's contracts as stored (another instance's too), each cancellation written
      state.atomically(book, null, true, () -> {
        book.closed = true;
        for (Contract c : book.live()) {
          c.advance(now, events);
          if (c.phase.isFinal()) {
            continue; // its window ended meanwhile
          }
          c.cancelledAt = now;
          c.end(now, StorageState.CANCELLED, BigDecimal.ZERO, false, events);
          Snapshot last = c.snapshot(now, null, Alert.of(Alert.ASSET_FAULT));
          events.add(last);
          finals.add(last);
        }
        return null;
      });
      synchronized (shared) {
        shared.faulted.put(assetId, new FaultedAsset(book.spec, why, now));
      }
      state.dispatch(events);
      pushUpdates(finals);
      return finals.stream().map(Snapshot::orderId).toList();
    });
  }

  /**
   * Puts a faulted asset back in service, with nothing booked on it.
   *
   * @throws AdminException {@link AdminException#NOT_FOUND} when it is not faulted
   */
  public AssetSpec clearFault(String assetId) {
    return change("clear-fault", assetId, "", () -> {
      FaultedAsset f;
      synchronized (shared) {
        f = shared.faulted.remove(assetId);
      }
      if (f == null) {
        throw new AdminException(AdminException.NOT_FOUND, "asset " + assetId + " is not faulted");
      }
      publishAdd(new AssetBook(f.asset()));
      return f.asset();
    });
  }

  // ---- internals

  /** Runs one change serialised with every other, and audits it whatever the outcome. */
  private <T> T change(String action, String target, String detail, Supplier<T> body) {
    synchronized (shared.changes) {
      try {
        T result = body.get();
        shared.audit.record(actor, action, target, detail, "OK");
        return result;
      } catch (AdminException e) {
        shared.audit.record(actor, action, target, detail, e.code());
        throw e;
      } catch (IllegalArgumentException e) {
        shared.audit.record(actor, action, target, detail, AdminException.INVALID);
        throw new AdminException(AdminException.INVALID, e.getMessage());
      }
    }
  }

  private AssetSpec current(String assetId) {
    AssetSpec a = shared.state.assets.get(assetId);
    if (a == null) {
      throw notFound(assetId);
    }
    return a;
  }

  private AssetBook listed(String assetId) {
    AssetBook book = shared.state.books.get(assetId);
    if (book == null) {
      throw notFound(assetId);
    }
    return book;
  }

  private AdminException notFound(String assetId) {
    boolean faulted;
    synchronized (shared) {
      faulted = shared.faulted.containsKey(assetId);
    }
    return new AdminException(AdminException.NOT_FOUND, "asset " + assetId + (faulted
        ? " is faulted: clear the fault first" : " is not in service"));
  }

  private static void checkId(AssetSpec asset) {
    if (asset.id().isBlank()) {
      throw new AdminException(AdminException.INVALID, "asset id is blank");
    }
  }

  /** Closes an asset's book for new reservations, provided nothing is booked on it. */
  private void closeIdle(AssetBook book, String what) {
    // read from the store: contracts another instance booked on the asset count too
    shared.state.atomically(book, () -> {
      if (book.hasLive()) {
        throw new AdminException(AdminException.IN_USE, "asset " + book.spec.id() + " has "
            + book.live().size() + " live contract(s): " + what + " until they end");
      }
      book.closed = true;
      return null;
    });
  }

  /** New books become visible before the assets that name them, so a quote always finds the book. */
  private void publishAdd(AssetBook book) {
    Map<String, AssetBook> books = new LinkedHashMap<>(shared.state.books);
    books.put(book.spec.id(), book);
    Map<String, AssetSpec> assets = new LinkedHashMap<>(shared.state.assets);
    assets.put(book.spec.id(), book.spec);
    publish(assets, books);
  }

  /** Assets disappear before their books; a request that still finds the asset but not the book is refused. */
  private void publishRemove(String assetId) {
    Map<String, AssetSpec> assets = new LinkedHashMap<>(shared.state.assets);
    assets.remove(assetId);
    Map<String, AssetBook> books = new LinkedHashMap<>(shared.state.books);
    books.remove(assetId);
    publish(assets, books);
  }

  private void publish(Map<String, AssetSpec> assets, Map<String, AssetBook> books) {
    OperatorState state = shared.state;
    boolean adding = books.size() >= state.books.size();
    Map<String, AssetSpec> a = Collections.unmodifiableMap(assets);
    Map<String, AssetBook> b = Collections.unmodifiableMap(books);
    if (adding) {
      state.books = b;
      state.assets = a;
    } else {
      state.assets = a;
      state.books = b;
    }
    state.fleet = state.fleet.withAssets(List.copyOf(assets.values()));
  }

  private void dropQuotes(String assetId) {
    shared.state.voidQuotes(assetId);
  }

  private void pushUpdates(List<Snapshot> finals) {
    Consumer<Order> p = shared.updates;
    if (p == null || finals.isEmpty()) {
      return;
    }
    for (Snapshot s : finals) {
      Order order = OrderWire.contractOrder(shared.state.fleet, s, OrderWire.readingTags(s));
      shared.pushExecutor.execute(() -> {
        try {
          p.accept(order);
        } catch (RuntimeException e) {
          log.warn("on_update of cancelled order {} failed: {}", s.orderId(), e.getMessage());
        }
      });
    }
  }

  private static String describe(AssetSpec a) {
    PricingTerms p = a.pricing();
    StringBuilder sb = new StringBuilder().append(a.name()).append(" at ").append(a.site().id()).append(", ")
        .append(a.spec().capacity().format()).append(" (usable ")
        .append(a.spec().usableCapacity().in(EnergyUnit.KWH).stripTrailingZeros().toPlainString())
        .append(" kWh), pricing ")
        .append(p.models().stream().map(m -> m.code()).reduce((x, y) -> x + "+" + y).orElse("")).append(' ')
        .append(a.currency().getCurrencyCode());
    price(sb, "capacity/kWh-day", p.capacityPricePerKwhDay());
    price(sb, "in/kWh", p.energyInPricePerKwh());
    price(sb, "out/kWh", p.energyOutPricePerKwh());
    price(sb, "fixed", p.fixedFee());
    price(sb, "tax", p.taxRate());
    return sb.append(", cancellation free until ").append(a.cancellation().freeUntilBeforeStart())
        .append(" before start, fee ").append(a.cancellation().fee().toPlainString()).toString();
  }

  private static void price(StringBuilder sb, String name, @Nullable BigDecimal value) {
    if (value != null) {
      sb.append(' ').append(name).append('=').append(value.toPlainString());
    }
  }

  @Override
  public String toString() {
    return "OperatorAdmin[" + actor + "]";
  }
}
