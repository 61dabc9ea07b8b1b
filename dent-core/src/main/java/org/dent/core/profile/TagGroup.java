package org.dent.core.profile;

import static org.dent.core.profile.TagKind.CODE;
import static org.dent.core.profile.TagKind.CURRENCY;
import static org.dent.core.profile.TagKind.DATETIME;
import static org.dent.core.profile.TagKind.DURATION;
import static org.dent.core.profile.TagKind.EFFICIENCY;
import static org.dent.core.profile.TagKind.ENERGY;
import static org.dent.core.profile.TagKind.ENUM;
import static org.dent.core.profile.TagKind.ENUM_SET;
import static org.dent.core.profile.TagKind.FRACTION;
import static org.dent.core.profile.TagKind.INTEGER;
import static org.dent.core.profile.TagKind.MONEY;
import static org.dent.core.profile.TagKind.POWER;
import static org.dent.core.profile.TagKind.QUANTITY;
import static org.dent.core.profile.TagKind.TEXT;
import static org.dent.core.profile.TagSpec.Sign.NON_NEGATIVE;
import static org.dent.core.profile.TagSpec.Sign.POSITIVE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tag groups of the DENT energy-storage profile and the codes each may carry: the single table from which the
 * {@link StorageProfileValidator} checks tag values and from which typed views read them. A tag group on the wire
 * is {@code {"descriptor":{"code":<group>}, "list":[{"descriptor":{"code":<code>}, "value":<string>}…]}}; inside
 * these groups only the listed codes are allowed, each at most once, and the {@linkplain TagSpec#required()
 * required} ones must be present. Groups with other codes are not the profile's business and are left alone.
 */
public enum TagGroup {
  /** Search filters a BAP sends with {@code intent.item}. */
  STORAGE_REQUIREMENT("storage-requirement",
      TagSpec.of("min-charge-power", POWER, NON_NEGATIVE),
      TagSpec.of("min-discharge-power", POWER, NON_NEGATIVE)),

  /** The asset behind an offer, on {@code on_search} items and echoed on order items. */
  STORAGE_SPEC("storage-spec",
      TagSpec.of("technology", TEXT),
      TagSpec.of("capacity", ENERGY, POSITIVE).mandatory(),
      TagSpec.of("max-charge-power", POWER, POSITIVE).mandatory(),
      TagSpec.of("max-discharge-power", POWER, POSITIVE).mandatory(),
      TagSpec.of("round-trip-efficiency", EFFICIENCY).mandatory(),
      TagSpec.of("self-discharge-per-day", FRACTION),
      TagSpec.of("min-soc", FRACTION),
      TagSpec.of("max-soc", FRACTION),
      TagSpec.of("slot-granularity", DURATION).mandatory()),

  /**
   * An offer's price terms. {@code currency} and {@code tax-rate} are not in the DESIGN.md §3 table but appear in
   * every worked message that carries pricing.
   */
  PRICING("pricing",
      TagSpec.oneOf("model", ENUM_SET, "capacity-time", "energy-throughput", "fixed").mandatory(),
      TagSpec.of("currency", CURRENCY),
      TagSpec.of("capacity-price-per-kwh-day", MONEY, NON_NEGATIVE),
      TagSpec.of("energy-in-price-per-kwh", MONEY, NON_NEGATIVE),
      TagSpec.of("energy-out-price-per-kwh", MONEY, NON_NEGATIVE),
      TagSpec.of("fixed-fee", MONEY, NON_NEGATIVE),
      TagSpec.of("tax-rate", FRACTION)),

  /** A BAP's request to store or retrieve energy, on an {@code update} of {@code order.fulfillments}. */
  TRANSFER_REQUEST("transfer-request",
      TagSpec.oneOf("direction", ENUM, "charge", "discharge").mandatory(),
      TagSpec.of("energy", ENERGY, POSITIVE).mandatory().labelled("transfer energy"),
      TagSpec.of("power", POWER, POSITIVE).mandatory().labelled("transfer power"),
      TagSpec.of("start", DATETIME).mandatory()),

