package org.dent.client.aggregation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.bap.SearchCall;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.client.transport.NackException;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Billing;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.jspecify.annotations.Nullable;

/**
 * The BAP side of aggregation: finds storage offers for a need, plans the cheapest portfolio ({@link Planner}) and
 * reserves it as a saga, so that the result is a complete {@link Portfolio} or nothing reserved.
 *
 * <p><b>Search.</b> A BPP lists only offers that could take the whole searched energy, so the aggregator searches
 * for {@link Builder#searchEnergy} (default the planner's minimum leg, 1 kWh) without budget or power filters, and
 * plans over every offer returned.
 *
 * <p><b>Saga.</b> Each leg is its own transaction: {@code select} → {@code init} → {@code confirm}, legs in
 * parallel. A leg that a BPP grants only in part is not confirmed: the offer's free energy is lowered to the grant
 * (journal {@link SagaEvent.Kind#PARTIAL_GRANT}) and the rest is re-planned. A leg that fails (NACK, error callback
 * such as {@code 40002} capacity gone, timeout, BPP unreachable) drops its offer; a {@code 40003} quote expired
 * keeps the offer for one fresh quote in the next round, after which it is dropped too.
 * Confirmed legs are kept and the planner covers what is still missing from the remaining offers. When nothing
 * can cover it, every confirmed leg is cancelled and {@link AggregationException} is thrown. A confirm whose
 * outcome is unknown (timeout, transport error) is sent once more in the same transaction (the BPP answers a
 * repeated confirm with the order already made): a reservation made by the first attempt is then learnt and kept
 * or released like any other; only when the BPP stays silent is the leg reported in doubt.
 *
 * <p>Thread-safe; each call runs its own saga. Waits are bounded by the client's ttl; {@link Builder#stepTimeout}
 * is only a safety net.
 */
public final class Aggregator {
  /** Runs the legs of a round in parallel; each leg mostly waits for its callbacks. */
  private static final java.util.concurrent.ExecutorService LEGS = java.util.concurrent.Executors.newCachedThreadPool(
      r -> {
        Thread t = new Thread(r, "dent-aggregator-leg");
        t.setDaemon(true);
        return t;
      });
  private final DentClient client;
  private final @Nullable List<URI> bpps;
  private final Planner planner;
  private final Clock clock;
  private final Duration stepTimeout;
  private final Billing billing;
  private final String paymentMethod;
  private final @Nullable AlertThresholds thresholds;
  private final @Nullable Energy searchEnergy;
  private final int maxRounds;
  private final java.util.function.Consumer<SagaEvent> listener;

  private Aggregator(Builder b) {
    this.client = b.client;
    this.bpps = b.bpps == null ? null : List.copyOf(b.bpps);
    this.planner = b.planner;
    this.clock = b.clock;
    this.stepTimeout = b.stepTimeout;
    this.billing = b.billing;
    this.paymentMethod = b.paymentMethod;
    this.thresholds = b.thresholds;
    this.searchEnergy = b.searchEnergy;
    this.maxRounds = b.maxRounds;
    this.listener = b.listener;
  }

  /** A builder over {@code client}. */
  public static Builder builder(DentClient client) {
    return new Builder(client);
  }

  /** The planner. */
  public Planner planner() {
    return planner;
  }

  /** The client. */
  public DentClient client() {
    return client;
  }

  /**
   * Searches the BPPs (or the client's gateway) for offers that could be part of a portfolio for {@code need}.
   *
   * @throws AggregationException when the search could not be sent
   */
  public List<PortfolioOffer> search(StorageRequirement need) {
    Energy probe = searchEnergy != null ? searchEnergy : Energy.parse("1 kWh");
    StorageRequirement broad = new StorageRequirement(need.area(), need.window(),
        probe.compareTo(need.energy()) < 0 ? probe : need.energy(), null, null, null);
    SearchCall call = bpps == null ? client.search(broad.toIntent()) : client.search(broad.toIntent(), bpps);
    List<OnSearchCallback> answers = await(call.all());
    List<PortfolioOffer> out = new ArrayList<>();
    for (OnSearchCallback a : answers) {
      out.addAll(PortfolioOffer.from(a));
    }
    return List.copyOf(out);
  }

  /** Searches, then reserves the cheapest portfolio ({@link #reserve}). */
  public Portfolio aggregate(StorageRequirement need) {
    return reserve(need, search(need));
  }

