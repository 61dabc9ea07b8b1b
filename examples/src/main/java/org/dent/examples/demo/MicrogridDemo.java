package org.dent.examples.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.bap.SearchCall;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.StorageState;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.dent.examples.cli.Show;
import org.jspecify.annotations.Nullable;

/**
 * The microgrid aggregation story, played over real HTTP between a BAP and three reference BPPs: discover storage,
 * pick the cheapest offer that fits (and say why the others do not), reserve it (refusing a partial grant rather
 * than accepting it silently), store energy while telemetry arrives, get an alert, retrieve part of it, terminate
 * and settle.
 */
public final class MicrogridDemo {
  static final GeoPoint SITE = GeoPoint.parse("12.9716,77.5946");
  static final BigDecimal RADIUS_KM = new BigDecimal("25");
  static final Energy NEED = Energy.parse("120 kWh");
  static final Power MIN_POWER = Power.parse("30 kW");
  static final Money BUDGET = Money.parse("500.00", "INR");
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  /** Windows and transfer starts sit on a 30-minute grid, which every demo asset's slot granularity divides. */
  static final Duration SLOT = Duration.ofMinutes(30);

  private final Narrator say;
  private final long seed;
  private final double timeScale;

  public MicrogridDemo(PrintWriter out, boolean json, long seed, double timeScale) {
    this.say = new Narrator(out, json);
    this.seed = seed;
    this.timeScale = timeScale;
  }

