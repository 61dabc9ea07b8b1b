package org.dent.server.reference;

import org.dent.server.spi.BillingHandler;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dent.core.json.DentCodec;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
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
import org.dent.core.model.RatingRequest;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.Support;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.Tracking;
import org.dent.core.model.UpdateRequest;
import org.dent.core.model.XInput;
import org.dent.core.profile.view.ContractModification;
import org.dent.server.spi.ModificationRequests;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.server.store.InMemoryStore;
import org.dent.server.store.OperatorStore;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory reference storage operator: a {@link Fleet} of simulated assets behind every action of the DENT
 * storage profile (issue 6). Search filters by distance, window, free energy, power and budget; {@code select}
 * quotes what is free (possibly less than asked: a partial grant) with a ttl; {@code confirm} reserves atomically
 * on a per-asset ledger that never books more than an asset's usable capacity at any instant ({@code 40002} when
 * it is gone, {@code 40003} when the quote expired; a repeated confirm of the transaction answers with the same
 * order); {@code update} schedules transfers or modifies the contract; {@code status}/{@code track} report
 * telemetry; {@code cancel} applies the asset's terms and settles. The physics run on the operator's clock through
 * the {@link #simulator()} and push {@code on_status} readings through the channel given to {@link #attach}.
 *
 * <p>Thread-safe: each asset's books are guarded by their own lock. Decisions a BAP should know (DESIGN.md §2, §3):
 * windows and transfer starts off the asset's slot grid are refused with {@code 50002 OFF_GRANULARITY} (search
 * filters such assets out); a transfer power above the asset's rating is refused ({@code ABOVE_POWER_RATING}),
 * never capped; one transfer per contract at a time. Bills: each line is computed exactly and rounded HALF_UP to
 * the currency's fraction digits; tax is the tax rate times the sum of the rounded charge lines (never the
 * {@code buy-back-credit}); the total is the exact sum of the lines (docs/BPP-GUIDE.md has the formulas).
 *
 * <pre>{@code
 * ReferenceOperator operator = ReferenceOperator.builder().fleet(Fleet.defaultFleet()).build();
 * BppEngine engine = BppEngine.builder().operator(operator) ... .build();
 * operator.attach(engine::pushStatus);
 * operator.startSimulation();   // or operator.simulator().advanceTo(instant) in tests
 * }</pre>
 */
public final class ReferenceOperator implements StorageOperator, AutoCloseable {
  private final OperatorState state;
  private final CatalogSearch catalog;
  private final Reservations reservations;
  private final Transfers transfers;
  private final Simulator simulator;
  private final ExecutorService pushExecutor;
  private final Duration tickPeriod;
  private final OperatorAdmin admin;
  private volatile @Nullable SimulationScheduler scheduler;