  /**
   * Plans and reserves a portfolio for {@code need} from {@code offers}, re-planning around failed legs.
   *
   * @return a portfolio whose legs together cover the need
   * @throws AggregationException when no portfolio could be completed; then every leg confirmed on the way has
   *     been cancelled (except those listed in {@link AggregationException#inDoubt()})
   */
  public Portfolio reserve(StorageRequirement need, List<PortfolioOffer> offers) {
    Map<String, PortfolioOffer> pool = new LinkedHashMap<>();
    offers.forEach(o -> pool.put(o.key(), o));
    List<Leg> confirmed = new ArrayList<>();
    List<SagaEvent> journal = new ArrayList<>();
    List<InDoubtLeg> inDoubt = new ArrayList<>();
    java.util.Set<String> requoted = new java.util.HashSet<>();
    for (int round = 0; round < maxRounds; round++) {
      Energy energy = residual(need.energy(), confirmed.stream().map(Leg::energy).toList());
      Power charge = residualPower(need.minChargePower(), confirmed, true);
      Power discharge = residualPower(need.minDischargePower(), confirmed, false);
      if (!energy.isPositive() && charge == null && discharge == null) {
        journal.add(event(SagaEvent.Kind.COMPLETED, null, null, confirmed.size() + " legs reserve "
            + sum(confirmed).format()));
        return new Portfolio(need, confirmed, journal, inDoubt);
      }
      Money budget = need.budget();
      for (Leg l : confirmed) {
        budget = budget == null ? null : budget.minus(l.quote().total());
      }
      Plan plan;
      try {
        if (budget != null && budget.isNegative()) {
          throw new AggregationException(AggregationException.NO_PLAN, "the confirmed legs used up the budget");
        }
        plan = planner.plan(need.window(), need.area(), energy, charge, discharge, budget,
            List.copyOf(pool.values()));
      } catch (AggregationException e) {
        journal.add(event(SagaEvent.Kind.ABORTED, null, e.code(), e.getMessage()));
        throw abort(confirmed, journal, inDoubt, "cannot complete the portfolio: " + e.getMessage(), e);
      }
      journal.add(event(SagaEvent.Kind.PLANNED, null, null, (round == 0 ? "plan: " : "re-plan: ")
          + plan.legs().size() + " legs for " + energy.format() + ", estimated " + plan.cost().rounded().value()
          + " " + plan.cost().currency().getCurrencyCode()));
      List<CompletableFuture<Outcome>> running = new ArrayList<>();
      for (PlannedLeg leg : plan.legs()) {
        running.add(CompletableFuture.supplyAsync(() -> reserveLeg(need, leg), LEGS));
      }
      for (int i = 0; i < running.size(); i++) {
        PlannedLeg leg = plan.legs().get(i);
        Outcome o = running.get(i).join();
        journal.addAll(o.events);
        String key = leg.offer().key();
        if (o.leg != null) {
          confirmed.add(o.leg);
          pool.remove(key);
        } else if (o.grantedFree != null) {
          pool.put(key, pool.get(key).withFreeEnergy(o.grantedFree));
        } else if (o.quoteExpired && requoted.add(key)) {
          journal.add(event(SagaEvent.Kind.PLANNED, key, null, "quote expired: the offer stays for a fresh quote"));
        } else {
          pool.remove(key);
        }
        if (o.inDoubt != null) {
          inDoubt.add(o.inDoubt);
        }
      }
    }
    journal.add(event(SagaEvent.Kind.ABORTED, null, null, "gave up after " + maxRounds + " rounds"));
    throw abort(confirmed, journal, inDoubt, "no complete portfolio after " + maxRounds + " rounds", null);
  }

  /**
   * Cancels every leg of {@code portfolio} (for a BAP that no longer needs it); returns the final bills by order
   * id. Legs whose cancel fails are left out of the map.
   */
  public Map<String, Bill> release(Portfolio portfolio) {
    Map<String, Bill> bills = new LinkedHashMap<>();
    for (Leg l : portfolio.legs()) {
      try {
        Order o = await(client.cancel(l.target(), l.orderId(), null, null)).message().order();
        bills.put(l.orderId(), Bill.from(o.quote()));
      } catch (DentException e) {
        // reported by the missing entry
      }
    }
    return bills;
  }

  /**
   * Settles a leg left in doubt once its BPP answers again: confirms again in the leg's transaction to learn
   * whether an order was made (a BPP answers a repeated confirm with the order it made), and cancels it.
   *
   * @return the final bill of the cancelled order; empty when nothing had been reserved
   * @throws DentException when the BPP still does not answer (the leg stays in doubt)
   */
  public java.util.Optional<Bill> resolve(InDoubtLeg leg) {
    String orderId = leg.orderId();
    if (orderId == null) {
      try {
        orderId = await(client.confirm(leg.target(), leg.confirmOrder())).message().order().id();
      } catch (CallbackErrorException e) {
        return java.util.Optional.empty(); // refused now: the first confirm made nothing either
      }
    }
    Order o = await(client.cancel(leg.target(), orderId, null, null)).message().order();
    return java.util.Optional.of(Bill.from(o.quote()));
  }

