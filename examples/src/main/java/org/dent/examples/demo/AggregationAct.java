package org.dent.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dent.client.aggregation.AggregateState;
import org.dent.client.aggregation.AggregationException;
import org.dent.client.aggregation.Aggregator;
import org.dent.client.aggregation.ConsolidatedStatement;
import org.dent.client.aggregation.Dispatcher;
import org.dent.client.aggregation.Leg;
import org.dent.client.aggregation.Plan;
import org.dent.client.aggregation.PlannedLeg;
import org.dent.client.aggregation.Portfolio;
import org.dent.client.aggregation.PortfolioMonitor;
import org.dent.client.aggregation.PortfolioOffer;
import org.dent.client.aggregation.PortfolioReport;
import org.dent.client.aggregation.SagaEvent;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.dent.examples.cli.Show;
import org.jspecify.annotations.Nullable;

/**
 * The demo's aggregation act: a need larger than any single offer near the site is planned across providers
 * ({@link Aggregator}); a rival takes one planned leg's capacity between our quote and our confirm, so that leg
 * loses the race ({@code 40002}) and the saga re-plans it onto another offer; energy is then stored and retrieved
 * across the portfolio ({@link Dispatcher}), followed by a {@link PortfolioMonitor}, and after release the legs'
 * bills are consolidated and the HTML report is written.
 */
final class AggregationAct {
  static final Energy NEED = Energy.parse("2200 kWh");
  static final BigDecimal RADIUS_KM = new BigDecimal("10");
  static final Power MIN_POWER = Power.parse("250 kW");
  static final Money BUDGET = Money.parse("6000.00", "INR");
  static final Energy CHARGE = Energy.parse("400 kWh");
  static final Power CHARGE_POWER = Power.parse("400 kW");
  static final Energy DISCHARGE = Energy.parse("200 kWh");
  static final Power DISCHARGE_POWER = Power.parse("300 kW");

  private final Narrator say;
  private final DemoNetwork net;
  private final DentClient bap;
  private final double timeScale;

  AggregationAct(Narrator say, DemoNetwork net, DentClient bap, double timeScale) {
    this.say = say;
    this.net = net;
    this.bap = bap;
    this.timeScale = timeScale;
  }