  /**
   * The schedule a BPP accepted for a transfer request (on {@code on_update}). Not in the DESIGN.md §3 table; the
   * worked {@code 10-on_update} carries it.
   */
  TRANSFER_SCHEDULE("transfer-schedule",
      TagSpec.oneOf("direction", ENUM, "charge", "discharge").mandatory(),
      TagSpec.of("energy", ENERGY, POSITIVE).mandatory().labelled("transfer energy"),
      TagSpec.of("power", POWER, POSITIVE).mandatory().labelled("transfer power"),
      TagSpec.of("start", DATETIME).mandatory(),
      TagSpec.of("end", DATETIME)),

  /** Live state of a contract, on {@code on_status}/{@code on_track} fulfillments; power is signed (+ = charging). */
  STORAGE_TELEMETRY("storage-telemetry",
      TagSpec.of("stored-energy", ENERGY, NON_NEGATIVE).mandatory(),
      TagSpec.of("withdrawable-energy", ENERGY, NON_NEGATIVE),
      TagSpec.of("soc", FRACTION).mandatory(),
      TagSpec.of("power", POWER),
      TagSpec.of("seq", INTEGER).mandatory(),
      TagSpec.of("measured-at", DATETIME).mandatory()),

  /** A crossed threshold or an event; {@code threshold} and {@code value} are fractions or energies. */
  ALERT("alert",
      TagSpec.oneOf("code", CODE, "SOC_HIGH", "SOC_LOW", "TRANSFER_COMPLETE", "ASSET_FAULT").mandatory(),
      TagSpec.of("threshold", QUANTITY),
      TagSpec.of("value", QUANTITY)),

  /**
   * The account of one finished transfer: {@code energy-in} or {@code energy-out}. {@code direction} is not in the
   * DESIGN.md §3 table; the worked {@code 13-on_status_push} carries it.
   */
  STORAGE_RECEIPT("storage-receipt",
      TagSpec.oneOf("direction", ENUM, "charge", "discharge"),
      TagSpec.of("energy-in", ENERGY, NON_NEGATIVE),
      TagSpec.of("energy-out", ENERGY, NON_NEGATIVE),
      TagSpec.of("losses", ENERGY, NON_NEGATIVE),
      TagSpec.of("stored-energy", ENERGY, NON_NEGATIVE).mandatory()),

  /** What happens to energy still stored when a contract ends. */
  SETTLEMENT("settlement",
      TagSpec.of("residual-energy", ENERGY, NON_NEGATIVE).mandatory(),
      TagSpec.oneOf("residual-policy", ENUM, "forced-discharge", "buy-back").mandatory(),
      TagSpec.of("buy-back-price-per-kwh", MONEY, NON_NEGATIVE)),

  /** SoC alert thresholds a BAP asks for (fractions of the contract); defaults 0.9 and 0.1. */
  ALERT_THRESHOLDS("alert-thresholds",
      TagSpec.of("soc-high", FRACTION),
      TagSpec.of("soc-low", FRACTION)),

  /** How an order is paid, on {@code payments[]}. */
  PAYMENT_TERMS("payment-terms",
      TagSpec.oneOf("method", ENUM, "UPI", "CARD", "BANK-TRANSFER", "INVOICE").mandatory());

  private static final Map<String, TagGroup> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(TagGroup::code, Function.identity()));

  private final String code;
  private final Map<String, TagSpec> tags;
  private final List<String> requiredCodes;

  TagGroup(String code, TagSpec... specs) {
    this.code = code;
    Map<String, TagSpec> byCode = new LinkedHashMap<>();
    for (TagSpec s : specs) {
      byCode.put(s.code(), s);
    }
    this.tags = java.util.Collections.unmodifiableMap(byCode);
    this.requiredCodes = Arrays.stream(specs).filter(TagSpec::required).map(TagSpec::code).toList();
  }

  /** The group's {@code descriptor.code} on the wire. */
  public String code() {
    return code;
  }

  /** Every code the group may carry, in table order. */
  public List<TagSpec> tags() {
    return List.copyOf(tags.values());
  }

  /** The spec of {@code tagCode} in this group, empty when the code does not belong here. */
  public Optional<TagSpec> tag(String tagCode) {
    return Optional.ofNullable(tagCode == null ? null : tags.get(tagCode));
  }

  /** Codes the group must carry, in table order. */
  public List<String> requiredCodes() {
    return requiredCodes;
  }

  /** The group with wire code {@code code}, empty for groups outside the profile. */
  public static Optional<TagGroup> fromCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }
}
