package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dent.core.json.DentCodec;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.ResidualPolicy;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Decimals;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the fleet file format documented on {@link Fleet}; every error names the field it is about. */
final class FleetJson {
  private FleetJson() {}

  static Fleet parse(String json) {
    JsonNode root;
    try {
      root = DentCodec.standard().mapper().readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("fleet is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("fleet is a JSON object with provider and assets");
    }
    JsonNode provider = object(root, "provider", "provider");
    Set<String> methods = new LinkedHashSet<>();
    JsonNode m = provider.get("payment-methods");
    if (m == null) {
      methods.addAll(List.of("UPI", "BANK-TRANSFER", "INVOICE"));
    } else if (m.isArray()) {
      m.forEach(n -> methods.add(n.asString()));
    } else {
      throw new IllegalArgumentException("provider.payment-methods is an array");
    }
    JsonNode support = provider.path("support");
    JsonNode assets = root.get("assets");
    if (assets == null || !assets.isArray()) {
      throw new IllegalArgumentException("assets is an array");
    }
    List<AssetSpec> list = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      try {
        list.add(asset(assets.get(i)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("assets[" + i + "]: " + e.getMessage(), e);
      }
    }
    String ttl = optional(root, "quote-ttl");
    return new Fleet(text(provider, "id", "provider.id"), text(provider, "name", "provider.name"), methods,
        optional(provider, "bank-code"), optional(provider, "bank-account-number"), optional(support, "phone"),
        optional(support, "email"), ttl == null ? Duration.ofMinutes(15) : WireTime.parsePositiveDuration(ttl),
        list);
  }

  static AssetSpec asset(JsonNode a) {
    if (!a.isObject()) {
      throw new IllegalArgumentException("an asset is an object");
    }
    JsonNode loc = object(a, "location", "location");
    double[] gps = Site.parseGps(text(loc, "gps", "location.gps"));
    Site site = new Site(text(loc, "id", "location.id"), gps[0], gps[1], optional(loc, "address"),
        optional(loc, "city-name"), optional(loc, "city-code"), optional(loc, "country-code"));
    JsonNode p = object(a, "pricing", "pricing");
    String currency = text(p, "currency", "pricing.currency");
    Set<PricingModel> models = new LinkedHashSet<>();
    for (String token : text(p, "model", "pricing.model").split("\\+")) {
      models.add(PricingModel.fromCode(token.trim()));
    }
    PricingTerms pricing = new PricingTerms(models, Money.currency(currency),
        decimal(p, "capacity-price-per-kwh-day"), decimal(p, "energy-in-price-per-kwh"),
        decimal(p, "energy-out-price-per-kwh"), decimal(p, "fixed-fee"), decimal(p, "tax-rate"));
    StorageSpec spec = new StorageSpec(optional(a, "technology"), Energy.parse(text(a, "capacity", "capacity")),
        Power.parse(text(a, "max-charge-power", "max-charge-power")),
        Power.parse(text(a, "max-discharge-power", "max-discharge-power")),
        required(a, "round-trip-efficiency"), decimal(a, "self-discharge-per-day"), soc(a, "min-soc"),
        soc(a, "max-soc"), WireTime.parsePositiveDuration(text(a, "slot-granularity", "slot-granularity")));
    JsonNode c = a.path("cancellation");
    String free = optional(c, "free-until-before-start");
    BigDecimal fee = decimal(c, "fee");
    CancellationPolicy cancellation = new CancellationPolicy(
        free == null ? Duration.ZERO : WireTime.parseDuration(free), fee == null ? BigDecimal.ZERO : fee,
        c.path("allow-during-transfer").asBoolean(false));
    JsonNode r = a.path("residual");
    String policy = optional(r, "policy");
    ResidualTerms residual = policy == null ? ResidualTerms.forcedDischarge()
        : new ResidualTerms(ResidualPolicy.fromCode(policy), decimal(r, "buy-back-price-per-kwh"));
    return new AssetSpec(text(a, "id", "id"), text(a, "name", "name"), site, spec, pricing, cancellation, residual);
  }

  private static JsonNode object(JsonNode parent, String field, String name) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(name + " is an object");
    }
    return n;
  }

  private static String text(JsonNode parent, String field, String name) {
    String v = optional(parent, field);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required (a string)");
    }
    return v;
  }

  private static @Nullable String optional(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (!n.isString()) {
      throw new IllegalArgumentException(field + " is a string");
    }
    return n.stringValue();
  }

  private static @Nullable BigDecimal decimal(JsonNode parent, String field) {
    String v = optional(parent, field);
    return v == null ? null : Decimals.parse(v);
  }

  private static BigDecimal required(JsonNode parent, String field) {
    BigDecimal v = decimal(parent, field);
    if (v == null) {
      throw new IllegalArgumentException(field + " is required (a decimal string)");
    }
    return v;
  }

  private static @Nullable StateOfCharge soc(JsonNode parent, String field) {
    String v = optional(parent, field);
    return v == null ? null : StateOfCharge.parse(v);
  }
}