  private AggregationException abort(List<Leg> confirmed, List<SagaEvent> journal, List<InDoubtLeg> inDoubt,
      String message, @Nullable Throwable cause) {
    List<CompletableFuture<?>> cancels = new ArrayList<>();
    for (Leg l : confirmed) {
      cancels.add(client.cancel(l.target(), l.orderId(), null, null).handle((ok, e) -> {
        synchronized (journal) {
          if (e == null) {
            journal.add(orderEvent(SagaEvent.Kind.RELEASED, l.offer().key(), l.orderId(), "cancelled order " + l.orderId()));
          } else {
            Throwable c = unwrap(e);
            journal.add(notify(new SagaEvent(clock.instant(), SagaEvent.Kind.IN_DOUBT, l.offer().key(), l.orderId(),
                code(c), "cancel of " + l.orderId()
                + " failed: " + c.getMessage())));
            inDoubt.add(new InDoubtLeg(l.offer(), l.target(), l.orderId(), null));
          }
        }
        return null;
      }));
    }
    for (CompletableFuture<?> c : cancels) {
      try {
        c.get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // handled above
      }
    }
    return new AggregationException(AggregationException.NO_PLAN, message, journal, inDoubt, cause);
  }

  /** What happened to one planned leg. */
  private record Outcome(@Nullable Leg leg, @Nullable Energy grantedFree, @Nullable InDoubtLeg inDoubt,
      List<SagaEvent> events, boolean quoteExpired) {
    Outcome(@Nullable Leg leg, @Nullable Energy grantedFree, @Nullable InDoubtLeg inDoubt, List<SagaEvent> events) {
      this(leg, grantedFree, inDoubt, events, false);
    }
  }