  /** Plays the story; returns the process exit code (0 when every step worked). */
  public int run() throws Exception {
    long started = System.nanoTime();
    try (DemoNetwork net = new DemoNetwork(seed, timeScale)) {
      DentClient bap = net.bap("bap.sunfield.demo");
      say.event("network", Map.of("registry", net.registry.url(), "bpps", net.bpps.stream().map(b -> b.id()).toList(),
          "bap", bap.subscriberId(), "gateway", net.gateway.url().toString(), "time_scale", timeScale),
          "DENT microgrid demo: registry at " + net.registry.url() + ", gateway at " + net.gateway.url()
              + ", BPPs " + net.bpps.stream()
              .map(b -> b.id() + " (" + b.name() + ")").toList() + ", BAP " + bap.subscriberId()
              + "; simulated time runs " + (long) timeScale + "x");

      // 1. Discover
      Clock sim = net.bpps.get(0).operator().clock();
      // the window opens a few real seconds from now (enough to search and reserve), whatever the time scale
      Instant start = nextSlot(sim.instant().plus(lead(5)), SLOT);
      TimeWindow window = new TimeWindow(start, start.plus(Duration.ofHours(12)));
      say.heading("1. Search: " + NEED.format() + " near " + SITE.format() + " within " + RADIUS_KM + " km, "
          + window.start() + " .. " + window.end() + ", at least " + MIN_POWER.format() + " each way, budget "
          + BUDGET.value() + " " + BUDGET.currency());
      StorageRequirement broad = new StorageRequirement(new SearchArea(SITE, new BigDecimal("200")), window, NEED,
          null, null, null);
      // through the gateway, which asks every BPP of the domain; the search ends when the three have answered
      SearchCall search = bap.search(broad.toIntent(), net.bpps.size());
      List<OnSearchCallback> answers = search.all().get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      List<Candidate> candidates = new ArrayList<>();
      for (OnSearchCallback a : answers) {
        for (StorageOffer o : StorageOffer.fromCatalog(a.message().catalog())) {
          candidates.add(new Candidate(a, o, verdict(o)));
        }
      }
      candidates.sort(Comparator.comparing(c -> c.offer().estimatedPrice() == null ? BigDecimal.valueOf(1e12)
          : c.offer().estimatedPrice().amount()));
      say.event("search", Map.of("transaction_id", search.transactionId(), "answers", answers.size(),
          "offers", candidates.stream().map(Candidate::json).toList()),
          answers.size() + " BPPs answered with " + candidates.size() + " offers:\n" + offerTable(candidates));

      // 2. Reserve: the cheapest that fits; a partial grant is refused, the next one is tried
      List<Candidate> fitting = candidates.stream().filter(c -> c.verdict() == null).toList();
      if (fitting.isEmpty()) {
        say.event("failed", Map.of("reason", "no offer fits"), "No offer fits the request.");
        return 1;
      }
      say.heading("2. Reserve");
      Candidate cheapest = fitting.get(0);
      rivalTakes(net, cheapest, window);
      Reserved reserved = null;
      for (Candidate c : fitting) {
        reserved = reserve(bap, c, window);
        if (reserved != null) {
          break;
        }
      }
      if (reserved == null) {
        say.event("failed", Map.of("reason", "every fitting offer was granted only in part"), "Nothing reserved.");
        return 1;
      }

      // 3 and 4. Store, with telemetry and an alert
      DemoNetwork.Bpp bpp = net.bpp(reserved.target().bppId());
      Clock bppClock = bpp.operator().clock();
      BlockingQueue<BecknMessage> pushes = new LinkedBlockingQueue<>();
      bap.onUpdate(reserved.target().transactionId(), pushes::add);
      BigDecimal sqrtEta = reserved.candidate().offer().spec().roundTripEfficiency().sqrt(MathContext.DECIMAL64);
      Energy energyIn = Energy.of(NEED.in(org.dent.core.units.EnergyUnit.KWH).multiply(new BigDecimal("0.96"))
          .divide(sqrtEta, 1, RoundingMode.DOWN), org.dent.core.units.EnergyUnit.KWH);
      Power chargePower = transferPower(energyIn, reserved.candidate().offer().spec().maxChargePower());
      say.heading("3. Store " + energyIn.format() + " at " + chargePower.format()
          + " (4. the BPP alerts when SoC crosses 0.9)");
      Receipt stored = transfer(bap, reserved, bppClock, pushes, TransferDirection.CHARGE, energyIn, chargePower,
          latest(window.start(), nextSlot(bppClock.instant().plus(lead(1.5)), SLOT)));

      // 5. Retrieve part of it
      Energy energyOut = Energy.parse("50 kWh");
      Power dischargePower = transferPower(energyOut, reserved.candidate().offer().spec().maxDischargePower());
      say.heading("5. Retrieve " + energyOut.format() + " at " + dischargePower.format());
      Receipt retrieved = transfer(bap, reserved, bppClock, pushes, TransferDirection.DISCHARGE, energyOut,
          dischargePower, nextSlot(bppClock.instant().plus(lead(1.5)), SLOT));

      // 6. Terminate and settle
      say.heading("6. Terminate and settle");
      OnCancelCallback cancelled = bap.cancel(reserved.target(), reserved.orderId(), null, null)
          .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Order finalOrder = cancelled.message().order();
      Bill bill = Bill.from(finalOrder.quote());
      bill.requireBalanced();
      String paymentStatus = finalOrder.payments() == null || finalOrder.payments().isEmpty() ? "?"
          : finalOrder.payments().get(0).status();
      say.event("settled", Map.of("order_id", reserved.orderId(), "status", finalOrder.status(),
          "lines", bill.lines().stream().map(l -> Map.of("title", l.title(), "amount", l.amount().value())).toList(),
          "total", bill.total().value(), "currency", bill.total().currency().getCurrencyCode(),
          "payment_status", paymentStatus),
          Show.order(finalOrder) + "final bill (lines add up to the total):\n" + Show.bill(finalOrder.quote())
              + "  payment: " + paymentStatus);

      double seconds = (System.nanoTime() - started) / 1e9;
      say.event("summary", Map.of("bpp", reserved.target().bppId(), "order_id", reserved.orderId(),
          "stored", stored.storedEnergy().format(), "retrieved", energyOut.format(),
          "total", bill.total().value() + " " + bill.total().currency(), "seconds", Math.round(seconds)),
          String.format(Locale.ROOT, "%nDemo complete: %s reserved %s at %s, charged %s, retrieved %s, "
                  + "bill %s %s (payment %s); every message signed and verified over HTTP; %.1f s.",
              bap.subscriberId(), NEED.format(), reserved.target().bppId(), energyIn.format(), energyOut.format(),
              bill.total().value(), bill.total().currency(), paymentStatus, seconds));
      if (retrieved == null) {
        return 1;
      }
      return 0;
    }
  }

