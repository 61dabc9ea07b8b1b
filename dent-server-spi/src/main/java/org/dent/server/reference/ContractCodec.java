package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Billing;
import org.dent.core.model.Payment;
import org.dent.core.model.Quotation;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.Settlement;
import org.dent.core.profile.view.StorageState;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.dent.server.store.ContractRecord;
import org.dent.server.store.QuoteRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contracts and quotes to and from their stored form ({@link ContractRecord}, {@link QuoteRecord}): every field
 * the physics, alerts and bills depend on, exactly (decimals as strings, instants to the nanosecond). Billing and
 * payments go to the separate {@code personal} document. The asset is stored by id and read back from the fleet.
 */
final class ContractCodec {
  private static final DentCodec CODEC = DentCodec.standard();

  private ContractCodec() {}

  static ContractRecord encode(Contract c) {
    ObjectNode s = CODEC.mapper().createObjectNode();
    s.put("v", 1);
    terms(s, c.terms);
    s.set("assetTerms", assetTerms(c.terms.asset()));
    s.put("phase", c.phase.name());
    s.put("stored", c.stored.toString());
    s.put("in", c.inKwh.toString());
    s.put("out", c.outKwh.toString());
    s.put("chargeLoss", c.chargeLoss.toString());
    s.put("dischargeLoss", c.dischargeLoss.toString());
    s.put("selfDischarge", c.selfDischarge.toString());
    s.put("boughtBack", c.boughtBack.toString());
    s.put("storedKwhHours", c.storedKwhHours.toString());
    List<CapacityHistory.Earlier> earlier = c.history.earlier();
    if (!earlier.isEmpty()) {
      ArrayNode h = s.putArray("history");
      for (CapacityHistory.Earlier e : earlier) {
        ObjectNode o = h.addObject();
        o.put("until", e.until().toString());
        o.put("energy", e.energy().value().toString());
        o.put("energyUnit", e.energy().unit().name());
        o.put("windowStart", e.window().start().toString());
        o.put("windowEnd", e.window().end().toString());
      }
    }
    Transfer tr = c.transfer;
    if (tr != null) {
      ObjectNode t = s.putObject("transfer");
      t.set("request", CODEC.toTree(tr.request.toTagGroup()));
      t.put("done", tr.doneKwh.toString());
      t.put("loss", tr.lossKwh.toString());
    }
    s.put("steppedTo", c.steppedTo.toString());
    s.put("updatedAt", c.updatedAt.toString());
    s.put("lastTelemetryAt", c.lastTelemetryAt.toString());
    s.put("seq", c.seq);
    s.put("highArmed", c.highArmed);
    s.put("lowArmed", c.lowArmed);
    s.put("busy", c.busy);
    if (c.finalBill != null) {
      s.set("finalBill", CODEC.toTree(c.finalBill.toQuotation(null)));
    }
    if (c.settlement != null) {
      s.set("settlement", CODEC.toTree(c.settlement.toTagGroup()));
    }
    if (c.cancelledAt != null) {
      s.put("cancelledAt", c.cancelledAt.toString());
    }
    if (c.cancelReasonId != null) {
      s.put("cancelReasonId", c.cancelReasonId);
    }
    TimeWindow w = c.terms.window();
    return new ContractRecord(c.orderId, c.bapId, c.transactionId, c.terms.asset().id(), w.start(), w.end(),
        c.terms.energyKwh(), !c.phase.isFinal(), c.createdAt, s.toString(), personal(c.terms));
  }

  /** A contract of {@code book} as stored (its mutable state set by {@link #restore}). */
  static Contract decode(ContractRecord r, AssetBook book, OperatorState state) {
    JsonNode s = CODEC.mapper().readTree(r.state());
    Terms terms = terms(s, assetTerms(s, book.spec), r.windowStart(), r.windowEnd(), r.personal());
    Contract c = new Contract(r.orderId(), r.bapId(), r.transactionId(), terms, book, r.createdAt(),
        state.hysteresis, state.billing);
    restore(c, r, s);
    return c;
  }

  /** Sets every mutable field of {@code c} to what {@code r} holds. */
  static void restore(Contract c, ContractRecord r) {
    restore(c, r, CODEC.mapper().readTree(r.state()));
  }

