package org.dent.conformance;

import static org.dent.conformance.ScenarioFailure.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.SearchCall;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.core.model.BecknError;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Intent;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Quotation;
import org.dent.core.model.SearchRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.profile.view.TransferSchedule;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenarios of the storage profile (DESIGN.md §3): the business rules a BPP must keep, checked from the BAP's side.
 *
 * <p>Every scenario uses its own windows tomorrow (2-hour windows on a 30-minute grid, one set per scenario so
 * scenarios do not compete for capacity), picks its offer from the BPP's own {@code on_search}, starts its own
 * transactions, and cancels what it confirmed (free well before the window), so the suite can be run again against
 * a long-running BPP. Callbacks are validated by the client: an invalid callback (e.g. a quote whose lines do not
 * sum to its price) is refused and the scenario fails when its ttl runs out.
 *
 * <p>Not covered: telemetry push cadence ({@code seq}, every 5 s during a transfer). A transfer cannot start before
 * its window nor off the asset's grid, so on a real-time BPP checking it needs a window starting within minutes and
 * a wait of up to a slot; that does not fit a suite that must finish in seconds.
 */
final class StorageScenarios {
  private StorageScenarios() {}

  /** Windows are this long and start on this grid (every worked asset's slot granularity divides it). */
  static final Duration WINDOW = Duration.ofHours(2);

  static final String PAYMENT_METHOD = "BANK-TRANSFER";

  static List<Scenario> all() {
    return List.of(
        Scenario.of("storage.happy-path-reconciles",
            "search, select, init, confirm, status, cancel: every quote balances and prices lines by the offer's terms",
            StorageScenarios::happyPath),
        Scenario.of("storage.partial-grant-surfaced",
            "a select for more than the offer's free energy is granted in part (and says so) or refused",
            StorageScenarios::partialGrant),
        Scenario.of("storage.no-double-booking",
            "concurrent confirms exceeding an offer's free energy: confirmed energy fits, the others get 40002",
            StorageScenarios::noDoubleBooking),
        Scenario.of("storage.off-granularity-rejected",
            "a select whose window misses the asset's slot grid is refused (50002 OFF_GRANULARITY or 30000)",
            StorageScenarios::offGranularity),
        Scenario.of("storage.back-to-back-windows",
            "two abutting windows [a,b) and [b,c) on one asset, each with most of its capacity, are both confirmed",
            StorageScenarios::backToBack),
        Scenario.of("storage.duplicate-confirm-idempotent",
            "confirming the same transaction twice answers with the same order id",
            StorageScenarios::duplicateConfirm),
        Scenario.of("storage.over-withdrawal-rejected",
            "a discharge from an empty reservation is refused 50002 INSUFFICIENT_STORED_ENERGY",
            StorageScenarios::overWithdrawal),
        Scenario.of("storage.over-power-rejected",
            "a charge above max-charge-power is refused 50002 ABOVE_POWER_RATING (or scheduled at most at the rating)",
            StorageScenarios::overPower),
        Scenario.of("storage.unit-aliases-normalised",
            "a search with energy in KWH / kwh is ACKed and answered in canonical units (kWh)",
            StorageScenarios::unitAliases));
  }

  // ---- scenarios ---------------------------------------------------------------------------------------------