  /** An offer with the reason it does not fit, or null when it fits. */
  record Candidate(OnSearchCallback from, StorageOffer offer, @Nullable String verdict) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bpp", from.context().bppId());
      m.put("offer", offer.providerId() + "/" + offer.itemId());
      m.put("distance_km", offer.location() == null ? null
          : Math.round(SITE.distanceKm(offer.location()) * 10) / 10.0);
      m.put("free", offer.freeEnergy().format());
      m.put("price", offer.estimatedPrice() == null ? null : offer.estimatedPrice().value());
      m.put("fits", verdict == null);
      m.put("reason", verdict);
      return m;
    }
  }

  /** A confirmed reservation. */
  record Reserved(Candidate candidate, BppTarget target, String orderId) {}

  static @Nullable String verdict(StorageOffer o) {
    if (o.location() != null && SITE.distanceKm(o.location()) > RADIUS_KM.doubleValue()) {
      return String.format(Locale.ROOT, "%.0f km away, beyond %s km", SITE.distanceKm(o.location()), RADIUS_KM);
    }
    if (o.freeEnergy().compareTo(NEED) < 0) {
      return "only " + o.freeEnergy().format() + " free";
    }
    if (o.spec().maxChargePower().compareTo(MIN_POWER) < 0) {
      return "charges at most " + o.spec().maxChargePower().format();
    }
    if (o.spec().maxDischargePower().compareTo(MIN_POWER) < 0) {
      return "discharges at most " + o.spec().maxDischargePower().format();
    }
    if (o.estimatedPrice() != null && o.estimatedPrice().compareTo(BUDGET) > 0) {
      return "price " + o.estimatedPrice().value() + " above the budget";
    }
    return null;
  }

  private String offerTable(List<Candidate> candidates) {
    List<List<String>> rows = new ArrayList<>();
    for (Candidate c : candidates) {
      StorageOffer o = c.offer();
      rows.add(List.of(c.from().context().bppId(), o.providerId() + "/" + o.itemId(),
          o.location() == null ? "?" : String.format(Locale.ROOT, "%.1f km", SITE.distanceKm(o.location())),
          o.freeEnergy().format(), o.spec().maxChargePower().format() + " / " + o.spec().maxDischargePower().format(),
          o.estimatedPrice() == null ? "?" : o.estimatedPrice().value(), c.verdict() == null ? "fits" : c.verdict()));
    }
    return Show.table(List.of("BPP", "offer", "distance", "free", "charge / discharge", "price INR", "verdict"),
        rows);
  }

  /** Another aggregator reserves most of the cheapest asset just before us: our select will be granted in part. */
  private void rivalTakes(DemoNetwork net, Candidate cheapest, TimeWindow window) throws Exception {
    DentClient rival = net.bap("bap.rival.demo");
    Energy take = cheapest.offer().freeEnergy().minus(Energy.parse("80 kWh"));
    if (!take.isPositive()) {
      return;
    }
    BppTarget t = new BppTarget(cheapest.from().context().bppId(), java.net.URI.create(cheapest.from().context()
        .bppUri()), rival.newTransactionId());
    StorageOrder order = StorageOrder.of(cheapest.offer(), take, window);
    rival.select(t, order.toOrder()).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Order withTerms = terms(order, "Rival Aggregator Ltd");
    rival.init(t, withTerms).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    rival.confirm(t, withTerms).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    say.event("rival", Map.of("bap", rival.subscriberId(), "offer", cheapest.offer().itemId(), "reserved",
        take.format()), "Meanwhile " + rival.subscriberId() + " reserves " + take.format() + " of "
        + cheapest.offer().itemId() + ".");
  }

  /** select → init → confirm; null when the BPP grants less than asked (never accepted silently). */
  private @Nullable Reserved reserve(DentClient bap, Candidate c, TimeWindow window) throws Exception {
    BppTarget target = BppTarget.of(c.from());
    StorageOrder asked = StorageOrder.of(c.offer(), NEED, window);
    OnSelectCallback quote = bap.select(target, asked.toOrder()).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    StorageOrder granted = StorageOrder.from(quote.message().order());
    if (asked.isPartiallyGrantedBy(granted)) {
      say.event("partial-grant", Map.of("offer", c.offer().itemId(), "asked", asked.energy().format(),
          "granted", granted.energy().format()),
          "select " + c.offer().itemId() + " at " + target.bppId() + ": PARTIAL GRANT, asked "
              + asked.energy().format() + ", granted " + granted.energy().format()
              + ": not enough, so not accepted; trying the next cheapest offer.");
      return null;
    }
    say.event("quote", Map.of("offer", c.offer().itemId(), "bpp", target.bppId(), "granted",
        granted.energy().format(), "price", Bill.from(quote.message().order().quote()).total().value()),
        "select " + c.offer().itemId() + " at " + target.bppId() + ": granted " + granted.energy().format()
            + " as asked\n" + Show.bill(quote.message().order().quote()));
    Order order = terms(asked, "Sunfield Solar Co-op");
    OnInitCallback init = bap.init(target, order).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    say.event("init", Map.of("payment", init.message().order().payments().get(0).type()),
        "init: billing to Sunfield Solar Co-op, payment " + init.message().order().payments().get(0).type()
            + " by BANK-TRANSFER, alerts at SoC 0.9 / 0.1");
    OnConfirmCallback confirmed = bap.confirm(target, order).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Order o = confirmed.message().order();
    say.event("confirmed", Map.of("order_id", o.id(), "status", o.status(),
        "state", StorageState.of(o.fulfillments().get(0)).map(StorageState::code).orElse("?")),
        "confirm: order " + o.id() + " " + o.status() + ", "
            + StorageState.of(o.fulfillments().get(0)).map(StorageState::code).orElse("?"));
    return new Reserved(c, target, o.id());
  }

  private static Order terms(StorageOrder order, String name) {
    return order.toOrder(Billing.builder().name(name).email("accounts@sunfield.example").build(), "BANK-TRANSFER",
        new AlertThresholds(StateOfCharge.of(new BigDecimal("0.9")), StateOfCharge.of(new BigDecimal("0.1"))));
  }

  /** Sends a transfer starting at {@code start} (simulated) and follows its pushes to the receipt. */
  private @Nullable Receipt transfer(DentClient bap, Reserved r, Clock bppClock, BlockingQueue<BecknMessage> pushes,
      TransferDirection direction, Energy energy, Power power, Instant start) throws Exception {
    TransferRequest request = new TransferRequest(direction, energy, power, start);
    Order order = Order.builder().id(r.orderId()).fulfillments(List.of(Fulfillment.builder().id("f1")
        .tags(List.of(request.toTagGroup())).build())).build();
    bap.update(r.target(), "order.fulfillments", order).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    say.event("transfer-accepted", Map.of("direction", direction.name().toLowerCase(Locale.ROOT), "energy",
        energy.format(), "power", power.format(), "start", start.toString()),
        "update: " + direction.name().toLowerCase(Locale.ROOT) + " " + energy.format() + " at " + power.format()
            + " from " + start + " accepted; telemetry:");
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      BecknMessage m = pushes.poll(1, TimeUnit.SECONDS);
      if (!(m instanceof OnStatusCallback s) || s.message() == null || s.message().order() == null) {
        continue;
      }
      Fulfillment f = s.message().order().fulfillments().get(0);
      var telemetry = Telemetry.in(f.tags());
      telemetry.ifPresent(t -> say.event("telemetry", Map.of("soc", t.soc().value().toPlainString(),
          "stored", t.storedEnergy().format(), "power", t.power() == null ? "?" : t.power().format(),
          "seq", t.seq()), "  SoC " + Show.bar(t.soc().value().doubleValue(), 30) + " "
          + t.soc().value().setScale(3, RoundingMode.HALF_UP).toPlainString() + "  " + Show.telemetry(t)));
      for (Alert a : Alert.allIn(f.tags())) {
        if (!Alert.TRANSFER_COMPLETE.equals(a.code())) {
          say.event("alert", Map.of("code", a.code(), "threshold", a.threshold() == null ? "" : a.threshold().text(),
              "value", a.value() == null ? "" : a.value().text()),
              "  ALERT " + a.code() + (a.threshold() == null ? "" : ": crossed " + a.threshold().text())
                  + (a.value() == null ? "" : " (now " + a.value().text() + ")"));
        }
      }
      var receipt = Receipt.in(f.tags());
      if (receipt.isPresent()) {
        Receipt rc = receipt.get();
        say.event("receipt", Map.of("direction", direction.name().toLowerCase(Locale.ROOT),
            "energy_in", rc.energyIn() == null ? "" : rc.energyIn().format(),
            "energy_out", rc.energyOut() == null ? "" : rc.energyOut().format(),
            "losses", rc.losses() == null ? "" : rc.losses().format(), "stored", rc.storedEnergy().format()),
            "  receipt: " + Show.receipt(rc));
        return rc;
      }
    }
    say.event("failed", Map.of("reason", "no receipt within " + STEP_TIMEOUT), "No receipt arrived in time.");
    return null;
  }

  private static Power transferPower(Energy energy, Power max) {
    // aim for about two simulated hours, within the asset's rating
    BigDecimal kw = energy.in(org.dent.core.units.EnergyUnit.KWH).divide(new BigDecimal("2"), 0, RoundingMode.UP);
    Power p = Power.of(kw.max(BigDecimal.TEN), org.dent.core.units.PowerUnit.KW);
    return p.compareTo(max) > 0 ? max : p;
  }

  /** Simulated time that passes in {@code wallSeconds} real seconds (at least 15 simulated minutes). */
  private Duration lead(double wallSeconds) {
    Duration d = Duration.ofMillis((long) (wallSeconds * 1000 * timeScale));
    return d.compareTo(Duration.ofMinutes(15)) < 0 ? Duration.ofMinutes(15) : d;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant nextSlot(Instant t, Duration slot) {
    long s = slot.getSeconds();
    long e = t.getEpochSecond();
    return Instant.ofEpochSecond(((e + s - 1) / s) * s);
  }
}