  private Outcome reserveLeg(StorageRequirement need, PlannedLeg planned) {
    List<SagaEvent> events = new ArrayList<>();
    PortfolioOffer po = planned.offer();
    String key = po.key();
    BppTarget target = new BppTarget(po.bppId(), po.bppUri(), client.newTransactionId());
    StorageOrder asked = StorageOrder.of(po.offer(), planned.energy(), need.window());
    Order withTerms = asked.toOrder(billing, paymentMethod, thresholds);
    try {
      OnSelectCallback quote = await(client.select(target, asked.toOrder()));
      StorageOrder granted = StorageOrder.from(quote.message().order());
      if (asked.isPartiallyGrantedBy(granted)) {
        boolean windowCut = !granted.window().contains(asked.window());
        events.add(event(SagaEvent.Kind.PARTIAL_GRANT, key, null, "asked " + asked.energy().format() + ", granted "
            + granted.energy().format() + (windowCut ? " for a shorter window " + granted.window() : "")));
        return new Outcome(null, windowCut ? null : granted.energy(), null, events);
      }
      await(client.init(target, withTerms));
      events.add(event(SagaEvent.Kind.QUOTED, key, null, asked.energy().format() + " quoted and terms accepted"));
    } catch (DentException e) {
      events.add(event(SagaEvent.Kind.LEG_FAILED, key, e.code(), "before confirm: " + e.getMessage()));
      return new Outcome(null, null, null, events);
    }
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        OnConfirmCallback c = await(client.confirm(target, withTerms));
        Order o = c.message().order();
        Leg leg = new Leg(po, target, o.id(), planned.energy(), need.window(), Bill.from(o.quote()));
        events.add(orderEvent(SagaEvent.Kind.CONFIRMED, key, o.id(), "order " + o.id() + ", " + planned.energy().format()
            + (attempt > 1 ? " (learnt from a repeated confirm)" : "")));
        return new Outcome(leg, null, null, events);
      } catch (CallbackErrorException | NackException e) {
        events.add(event(SagaEvent.Kind.LEG_FAILED, key, e.code(), "confirm refused: " + e.getMessage()));
        return new Outcome(null, null, null, events, ErrorCode.QUOTE_EXPIRED.code().equals(e.code()));
      } catch (DentException e) {
        // timeout or transport failure: the BPP may or may not have reserved
        events.add(event(attempt == 1 ? SagaEvent.Kind.LEG_FAILED : SagaEvent.Kind.IN_DOUBT, key, e.code(),
            "confirm " + (attempt == 1 ? "unanswered, asking again: " : "still unanswered: ") + e.getMessage()));
      }
    }
    return new Outcome(null, null, new InDoubtLeg(po, target, null, withTerms), events);
  }

  <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable c = unwrap(e);
      if (c instanceof DentException d) {
        throw d;
      }
      throw new AggregationException("40000", "request failed: " + c, List.of(), List.of(), c);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AggregationException("40000", "no answer within " + stepTimeout, List.of(), List.of(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AggregationException("40000", "interrupted", List.of(), List.of(), e);
    }
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof ExecutionException || e instanceof java.util.concurrent.CompletionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static @Nullable String code(Throwable e) {
    return e instanceof DentException d ? d.code() : null;
  }

  SagaEvent event(SagaEvent.Kind kind, @Nullable String key, @Nullable String code, String detail) {
    return notify(new SagaEvent(clock.instant(), kind, key, null, code, detail));
  }

  SagaEvent orderEvent(SagaEvent.Kind kind, String key, String orderId, String detail) {
    return notify(new SagaEvent(clock.instant(), kind, key, orderId, null, detail));
  }

  /** Tells the listener, as the step happens (a listener's failure does not stop the saga). */
  private SagaEvent notify(SagaEvent e) {
    try {
      listener.accept(e);
    } catch (RuntimeException ignored) {
      // the journal still has it
    }
    return e;
  }

  private static Energy sum(List<Leg> legs) {
    return residual(Energy.of(java.math.BigDecimal.ZERO, org.dent.core.units.EnergyUnit.KWH),
        legs.stream().map(Leg::energy).toList()).negate();
  }

  private static Energy residual(Energy need, List<Energy> reserved) {
    Energy r = need;
    for (Energy e : reserved) {
      r = r.minus(e);
    }
    return r;
  }

  private static @Nullable Power residualPower(@Nullable Power need, List<Leg> legs, boolean charge) {
    if (need == null) {
      return null;
    }
    Power r = need;
    for (Leg l : legs) {
      r = r.minus(charge ? l.offer().offer().spec().maxChargePower() : l.offer().offer().spec().maxDischargePower());
    }
    return r.isPositive() ? r : null;
  }

  /** Configures an {@link Aggregator}. */
  public static final class Builder {
    private final DentClient client;
    private @Nullable List<URI> bpps;
    private Planner planner = Planner.standard();
    private Clock clock = Clock.systemUTC();
    private Duration stepTimeout = Duration.ofMinutes(2);
    private Billing billing = Billing.builder().name("aggregator").build();
    private String paymentMethod = "BANK-TRANSFER";
    private @Nullable AlertThresholds thresholds;
    private @Nullable Energy searchEnergy;
    private int maxRounds = 20;
    private java.util.function.Consumer<SagaEvent> listener = e -> { };

    private Builder(DentClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Search these BPPs directly (default: the client's gateway). */
    public Builder bpps(List<URI> bpps) {
      this.bpps = List.copyOf(bpps);
      return this;
    }

    /** The planner (default {@link Planner#standard()}). */
    public Builder planner(Planner planner) {
      this.planner = Objects.requireNonNull(planner, "planner");
      return this;
    }

    /** Clock for the journal (default system UTC; the client's own clock bounds the waits). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Safety net on every wait, beyond the client's ttl (default 2 minutes). */
    public Builder stepTimeout(Duration stepTimeout) {
      this.stepTimeout = Objects.requireNonNull(stepTimeout, "stepTimeout");
      return this;
    }

    /** Billing party sent with init and confirm. */
    public Builder billing(Billing billing) {
      this.billing = Objects.requireNonNull(billing, "billing");
      return this;
    }

    /** Payment method sent with init and confirm (default {@code BANK-TRANSFER}). */
    public Builder paymentMethod(String paymentMethod) {
      this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
      return this;
    }

    /** Alert thresholds sent with init and confirm (default none: the BPP's defaults). */
    public Builder thresholds(@Nullable AlertThresholds thresholds) {
      this.thresholds = thresholds;
      return this;
    }

    /** Energy searched for, so BPPs list every offer that could be a leg (default 1 kWh). */
    public Builder searchEnergy(Energy searchEnergy) {
      this.searchEnergy = searchEnergy;
      return this;
    }

    /**
     * Called with every saga step as it happens, from the saga's threads (default none). The journal of the
     * result holds the same events.
     */
    public Builder listener(java.util.function.Consumer<SagaEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Most planning rounds of one saga (default 20). */
    public Builder maxRounds(int maxRounds) {
      this.maxRounds = maxRounds;
      return this;
    }

    /** Builds the aggregator. */
    public Aggregator build() {
      return new Aggregator(this);
    }
  }
}