  private static void happyPath(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 0, 1);
    Energy energy = Energy.ofKwh("50");
    StorageOffer offer = offers(c, energy, window).get(0);
    BppTarget target = c.newTarget();
    StorageOrder asked = StorageOrder.of(offer, energy, window);
    OnSelectCallback selected = await(c, c.client().select(target, asked.toOrder()), "on_select");
    StorageOrder granted = readOrder(selected.message().order(), "on_select");
    check(!asked.isPartiallyGrantedBy(granted), "on_select granted " + granted.energy().format() + " of "
        + asked.energy().format() + " although the offer had " + offer.freeEnergy().format() + " free");
    checkBill(selected.message().order().quote(), offer, energy, window, "on_select", true);
    Order terms = terms(asked);
    var init = await(c, c.client().init(target, terms), "on_init");
    checkBill(init.message().order().quote(), offer, energy, window, "on_init", true);
    OnConfirmCallback confirmed = await(c, c.client().confirm(target, terms), "on_confirm");
    Order order = confirmed.message().order();
    check(order.id() != null && !order.id().isBlank(), "on_confirm carries no order id");
    check("ACTIVE".equals(order.status()), "on_confirm order status is " + order.status() + ", not ACTIVE");
    checkBill(order.quote(), offer, energy, window, "on_confirm", true);
    try {
      OnStatusCallback status = await(c, c.client().status(target, order.id()), "on_status");
      check(status.message().order() != null && order.id().equals(status.message().order().id()),
          "on_status names another order than " + order.id());
    } finally {
      OnCancelCallback cancelled = await(c, c.client().cancel(target, order.id(), null, null), "on_cancel");
      Order last = cancelled.message().order();
      check("CANCELLED".equals(last.status()), "on_cancel order status is " + last.status() + ", not CANCELLED");
      check(last.quote() != null, "on_cancel carries no final quote");
      checkBill(last.quote(), offer, energy, window, "on_cancel", false);
    }
  }

  private static void partialGrant(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 1, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("10"), window).get(0);
    Energy more = offer.freeEnergy().plus(Energy.ofKwh("100"));
    if (offer.maximumEnergy() != null && offer.maximumEnergy().compareTo(more) > 0) {
      more = offer.maximumEnergy().plus(Energy.ofKwh("100"));
    }
    StorageOrder asked = StorageOrder.of(offer, more, window);
    OnSelectCallback selected;
    try {
      selected = await(c, c.client().select(c.newTarget(), asked.toOrder()), "on_select");
    } catch (CallbackErrorException refused) {
      return; // refusing is allowed
    }
    StorageOrder granted = readOrder(selected.message().order(), "on_select");
    check(asked.isPartiallyGrantedBy(granted), "asked for " + more.format() + " of an offer with "
        + offer.freeEnergy().format() + " free: on_select claims to grant " + granted.energy().format()
        + " (a partial grant must show the granted energy)");
    check(granted.energy().compareTo(offer.freeEnergy()) <= 0, "on_select grants " + granted.energy().format()
        + ", more than the " + offer.freeEnergy().format() + " the offer had free");
    Quotation quote = selected.message().order().quote();
    check(quote != null, "on_select carries no quote");
    checkBill(quote, offer, granted.energy(), window, "on_select", true);
  }

  private static void noDoubleBooking(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 2, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("10"), window).stream()
        .min(Comparator.comparing(StorageOffer::freeEnergy)).orElseThrow();
    Energy free = offer.freeEnergy();
    // four contracts of 40 % each: at most two fit
    Energy each = Energy.of(free.in(EnergyUnit.KWH).multiply(new BigDecimal("0.4"))
        .setScale(3, RoundingMode.DOWN).stripTrailingZeros(), EnergyUnit.KWH);
    check(each.isPositive(), "offer " + offer.itemId() + " has no free energy to share");
    int n = 4;
    List<BppTarget> targets = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    List<Energy> energies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BppTarget t = c.newTarget();
      StorageOrder asked = StorageOrder.of(offer, each, window);
      OnSelectCallback s = await(c, c.client().select(t, asked.toOrder()), "on_select");
      StorageOrder granted = readOrder(s.message().order(), "on_select");
      Order terms = terms(granted);
      await(c, c.client().init(t, terms), "on_init");
      targets.add(t);
      orders.add(terms);
      energies.add(granted.energy());
    }
    List<CompletableFuture<OnConfirmCallback>> confirms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      confirms.add(c.client().confirm(targets.get(i), orders.get(i)));
    }
    Energy booked = Energy.ZERO;
    List<String> won = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    List<BppTarget> wonTargets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        OnConfirmCallback ok = await(c, confirms.get(i), "on_confirm");
        booked = booked.plus(energies.get(i));
        won.add(ok.message().order().id());
        wonTargets.add(targets.get(i));
      } catch (CallbackErrorException e) {
        if (!"40002".equals(e.code())) {
          wrong.add(e.code() + " " + errorMessage(e));
        }
      }
    }
    try {
      check(booked.compareTo(free) <= 0, n + " concurrent confirms of " + each.format() + " each on "
          + offer.itemId() + " with " + free.format() + " free: " + won.size() + " confirmed, "
          + booked.to(EnergyUnit.KWH).format() + " booked (double booking)");
      check(wrong.isEmpty(), "a confirm that does not fit must get 40002, got " + wrong);
      check(!won.isEmpty(), "no confirm succeeded although " + each.format() + " of " + free.format() + " fit");
    } finally {
      cancelAll(c, wonTargets, won);
    }
  }

  private static void offGranularity(ConformanceContext c) throws Exception {
    TimeWindow aligned = window(c, 3, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("10"), aligned).stream()
        .filter(o -> o.spec().slotGranularity() != null
            && o.spec().slotGranularity().compareTo(Duration.ofMinutes(2)) >= 0)
        .findFirst().orElseThrow(() -> new ScenarioFailure("no offer states a slot-granularity of 2 min or more"));
    Duration slot = offer.spec().slotGranularity();
    Duration off = Duration.ofMinutes(Math.max(1, slot.toMinutes() / 2)); // :07 on a 15-minute grid
    TimeWindow skewed = new TimeWindow(aligned.start().plus(off), aligned.end().plus(off));
    CompletableFuture<OnSelectCallback> answer = c.client().select(c.newTarget(),
        StorageOrder.of(offer, Energy.ofKwh("10"), skewed).toOrder());
    try {
      await(c, answer, "on_select");
    } catch (CallbackErrorException e) {
      String msg = errorMessage(e);
      check("30000".equals(e.code()) || "50002".equals(e.code()) && msg.startsWith("OFF_GRANULARITY"),
          "window " + skewed + " off the " + slot + " grid: expected 50002 OFF_GRANULARITY or 30000, got "
              + e.code() + " " + msg);
      return;
    }
    throw new ScenarioFailure("window " + skewed + " is off the " + slot + " grid of " + offer.itemId()
        + " but select was quoted");
  }

  private static void backToBack(ConformanceContext c) throws Exception {
    TimeWindow first = window(c, 7, 1); // last: its second window runs past the stride
    TimeWindow second = new TimeWindow(first.end(), first.end().plus(WINDOW));
    TimeWindow both = new TimeWindow(first.start(), second.end());
    StorageOffer offer = offers(c, Energy.ofKwh("10"), both).get(0);
    // most of the capacity in each: they only fit together because [a,b) and [b,c) do not overlap
    Energy energy = Energy.of(offer.freeEnergy().in(EnergyUnit.KWH).multiply(new BigDecimal("0.8"))
        .setScale(3, RoundingMode.DOWN), EnergyUnit.KWH);
    List<BppTarget> targets = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      for (TimeWindow w : List.of(first, second)) {
        BppTarget t = c.newTarget();
        String id = confirmed(c, t, StorageOrder.of(offer, energy, w), "window " + w + " (" + energy.format()
            + " of " + offer.itemId() + ")");
        targets.add(t);
        ids.add(id);
      }
    } finally {
      cancelAll(c, targets, ids);
    }
  }

  private static void duplicateConfirm(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 4, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("10"), window).get(0);
    BppTarget target = c.newTarget();
    StorageOrder asked = StorageOrder.of(offer, Energy.ofKwh("10"), window);
    String id = confirmed(c, target, asked, "the first confirm");
    try {
      OnConfirmCallback again = await(c, c.client().confirm(target, terms(asked)), "on_confirm");
      String second = again.message().order() == null ? null : again.message().order().id();
      check(id.equals(second), "the second confirm of one transaction made order " + second + " besides " + id);
    } catch (CallbackErrorException e) {
      throw new ScenarioFailure("the second confirm of one transaction was refused " + e.code() + " "
          + errorMessage(e) + "; it must answer with order " + id);
    } finally {
      cancelAll(c, List.of(target), List.of(id));
    }
  }

  private static void overWithdrawal(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 5, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("20"), window).get(0);
    BppTarget target = c.newTarget();
    String id = confirmed(c, target, StorageOrder.of(offer, Energy.ofKwh("20"), window), "the reservation");
    try {
      Power power = Power.min(offer.spec().maxDischargePower(), Power.ofKw("10"));
      Energy energy = power.times(Duration.ofHours(1));
      try {
        transfer(c, target, id, new TransferRequest(TransferDirection.DISCHARGE, energy, power, window.start()));
      } catch (CallbackErrorException e) {
        String msg = errorMessage(e);
        check("50002".equals(e.code()) && msg.startsWith("INSUFFICIENT_STORED_ENERGY"),
            "discharge of " + energy.format() + " from an empty reservation: expected 50002 "
                + "INSUFFICIENT_STORED_ENERGY, got " + e.code() + " " + msg);
        return;
      }
      throw new ScenarioFailure("a discharge of " + energy.format() + " from an empty reservation was accepted");
    } finally {
      cancelAll(c, List.of(target), List.of(id));
    }
  }

  private static void overPower(ConformanceContext c) throws Exception {
    TimeWindow window = window(c, 6, 1);
    StorageOffer offer = offers(c, Energy.ofKwh("20"), window).get(0);
    BppTarget target = c.newTarget();
    String id = confirmed(c, target, StorageOrder.of(offer, Energy.ofKwh("20"), window), "the reservation");
    try {
      Power rating = offer.spec().maxChargePower();
      Power power = rating.times(new BigDecimal("2"));
      Energy energy = Energy.ofKwh("10");
      OnUpdateCallback accepted;
      try {
        accepted = transfer(c, target, id, new TransferRequest(TransferDirection.CHARGE, energy, power,
            window.start()));
      } catch (CallbackErrorException e) {
        String msg = errorMessage(e);
        check("50002".equals(e.code()) && msg.startsWith("ABOVE_POWER_RATING"), "charge at " + power.format()
            + " above the " + rating.format() + " rating: expected 50002 ABOVE_POWER_RATING, got " + e.code() + " "
            + msg);
        return;
      }
      Order o = accepted.message().order();
      List<Fulfillment> fs = o == null || o.fulfillments() == null ? List.of() : o.fulfillments();
      TransferSchedule schedule = null;
      for (Fulfillment f : fs) {
        if (f != null && schedule == null) {
          schedule = TransferSchedule.in(f.tags()).orElse(null);
        }
      }
      check(schedule != null, "a charge at " + power.format() + " above the " + rating.format()
          + " rating was accepted without stating the power it was capped to");
      check(schedule.power().compareTo(rating) <= 0, "a charge at " + power.format() + " was accepted at "
          + schedule.power().format() + ", above the " + rating.format() + " rating");
    } finally {
      cancelAll(c, List.of(target), List.of(id));
    }
  }

  private static final Set<String> CANONICAL = Set.of("Wh", "kWh", "MWh", "W", "kW", "MW");

  private static void unitAliases(ConformanceContext c) throws Exception {
    for (String alias : List.of("KWH", "kwh")) {
      ObjectNode search = Templates.shiftWindows(c.message("01-search"), c.clock());
      ObjectNode intent = (ObjectNode) search.get("message").get("intent");
      ((ObjectNode) intent.get("item").get("quantity").get("selected").get("measure")).put("unit", alias);
      ((ObjectNode) intent.get("item")).remove("price"); // no budget, no area: every asset may answer
      ((ObjectNode) intent.get("fulfillment").get("stops").get(0)).remove("location");
      Intent typed = c.codec().bind(search, SearchRequest.class).message().intent();
      SearchCall call = c.client().search(typed, List.of(c.bppUrl()));
      try {
        call.sent().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new ScenarioFailure("a search for \"50 " + alias + "\" was not ACKed: " + e.getCause().getMessage());
      }
      OnSearchCallback on = await(c, call.first(), "on_search");
      check(on.message() != null && on.message().catalog() != null, "on_search for 50 " + alias + " has no catalog");
      List<StorageOffer> offers = StorageOffer.fromCatalog(on.message().catalog());
      check(!offers.isEmpty(), "a search for \"50 " + alias + "\" got no offer (the same search in kWh gets some)");
      for (StorageOffer o : offers) {
        check(o.freeEnergy().compareTo(Energy.ofKwh("50")) >= 0, "offer " + o.itemId() + " has "
            + o.freeEnergy().format() + " free, less than the 50 kWh asked in " + alias);
      }
      String bad = nonCanonicalUnit(c.codec().toTree(on.message().catalog()), "/message/catalog");
      check(bad == null, "on_search writes a unit alias instead of the canonical spelling at " + bad);
    }
  }

  /** The pointer of the first unit written other than canonically ({@code KWH}, {@code kw} ...), or null. */
  private static @Nullable String nonCanonicalUnit(JsonNode node, String pointer) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        String p = pointer + "/" + e.getKey();
        JsonNode v = e.getValue();
        if (v.isString() && ("unit".equals(e.getKey()) ? !canonical(v.asString()) : !canonicalQuantity(v.asString()))) {
          return p + " (\"" + v.asString() + "\")";
        }
        String inner = nonCanonicalUnit(v, p);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = nonCanonicalUnit(node.get(i), pointer + "/" + i);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static boolean canonical(String unit) {
    return CANONICAL.stream().noneMatch(u -> u.equalsIgnoreCase(unit) && !u.equals(unit));
  }

  private static boolean canonicalQuantity(String text) {
    int sp = text.indexOf(' ');
    return sp < 0 || !text.substring(0, sp).matches("-?[0-9]+(\\.[0-9]+)?") || canonical(text.substring(sp + 1));
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  /** Scenario windows start this far apart, so no two scenarios' windows overlap or abut. */
  static final Duration STRIDE = Duration.ofHours(3);

  /**
   * Scenario {@code index}'s window ({@link #WINDOW} long, from tomorrow 10:00 UTC + index × {@link #STRIDE}),
   * spanning {@code count} windows.
   */
  static TimeWindow window(ConformanceContext c, int index, int count) {
    Instant start = Templates.nextWindowStart(c.clock()).plus(STRIDE.multipliedBy(index));
    return new TimeWindow(start, start.plus(WINDOW.multipliedBy(count)));
  }

  /** The BPP's offers for {@code energy} during {@code window}, at least one. */
  static List<StorageOffer> offers(ConformanceContext c, Energy energy, TimeWindow window) throws Exception {
    SearchCall call = c.client().search(StorageRequirement.of(energy, window).toIntent(), List.of(c.bppUrl()));
    OnSearchCallback on = await(c, call.first(), "on_search");
    check(on.message() != null && on.message().catalog() != null, "on_search has no catalog");
    List<StorageOffer> offers;
    try {
      offers = StorageOffer.fromCatalog(on.message().catalog());
    } catch (ProfileException e) {
      throw new ScenarioFailure("on_search offer unreadable: " + e.getMessage());
    }
    check(!offers.isEmpty(), "on_search has no storage offer for " + energy.format() + " during " + window);
    return offers;
  }

  /** select → init → confirm of {@code asked} as asked; the order id. */
  static String confirmed(ConformanceContext c, BppTarget target, StorageOrder asked, String what) throws Exception {
    try {
      OnSelectCallback s = await(c, c.client().select(target, asked.toOrder()), "on_select");
      StorageOrder granted = readOrder(s.message().order(), "on_select");
      check(!asked.isPartiallyGrantedBy(granted), what + ": on_select granted " + granted.energy().format()
          + " of " + asked.energy().format());
      Order terms = terms(asked);
      await(c, c.client().init(target, terms), "on_init");
      Order o = await(c, c.client().confirm(target, terms), "on_confirm").message().order();
      check(o != null && o.id() != null, what + ": on_confirm carries no order id");
      return o.id();
    } catch (CallbackErrorException e) {
      throw new ScenarioFailure(what + " was refused: " + e.code() + " " + errorMessage(e));
    }
  }

  static OnUpdateCallback transfer(ConformanceContext c, BppTarget target, String orderId, TransferRequest request)
      throws Exception {
    Order order = Order.builder().id(orderId).fulfillments(List.of(Fulfillment.builder().id("f1")
        .tags(List.of(request.toTagGroup())).build())).build();
    return await(c, c.client().update(target, "order.fulfillments", order), "on_update");
  }

  static Order terms(StorageOrder order) {
    return order.toOrder(Billing.builder().name("DENT conformance").email("conformance@dent.example").build(),
        PAYMENT_METHOD, null);
  }

  static StorageOrder readOrder(@Nullable Order order, String where) {
    check(order != null, where + " carries no order");
    try {
      return StorageOrder.from(order);
    } catch (ProfileException e) {
      throw new ScenarioFailure(where + " order unreadable: " + e.getMessage());
    }
  }

  /** Best-effort release of what a scenario reserved. */
  static void cancelAll(ConformanceContext c, List<BppTarget> targets, List<String> ids) {
    List<CompletableFuture<OnCancelCallback>> pending = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      pending.add(c.client().cancel(targets.get(i), ids.get(i), null, null));
    }
    for (CompletableFuture<OnCancelCallback> f : pending) {
      try {
        f.get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // cleanup only
      }
    }
  }

  /**
   * The callback, or: {@link CallbackErrorException} when it carries an error, a {@link ScenarioFailure} when none
   * (valid) arrived in time.
   */
  static <T> T await(ConformanceContext c, CompletableFuture<T> future, String what) throws Exception {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CallbackErrorException ce) {
        throw ce;
      }
      List<String> refused = c.refusedCallbacks();
      throw new ScenarioFailure("no valid " + what + ": " + (cause == null ? e : cause.getClass().getSimpleName()
          + ": " + cause.getMessage()) + (refused.isEmpty() ? "" : "; the BAP refused invalid callbacks: "
          + refused));
    } catch (TimeoutException e) {
      throw new ScenarioFailure("no " + what + " within 30 s");
    }
  }

  /** The BPP's own {@code error.message} (without the client's prefix). */
  static String errorMessage(CallbackErrorException e) {
    BecknError error = e.callback().error();
    return error == null || error.message() == null ? "" : error.message();
  }

  /**
   * A quote balances, uses the profile's titles, and prices its capacity, fixed-fee and tax lines by the offer's
   * terms, each within one minor unit of the exact figure (so any documented rounding passes).
   *
   * @param charges whether this quote bills the contract (false for a final bill, which may be only a fee)
   */
  static void checkBill(@Nullable Quotation quote, StorageOffer offer, Energy reserved, TimeWindow window,
      String where, boolean charges) {
    check(quote != null, where + " carries no quote");
    Bill bill;
    try {
      bill = Bill.from(quote);
      bill.requireBalanced();
    } catch (ProfileException e) {
      throw new ScenarioFailure(where + " quote: " + e.getMessage());
    }
    for (BillLine l : bill.lines()) {
      check(l.kind() != BillLineKind.OTHER, where + " quote line \"" + l.title() + "\" is not one of the profile's");
    }
    PricingTerms p = offer.pricing();
    check(p.currency() == null || p.currency().equals(bill.currency()), where + " quote is in "
        + bill.currency() + ", the offer prices in " + p.currency());
    BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, bill.currency().getDefaultFractionDigits()));
    if (charges && p.models().contains(PricingModel.CAPACITY_TIME)) {
      check(has(bill, BillLineKind.CAPACITY_RESERVATION), where + " quote has no capacity-reservation line "
          + "although the offer charges capacity-time");
    }
    if (charges && p.models().contains(PricingModel.FIXED)) {
      check(has(bill, BillLineKind.FIXED_FEE), where + " quote has no fixed-fee line although the offer charges "
          + "a fixed fee");
    }
    if (has(bill, BillLineKind.CAPACITY_RESERVATION) && p.capacityPricePerKwhDay() != null) {
      BigDecimal exact = reserved.in(EnergyUnit.KWH).multiply(p.capacityPricePerKwhDay())
          .multiply(BigDecimal.valueOf(window.duration().getSeconds()))
          .divide(BigDecimal.valueOf(86_400), 12, RoundingMode.HALF_EVEN);
      near(bill.amount(BillLineKind.CAPACITY_RESERVATION).amount(), exact, unit, where + " capacity-reservation ("
          + reserved.format() + " x " + p.capacityPricePerKwhDay() + "/kWh-day x " + window.duration() + ")");
    }
    if (has(bill, BillLineKind.FIXED_FEE) && p.fixedFee() != null) {
      near(bill.amount(BillLineKind.FIXED_FEE).amount(), p.fixedFee(), unit, where + " fixed-fee");
    }
    if (has(bill, BillLineKind.TAX) && p.taxRate() != null) {
      BigDecimal base = BigDecimal.ZERO;
      for (BillLine l : bill.lines()) {
        if (l.kind() != BillLineKind.TAX && l.kind() != BillLineKind.BUY_BACK_CREDIT) {
          base = base.add(l.amount().amount());
        }
      }
      near(bill.amount(BillLineKind.TAX).amount(), base.multiply(p.taxRate()), unit, where + " tax ("
          + p.taxRate() + " x charges " + base.toPlainString() + ")");
    }
  }

  private static boolean has(Bill bill, BillLineKind kind) {
    return bill.lines().stream().anyMatch(l -> l.kind() == kind);
  }

  private static void near(BigDecimal actual, BigDecimal exact, BigDecimal unit, String what) {
    check(actual.subtract(exact).abs().compareTo(unit) <= 0, String.format(Locale.ROOT,
        "%s is %s, expected %s", what, actual.toPlainString(), exact.setScale(unit.scale(), RoundingMode.HALF_UP)
            .toPlainString()));
  }
}