  /** Plays the act; returns 0 when every step worked. */
  int run() throws Exception {
    Clock sim = net.bpps.get(0).operator().clock();
    Instant start = MicrogridDemo.nextSlot(now().plus(lead(2.5)), MicrogridDemo.SLOT);
    TimeWindow window = new TimeWindow(start, start.plus(Duration.ofHours(12)));
    StorageRequirement need = new StorageRequirement(new SearchArea(MicrogridDemo.SITE, RADIUS_KM), window, NEED,
        BUDGET, MIN_POWER, MIN_POWER);
    say.heading("7. Aggregate: " + NEED.format() + " within " + RADIUS_KM + " km, at least " + MIN_POWER.format()
        + " each way, budget " + BUDGET.value() + " " + BUDGET.currency() + ", " + window.start() + " .. "
        + window.end());

    AtomicBoolean raced = new AtomicBoolean();
    String[] victim = {null};
    Aggregator agg = Aggregator.builder(bap).bpps(net.bppUrls())
        .billing(Billing.builder().name("Sunfield Solar Co-op").build())
        .listener(e -> narrate(e, victim[0], raced, window)).build();
    List<PortfolioOffer> offers = agg.search(need);
    Plan plan = agg.planner().plan(need, offers);
    BigDecimal largest = offers.stream().filter(o -> o.offer().location() == null
            || MicrogridDemo.SITE.distanceKm(o.offer().location()) <= RADIUS_KM.doubleValue())
        .map(o -> o.offer().freeEnergy().in(org.dent.core.units.EnergyUnit.KWH)).max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
    victim[0] = victim(agg, need, offers, plan);
    List<List<String>> rows = new ArrayList<>();
    for (PlannedLeg l : plan.legs()) {
      rows.add(List.of(l.offer().bppId(), l.offer().offer().providerId() + "/" + l.offer().offer().itemId(),
          l.offer().offer().freeEnergy().format(), l.energy().format(), l.cost().rounded().value()));
    }
    say.event("aggregate-plan", Map.of("offers", offers.size(), "legs", plan.legs().stream().map(l -> Map.of(
            "offer", l.offer().key(), "energy", l.energy().format(), "estimate", l.cost().rounded().value())).toList(),
            "estimate", plan.cost().rounded().value(), "optimal", plan.optimal(),
            "largest_offer_kwh", largest.toPlainString()),
        offers.size() + " offers; the largest nearby holds " + largest.toPlainString() + " kWh, so the need is split. "
            + "Cheapest portfolio (" + (plan.optimal() ? "proven optimal" : "best found") + "), estimated "
            + plan.cost().rounded().value() + " " + plan.cost().currency() + ":\n"
            + Show.table(List.of("BPP", "offer", "free", "take", "estimate INR"), rows));

    Portfolio p;
    try {
      p = agg.reserve(need, offers);
    } catch (AggregationException e) {
      say.event("failed", Map.of("reason", e.getMessage()), "Aggregation failed, nothing left reserved: "
          + e.getMessage());
      return 1;
    }
    List<List<String>> legs = new ArrayList<>();
    for (Leg l : p.legs()) {
      legs.add(List.of(l.offer().bppId(), l.offer().offer().itemId(), l.energy().format(), l.orderId(),
          l.quote().total().value()));
    }
    say.event("aggregate-portfolio", Map.of("legs", p.legs().size(), "energy", p.energy().format(),
            "providers", p.legs().stream().map(l -> l.offer().offer().providerId()).distinct().toList(),
            "quoted", p.quotedCost().value(), "replanned", raced.get()),
        "Portfolio: " + p.legs().size() + " legs at " + p.legs().stream().map(l -> l.offer().offer().providerId())
            .distinct().toList() + ", " + p.energy().format() + ", quoted " + p.quotedCost().value() + " "
            + p.quotedCost().currency() + ":\n" + Show.table(List.of("BPP", "item", "energy", "order", "quote INR"),
            legs));

    // each BPP simulates time on its own clock, started a moment apart: readings are fresh for a simulated day
    PortfolioMonitor monitor = new PortfolioMonitor(p.legs(), sim, Duration.ofHours(24), new BigDecimal("0.9"),
        new BigDecimal("0.1"), new BigDecimal("0.05"));
    Map<String, List<Receipt>> receipts = new ConcurrentHashMap<>();
    for (Leg l : p.legs()) {
      bap.onUpdate(l.target().transactionId(), m -> {
        monitor.accept(l.orderId(), m);
        if (m instanceof OnStatusCallback s && s.message() != null && s.message().order() != null
            && s.message().order().fulfillments() != null) {
          for (Fulfillment f : s.message().order().fulfillments()) {
            Receipt.in(f.tags()).ifPresent(r -> receipts.computeIfAbsent(l.orderId(),
                k -> new CopyOnWriteArrayList<>()).add(r));
          }
        }
      });
    }
    Dispatcher dispatcher = new Dispatcher(bap, MicrogridDemo.STEP_TIMEOUT);
    Instant chargeAt = latest(window.start(), MicrogridDemo.nextSlot(now().plus(lead(1)), MicrogridDemo.SLOT));
    if (!transfer(dispatcher, p, monitor, receipts, TransferDirection.CHARGE, CHARGE, CHARGE_POWER, chargeAt)) {
      return 1;
    }
    Instant dischargeAt = MicrogridDemo.nextSlot(now().plus(lead(1)), MicrogridDemo.SLOT);
    if (!transfer(dispatcher, p, monitor, receipts, TransferDirection.DISCHARGE, DISCHARGE, DISCHARGE_POWER,
        dischargeAt)) {
      return 1;
    }

    Map<String, Bill> bills = agg.release(p);
    if (bills.size() != p.legs().size()) {
      say.event("failed", Map.of("reason", "a leg could not be released"), "A leg could not be released.");
      return 1;
    }
    ConsolidatedStatement statement = ConsolidatedStatement.of(p.legs(), bills);
    PortfolioReport report = PortfolioReport.of(p, statement, Map.copyOf(receipts), monitor.readings());
    Path file = Files.createTempFile("dent-portfolio-", ".html");
    Files.writeString(file, report.toHtml());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("total", statement.total().value());
    figures.put("lines", statement.lines().size());
    figures.put("utilisation", report.utilisation().toPlainString());
    figures.put("cost_per_kwh_stored", report.costPerKwhStored() == null ? "" : report.costPerKwhStored()
        .toPlainString());
    figures.put("cost_per_kwh_retrieved", report.costPerKwhRetrieved() == null ? "" : report.costPerKwhRetrieved()
        .toPlainString());
    figures.put("round_trip_efficiency", report.efficiencyOverall() == null ? "" : report.efficiencyOverall()
        .toPlainString());
    figures.put("report", file.toString());
    say.event("aggregate-settled", figures, String.format(Locale.ROOT, "Released every leg; one statement of %d "
            + "lines from %d bills, total %s %s; stored %s kWh, retrieved %s kWh: %s INR per kWh stored, %s per kWh "
            + "retrieved, utilisation %s, round-trip efficiency %s.%nReport written to %s",
        statement.lines().size(), bills.size(), statement.total().value(), statement.currency(),
        report.energyInKwh().stripTrailingZeros().toPlainString(),
        report.energyOutKwh().stripTrailingZeros().toPlainString(), round(report.costPerKwhStored()),
        round(report.costPerKwhRetrieved()), round(report.utilisation()), round(report.efficiencyOverall()), file));
    return 0;
  }