  private static void restore(Contract c, ContractRecord r, JsonNode s) {
    c.terms = terms(s, c.terms.asset(), r.windowStart(), r.windowEnd(), r.personal());
    c.phase = StorageState.valueOf(s.get("phase").stringValue());
    c.stored = dec(s, "stored");
    c.inKwh = dec(s, "in");
    c.outKwh = dec(s, "out");
    c.chargeLoss = dec(s, "chargeLoss");
    c.dischargeLoss = dec(s, "dischargeLoss");
    c.selfDischarge = dec(s, "selfDischarge");
    c.boughtBack = dec(s, "boughtBack");
    JsonNode kwhHours = s.get("storedKwhHours"); // absent in contracts stored before modification existed
    c.storedKwhHours = kwhHours == null ? BigDecimal.ZERO.setScale(Contract.SCALE) : dec(s, "storedKwhHours");
    List<CapacityHistory.Earlier> earlier = new ArrayList<>();
    JsonNode history = s.get("history");
    if (history != null) {
      for (JsonNode e : history) {
        earlier.add(new CapacityHistory.Earlier(Instant.parse(e.get("until").stringValue()),
            Energy.of(dec(e, "energy"), EnergyUnit.valueOf(e.get("energyUnit").stringValue())),
            new TimeWindow(Instant.parse(e.get("windowStart").stringValue()),
                Instant.parse(e.get("windowEnd").stringValue()))));
      }
    }
    c.history.restore(earlier);
    JsonNode t = s.get("transfer");
    if (t == null || t.isNull()) {
      c.transfer = null;
    } else {
      Transfer tr = new Transfer(TransferRequest.from(CODEC.bind(t.get("request"),
          org.dent.core.model.TagGroup.class)));
      tr.doneKwh = dec(t, "done");
      tr.lossKwh = dec(t, "loss");
      c.transfer = tr;
    }
    c.steppedTo = Instant.parse(s.get("steppedTo").stringValue());
    c.updatedAt = Instant.parse(s.get("updatedAt").stringValue());
    c.lastTelemetryAt = Instant.parse(s.get("lastTelemetryAt").stringValue());
    c.seq = s.get("seq").longValue();
    c.highArmed = s.get("highArmed").booleanValue();
    c.lowArmed = s.get("lowArmed").booleanValue();
    c.busy = s.get("busy").booleanValue();
    JsonNode bill = s.get("finalBill");
    c.finalBill = bill == null ? null : Bill.from(CODEC.bind(bill, Quotation.class));
    JsonNode settlement = s.get("settlement");
    c.settlement = settlement == null ? null : Settlement.from(CODEC.bind(settlement,
        org.dent.core.model.TagGroup.class));
    JsonNode cancelledAt = s.get("cancelledAt");
    c.cancelledAt = cancelledAt == null ? null : Instant.parse(cancelledAt.stringValue());
    JsonNode reason = s.get("cancelReasonId");
    c.cancelReasonId = reason == null ? null : reason.stringValue();
    c.stored(r);
  }

  static QuoteRecord encode(Quote q, Duration purgeAfter, int generation) {
    ObjectNode s = CODEC.mapper().createObjectNode();
    s.put("v", 1);
    if (generation != 0) {
      s.put("generation", generation);
    }
    s.put("asset", q.terms().asset().id());
    s.set("assetTerms", assetTerms(q.terms().asset()));
    s.put("windowStart", q.terms().window().start().toString());
    s.put("windowEnd", q.terms().window().end().toString());
    terms(s, q.terms());
    s.set("estimate", CODEC.toTree(q.estimate().toQuotation(null)));
    s.put("ttl", q.ttl().toString());
    s.put("expiresAt", q.expiresAt().toString());
    return new QuoteRecord(q.bapId(), q.transactionId(), q.expiresAt().plus(purgeAfter), s.toString(),
        personal(q.terms()));
  }