  private ReferenceOperator(Builder b) {
    Clock clock = b.timeScale == 1.0 ? b.clock : ScaledClock.of(b.clock, b.timeScale);
    this.pushExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dent-reference-push");
      t.setDaemon(true);
      return t;
    });
    this.state = new OperatorState(Objects.requireNonNull(b.fleet, "fleet"), clock, b.timeScale,
        b.telemetryInterval, b.hysteresis, pushExecutor, b.billing, b.store);
    state.load();
    this.catalog = new CatalogSearch(state);
    this.reservations = new Reservations(state);
    this.transfers = new Transfers(state);
    this.simulator = new Simulator(state);
    this.admin = OperatorAdmin.create(state, b.clock, pushExecutor);
    Duration half = b.telemetryInterval.dividedBy(2);
    this.tickPeriod = half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
  }

  /** A builder; the fleet defaults to {@link Fleet#defaultFleet()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sets where unsolicited readings go (usually {@code engine::pushStatus}); pushes run in order on one thread of
   * the operator, and a failing push is logged and dropped. Call once the engine exists.
   */
  public ReferenceOperator attach(Consumer<Order> push) {
    state.attach(Objects.requireNonNull(push, "push"));
    return this;
  }

  /**
   * Sets where the provider's unsolicited {@code on_update}s go (usually {@code engine::pushUpdate}): the cancelled
   * orders of an asset marked faulted through {@link #admin()}. Optional; same thread and rules as {@link #attach}.
   */
  public ReferenceOperator attachUpdates(Consumer<Order> push) {
    admin.attachUpdates(push);
    return this;
  }

  /** Changes the catalog while running: assets, prices, terms, faults, utilisation (audited as {@code java-api}). */
  public OperatorAdmin admin() {
    return admin;
  }

  /** The fleet sold (as the admin API last changed it). */
  public Fleet fleet() {
    return state.fleet;
  }

  /** The operator's clock: the given one, or simulated time when a time scale was set. */
  public Clock clock() {
    return state.clock;
  }

  /** The step function of the physics; tests drive it directly. */
  public Simulator simulator() {
    return simulator;
  }

  /** Starts driving the simulator in real time (ticks of at most 1 s); idempotent. Stopped by {@link #close()}. */
  public synchronized SimulationScheduler startSimulation() {
    if (scheduler == null) {
      scheduler = SimulationScheduler.start(simulator, tickPeriod);
    }
    return scheduler;
  }

  /** Stops the simulation and the push thread (pending pushes get up to 5 s). */
  @Override
  public void close() {
    SimulationScheduler s = scheduler;
    if (s != null) {
      s.close();
    }
    pushExecutor.shutdown();
    try {
      pushExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  OperatorState state() {
    return state;
  }

  /** Waits until every push queued so far has run (tests). */
  void awaitPushes() {
    try {
      pushExecutor.submit(() -> { }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("pushes did not drain", e);
    }
  }

  /** One offer per asset passing every filter of the intent (distance, window, energy, power, budget). */
  @Override
  public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
    return new OnSearchCallback.Message(catalog.search(request.message() == null ? null
        : request.message().intent()));
  }

  /** Quotes what is free now, possibly less than asked; {@code 40002} when nothing is, {@code 50002} off-grid. */
  @Override
  public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
    Quote q = reservations.quote(request.message() == null ? null : request.message().order(), context, false);
    return new OnSelectCallback.Message(OrderWire.quoteOrder(state.fleet, q, false));
  }

  /** As {@link #select}, with payment ({@code 40004}), billing and cancellation terms. */
  @Override
  public OnInitCallback.Message init(InitRequest request, RequestContext context) {
    Quote q = reservations.quote(request.message() == null ? null : request.message().order(), context, true);
    return new OnInitCallback.Message(OrderWire.quoteOrder(state.fleet, q, true));
  }

  /** Reserves the transaction's live quote atomically ({@code 40002}, {@code 40003}); repeatable. */
  @Override
  public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
    Snapshot s = reservations.confirm(request.message() == null ? null : request.message().order(), context);
    return new OnConfirmCallback.Message(OrderWire.contractOrder(state.fleet, s, List.of()));
  }

  /** Cancels under the asset's terms ({@code 50001}) and settles: the final bill and {@code settlement}. */
  @Override
  public OnCancelCallback.Message cancel(CancelRequest request, RequestContext context) {
    Snapshot s = reservations.cancel(request.message(), context);
    return new OnCancelCallback.Message(OrderWire.contractOrder(state.fleet, s, List.of()));
  }

  /** Schedules a transfer or modifies energy/window ({@code 30012 30013 40002 50002}), all or nothing. */
  @Override
  public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
    if (request.message() == null) {
      throw OrderRequest.invalid("an update names its order", "/message");
    }
    if (ContractModification.isModification(request.message())) {
      return modify(ModificationRequests.read(request.message()), context);
    }
    Transfers.Result r = transfers.update(request.message(), context);
    Snapshot s = r.snapshot();
    List<org.dent.core.model.TagGroup> tags = r.transfer() ? List.of(s.schedule().toTagGroup())
        : OrderWire.readingTags(s);
    return new OnUpdateCallback.Message(OrderWire.contractOrder(state.fleet, s, tags));
  }

  /**
   * Grows or shrinks the reserved energy and/or moves the window end (or, before the window, the whole window) of
   * a live contract, all or nothing under the asset's lock: {@code 40002} when the asset cannot hold the new terms,
   * {@code 50002} ({@code ABOVE_RESERVED_ENERGY} below the stored energy, {@code OUTSIDE_WINDOW},
   * {@code OFF_GRANULARITY}), {@code 30013}. Capacity-time is billed pro rata from the change
   * ({@link CapacityHistory}); the answer is the modified order with its new quote.
   */
  @Override
  public OnUpdateCallback.Message modify(ContractModification modification, RequestContext context) {
    Snapshot s = transfers.modify(modification, context).snapshot();
    return new OnUpdateCallback.Message(OrderWire.contractOrder(state.fleet, s, OrderWire.readingTags(s)));
  }

  /** The order now, with {@code storage-telemetry} and the scheduled transfer. */
  @Override
  public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
    Snapshot s = transfers.reading(request.message() == null ? null : request.message().orderId(), context);
    return new OnStatusCallback.Message(OrderWire.contractOrder(state.fleet, s, OrderWire.readingTags(s)));
  }

  /** Tracking of the asset holding the order, with its {@code storage-telemetry} as a {@code tags} member. */
  @Override
  public OnTrackCallback.Message track(TrackRequest request, RequestContext context) {
    Snapshot s = transfers.reading(request.message() == null ? null : request.message().orderId(), context);
    Tracking tracking = Tracking.builder().id(s.orderId()).status(s.state().isFinal() ? "inactive" : "active")
        .location(CatalogSearch.location(s.terms().asset().site()))
        .extensions(Map.of("tags", DentCodec.standard().toTree(List.of(s.telemetry().toTagGroup())))).build();
    return new OnTrackCallback.Message(tracking);
  }

  /** Ratings are accepted and not stored; one naming an order must name one of the BAP's ({@code 30010}). */
  @Override
  public OnRatingCallback.Message rating(RatingRequest request, RequestContext context) {
    List<org.dent.core.model.Rating> ratings = request.message() == null || request.message().ratings() == null
        ? List.of() : request.message().ratings();
    for (int i = 0; i < ratings.size(); i++) {
      org.dent.core.model.Rating r = ratings.get(i);
      if (r != null && "Order".equalsIgnoreCase(r.ratingCategory()) && r.id() != null) {
        state.contract(r.id(), context.bapId(), "/message/ratings/" + i + "/id"); // 30010 unless the BAP's order
        break;
      }
    }
    return new OnRatingCallback.Message((XInput) null);
  }

  /**
   * The fleet's support contacts. A {@code ref_id} must name an order of this BAP ({@code 30010} otherwise), so
   * support answers leak no order ids either.
   */
  @Override
  public OnSupportCallback.Message support(SupportRequest request, RequestContext context) {
    String ref = request.message() == null || request.message().support() == null ? null
        : request.message().support().refId();
    if (ref != null) {
      state.contract(ref, context.bapId(), "/message/support/ref_id"); // 30010 unless the BAP's order
    }
    return new OnSupportCallback.Message(Support.builder().refId(ref).phone(state.fleet.supportPhone())
        .email(state.fleet.supportEmail()).build());
  }

  /**
   * The fleet's utilisation per asset (energy-hours used vs reserved) and the revenue of the bills issued, per
   * pricing dimension, as of the operator's clock; live contracts are brought up to it first (readings they
   * produce are pushed as usual). See {@link FleetReport} for the definitions.
   */
  public FleetReport fleetReport() {
    return FleetReports.of(state);
  }

  @Override
  public String toString() {
    return "ReferenceOperator[" + state.fleet.providerId() + ", " + state.fleet.assets().size() + " assets]";
  }

  /** Configures a {@link ReferenceOperator}. */
  public static final class Builder {
    private @Nullable Fleet fleet;
    private Clock clock = Clock.systemUTC();
    private double timeScale = 1.0;
    private Duration telemetryInterval = Duration.ofSeconds(4);
    private BigDecimal hysteresis = new BigDecimal("0.02");
    private BillingHandler billing = new ReferenceBilling();
    private OperatorStore store = new InMemoryStore();

    private Builder() {}

    /**
     * Where contracts, the reservation ledger and quotes are kept (default a new {@link InMemoryStore}). An operator
     * built on a store that already holds contracts (a restart) carries them on; several operators (one per BPP
     * instance) may share a {@linkplain OperatorStore#shared() shared} store: capacity is enforced by the store.
     */
    public Builder store(OperatorStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** How contracts are priced (default {@link ReferenceBilling}). */
    public Builder billing(BillingHandler billing) {
      this.billing = Objects.requireNonNull(billing, "billing");
      return this;
    }

    /** The assets sold (default {@link Fleet#defaultFleet()}). */
    public Builder fleet(Fleet fleet) {
      this.fleet = fleet;
      return this;
    }

    /** Business time (default system UTC); tests pass a clock they move. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Simulated seconds per wall second (default 1): the operator's clock becomes a {@link ScaledClock}. */
    public Builder timeScale(double timeScale) {
      if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
        throw new IllegalArgumentException("time scale must be positive: " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    /** Wall time between telemetry pushes while a transfer runs (default 4 s; at most 5 s is the contract). */
    public Builder telemetryInterval(Duration wall) {
      if (wall.isNegative() || wall.isZero()) {
        throw new IllegalArgumentException("telemetry interval must be positive");
      }
      this.telemetryInterval = wall;
      return this;
    }

    /** SoC band an alert must leave before it can fire again (default 0.02). */
    public Builder hysteresis(BigDecimal hysteresis) {
      this.hysteresis = Objects.requireNonNull(hysteresis, "hysteresis");
      return this;
    }

    /** Builds the operator (the fleet defaults to the built-in one). */
    public ReferenceOperator build() {
      if (fleet == null) {
        fleet = Fleet.defaultFleet();
      }
      return new ReferenceOperator(this);
    }
  }
}