  /** A planned leg (not the largest) whose energy the offers outside the plan could take over, or null. */
  private static @Nullable String victim(Aggregator agg, StorageRequirement need, List<PortfolioOffer> offers,
      Plan plan) {
    List<String> planned = plan.legs().stream().map(l -> l.offer().key()).toList();
    List<PortfolioOffer> spare = offers.stream().filter(o -> !planned.contains(o.key())).toList();
    PlannedLeg biggest = plan.legs().stream().max((a, b) -> a.energy().compareTo(b.energy())).orElse(null);
    for (PlannedLeg l : plan.legs()) {
      if (l == biggest) {
        continue;
      }
      try {
        agg.planner().plan(new StorageRequirement(need.area(), need.window(), l.energy(), null, null, null), spare);
        return l.offer().key();
      } catch (AggregationException e) {
        // this leg could not be replaced
      }
    }
    return null;
  }

  /** Narrates each saga step; when the victim leg is quoted, a rival reserves its capacity first. */
  private void narrate(SagaEvent e, @Nullable String victim, AtomicBoolean raced, TimeWindow window) {
    if (e.kind() == SagaEvent.Kind.QUOTED && e.offerKey() != null && e.offerKey().equals(victim)
        && raced.compareAndSet(false, true)) {
      rivalTakes(victim, window);
    }
    if (e.kind() == SagaEvent.Kind.QUOTED) {
      return; // the confirm that follows says more
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", e.kind().name());
    m.put("offer", e.offerKey() == null ? "" : e.offerKey());
    m.put("code", e.code() == null ? "" : e.code());
    say.event("aggregate-saga", m, "  saga: " + e.kind() + (e.offerKey() == null ? "" : " " + e.offerKey())
        + (e.code() == null ? "" : " [" + e.code() + "]") + ": " + e.detail());
  }

  private void rivalTakes(String key, TimeWindow window) {
    try {
      DentClient rival = net.bap("bap.gridrival.demo");
      String bppId = key.substring(0, key.indexOf('/'));
      String itemId = key.substring(key.lastIndexOf('/') + 1);
      String providerId = key.substring(key.indexOf('/') + 1, key.lastIndexOf('/'));
      URI uri = net.bpp(bppId).engine().bppUri();
      BppTarget t = new BppTarget(bppId, uri, rival.newTransactionId());
      StorageRequirement probe = new StorageRequirement(null, window, Energy.parse("1 kWh"), null, null, null);
      Energy free = rival.search(probe.toIntent(), List.of(uri)).all().get(30, TimeUnit.SECONDS).stream()
          .flatMap(a -> PortfolioOffer.from(a).stream()).filter(o -> o.offer().itemId().equals(itemId))
          .map(o -> o.offer().freeEnergy()).findFirst().orElseThrow();
      StorageOrder order = new StorageOrder(providerId, itemId, free, window, "f1");
      rival.select(t, order.toOrder()).get(30, TimeUnit.SECONDS);
      Order terms = order.toOrder(Billing.builder().name("Rival Grid Traders").build(), "BANK-TRANSFER", null);
      rival.init(t, terms).get(30, TimeUnit.SECONDS);
      rival.confirm(t, terms).get(30, TimeUnit.SECONDS);
      say.event("aggregate-rival", Map.of("bap", rival.subscriberId(), "offer", key, "reserved", free.format()),
          "  Meanwhile " + rival.subscriberId() + " confirms all " + free.format() + " of " + itemId
              + " between our quote and our confirm.");
    } catch (Exception ex) {
      say.event("aggregate-rival", Map.of("error", String.valueOf(ex.getMessage())), "  (the rival failed: " + ex
          + ")");
    }
  }

  /** Dispatches a transfer across the legs and waits for every leg's receipt; false when it failed. */
  private boolean transfer(Dispatcher dispatcher, Portfolio p, PortfolioMonitor monitor,
      Map<String, List<Receipt>> receipts, TransferDirection direction, Energy amount, Power power, Instant at)
      throws Exception {
    int before = receipts.values().stream().mapToInt(List::size).sum();
    Dispatcher.Result r;
    try {
      r = dispatcher.dispatch(p.legs(), monitor.latest(), direction, amount, power, at);
    } catch (AggregationException e) {
      say.event("failed", Map.of("reason", e.getMessage()), "Dispatch refused: " + e.getMessage());
      return false;
    }
    String verb = direction == TransferDirection.CHARGE ? "store" : "retrieve";
    List<List<String>> rows = new ArrayList<>();
    for (Dispatcher.LegTransfer t : r.accepted()) {
      rows.add(List.of(t.leg().name(), t.request().energy().format(), t.request().power().format(),
          t.request().end().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }
    say.event("aggregate-transfer", Map.of("direction", direction.code(), "energy", amount.format(), "legs",
            r.accepted().size(), "refused", r.refused().size()),
        "\n" + verb + " " + amount.format() + " at up to " + power.format() + " from " + at + ", split so the legs "
            + "finish together:\n" + Show.table(List.of("leg", "energy", "power", "ends"), rows));
    if (!r.complete()) {
      say.event("failed", Map.of("reason", r.refused().toString()), "Some legs refused: " + r.refused());
      return false;
    }
    long deadline = System.nanoTime() + MicrogridDemo.STEP_TIMEOUT.toNanos();
    while (receipts.values().stream().mapToInt(List::size).sum() < before + r.accepted().size()) {
      if (System.nanoTime() > deadline) {
        say.event("failed", Map.of("reason", "receipts missing"), "Not every leg sent its receipt in time.");
        return false;
      }
      Thread.sleep(100);
    }
    for (Leg l : p.legs()) { // a fresh reading of every leg
      monitor.accept(l.orderId(), bap.status(l.target(), l.orderId()).get(30, TimeUnit.SECONDS));
    }
    AggregateState s = monitor.state();
    say.event("aggregate-state", Map.of("stored", s.storedKnown().format(), "soc", s.soc().map(
            BigDecimal::toPlainString).orElse(""), "flagged", s.flagged().size()),
        "  portfolio: stored " + s.storedKnown().format() + " of " + s.reserved().format() + ", SoC "
            + s.soc().map(v -> Show.bar(v.doubleValue(), 30) + " " + v.setScale(3, RoundingMode.HALF_UP)
            .toPlainString()).orElse("unknown (" + s.flagged().size() + " legs stale)"));
    return true;
  }

  private static String round(@Nullable BigDecimal v) {
    return v == null ? "n/a" : v.setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  /** The latest of the BPPs' simulated clocks, so a start is in the future for every BPP. */
  private Instant now() {
    return net.bpps.stream().map(b -> b.operator().clock().instant()).max(Instant::compareTo).orElseThrow();
  }

  private Duration lead(double wallSeconds) {
    Duration d = Duration.ofMillis((long) (wallSeconds * 1000 * timeScale));
    return d.compareTo(Duration.ofMinutes(15)) < 0 ? Duration.ofMinutes(15) : d;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