  /** The quote, or null when its asset is no longer in the fleet. */
  static @Nullable Quote decode(QuoteRecord r, OperatorState state) {
    JsonNode s = CODEC.mapper().readTree(r.state());
    AssetSpec asset = state.assets.get(s.get("asset").stringValue());
    JsonNode generation = s.get("generation");
    if (asset == null || (generation == null ? 0 : generation.intValue()) != state.quoteGeneration(asset.id())) {
      return null; // gone from the fleet, or voided by an admin change since
    }
    Terms terms = terms(s, assetTerms(s, asset), Instant.parse(s.get("windowStart").stringValue()),
        Instant.parse(s.get("windowEnd").stringValue()), r.personal());
    return new Quote(r.bapId(), r.transactionId(), terms, Bill.from(CODEC.bind(s.get("estimate"),
        Quotation.class)), Duration.parse(s.get("ttl").stringValue()),
        Instant.parse(s.get("expiresAt").stringValue()));
  }

  private static final java.util.Map<AssetSpec, JsonNode> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<JsonNode, AssetSpec> READ = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The asset as the contract or quote was made on (its prices, cancellation and residual terms never change
   * afterwards, whatever the operator's admin does to the asset): the fleet-file form, cached per asset.
   */
  private static JsonNode assetTerms(AssetSpec asset) {
    if (WRITTEN.size() > 1_000) {
      WRITTEN.clear();
    }
    return WRITTEN.computeIfAbsent(asset, AssetJson::write);
  }

  /** The stored asset terms, or {@code current} for records written without them. */
  private static AssetSpec assetTerms(JsonNode s, AssetSpec current) {
    JsonNode a = s.get("assetTerms");
    if (a == null || a.isNull()) {
      return current;
    }
    if (READ.size() > 1_000) {
      READ.clear();
    }
    AssetSpec stored = READ.computeIfAbsent(a, AssetJson::parse);
    return stored.equals(current) ? current : stored;
  }

  private static void terms(ObjectNode s, Terms t) {
    s.put("fulfillmentId", t.fulfillmentId());
    s.put("energy", t.energy().value().toString());
    s.put("energyUnit", t.energy().unit().name());
    AlertThresholds th = t.thresholds();
    if (th.socHigh() != null) {
      s.put("socHigh", th.socHigh().value().toString());
    }
    if (th.socLow() != null) {
      s.put("socLow", th.socLow().value().toString());
    }
    s.put("thresholdsGiven", t.thresholdsGiven());
  }

  private static Terms terms(JsonNode s, AssetSpec asset, Instant start, Instant end, @Nullable String personal) {
    Energy energy = Energy.of(new BigDecimal(s.get("energy").stringValue()),
        EnergyUnit.valueOf(s.get("energyUnit").stringValue()));
    JsonNode high = s.get("socHigh");
    JsonNode low = s.get("socLow");
    AlertThresholds th = high == null && low == null ? AlertThresholds.DEFAULTS : new AlertThresholds(
        high == null ? null : StateOfCharge.of(new BigDecimal(high.stringValue())),
        low == null ? null : StateOfCharge.of(new BigDecimal(low.stringValue())));
    Billing billing = null;
    List<Payment> payments = new ArrayList<>();
    if (personal != null) {
      JsonNode p = CODEC.mapper().readTree(personal);
      JsonNode b = p.get("billing");
      billing = b == null || b.isNull() ? null : CODEC.bind(b, Billing.class);
      for (JsonNode pay : p.get("payments")) {
        payments.add(CODEC.bind(pay, Payment.class));
      }
    }
    return new Terms(asset, s.get("fulfillmentId").stringValue(), energy, new TimeWindow(start, end), billing,
        payments, th, s.get("thresholdsGiven").booleanValue());
  }

  private static @Nullable String personal(Terms t) {
    if (t.billing() == null && t.payments().isEmpty()) {
      return null;
    }
    ObjectNode p = CODEC.mapper().createObjectNode();
    if (t.billing() != null) {
      p.set("billing", CODEC.toTree(t.billing()));
    }
    ArrayNode pays = p.putArray("payments");
    for (Payment pay : t.payments()) {
      pays.add(CODEC.toTree(pay));
    }
    return p.toString();
  }

  private static BigDecimal dec(JsonNode n, String field) {
    return new BigDecimal(n.get(field).stringValue());
  }
}
