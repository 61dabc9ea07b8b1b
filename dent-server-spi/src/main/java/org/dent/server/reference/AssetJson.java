package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.dent.core.json.DentCodec;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One asset in the fleet file's format (see {@link Fleet}), both ways: what the admin API reads and writes.
 * {@code parse(write(a))} equals {@code a}.
 */
public final class AssetJson {
  private AssetJson() {}

  /**
   * Reads one asset object of the fleet file format.
   *
   * @throws IllegalArgumentException when it is not valid (the message names the field)
   */
  public static AssetSpec parse(JsonNode asset) {
    return FleetJson.asset(asset);
  }

  /** As {@link #parse(JsonNode)} from JSON text. */
  public static AssetSpec parse(String json) {
    JsonNode node;
    try {
      node = DentCodec.standard().mapper().readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("asset is not JSON", e);
    }
    if (node == null) {
      throw new IllegalArgumentException("asset is not JSON");
    }
    return parse(node);
  }

  /** The asset as a fleet-file object. */
  public static ObjectNode write(AssetSpec a) {
    ObjectNode o = DentCodec.standard().mapper().createObjectNode();
    o.put("id", a.id());
    o.put("name", a.name());
    StorageSpec s = a.spec();
    put(o, "technology", s.technology());
    ObjectNode loc = o.putObject("location");
    loc.put("id", a.site().id());
    loc.put("gps", a.site().gps());
    put(loc, "address", a.site().address());
    put(loc, "city-name", a.site().cityName());
    put(loc, "city-code", a.site().cityCode());
    put(loc, "country-code", a.site().countryCode());
    o.put("capacity", s.capacity().format());
    o.put("max-charge-power", s.maxChargePower().format());
    o.put("max-discharge-power", s.maxDischargePower().format());
    o.put("round-trip-efficiency", s.roundTripEfficiency().toPlainString());
    put(o, "self-discharge-per-day", s.selfDischargePerDay());
    put(o, "min-soc", s.minSoc() == null ? null : s.minSoc().format());
    put(o, "max-soc", s.maxSoc() == null ? null : s.maxSoc().format());
    o.put("slot-granularity", s.slotGranularity().toString());
    PricingTerms p = a.pricing();
    ObjectNode pricing = o.putObject("pricing");
    pricing.put("model", p.models().stream().map(PricingModel::code).collect(Collectors.joining("+")));
    pricing.put("currency", a.currency().getCurrencyCode());
    put(pricing, "capacity-price-per-kwh-day", p.capacityPricePerKwhDay());
    put(pricing, "energy-in-price-per-kwh", p.energyInPricePerKwh());
    put(pricing, "energy-out-price-per-kwh", p.energyOutPricePerKwh());
    put(pricing, "fixed-fee", p.fixedFee());
    put(pricing, "tax-rate", p.taxRate());
    ObjectNode c = o.putObject("cancellation");
    c.put("free-until-before-start", a.cancellation().freeUntilBeforeStart().toString());
    c.put("fee", a.cancellation().fee().toPlainString());
    c.put("allow-during-transfer", a.cancellation().allowDuringTransfer());
    ObjectNode r = o.putObject("residual");
    r.put("policy", a.residual().policy().code());
    put(r, "buy-back-price-per-kwh", a.residual().buyBackPricePerKwh());
    return o;
  }

  private static void put(ObjectNode o, String field, @Nullable String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void put(ObjectNode o, String field, @Nullable BigDecimal value) {
    if (value != null) {
      o.put(field, value.toPlainString());
    }
  }
}
