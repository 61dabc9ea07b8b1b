package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * An offer's price terms: tag group {@code pricing} on catalog and order items (worked message
 * {@code 02-on_search}). Prices are plain decimals in {@link #currency()}; each model needs its prices
 * ({@link PricingModel#requiredPrices()}). {@code currency} and {@code tax-rate} are not in the DESIGN.md §3 table;
 * the worked messages carry them.
 *
 * @param models how the offer charges, at least one, in wire order (equality ignores the order)
 * @param currency currency of the prices; null when not stated (the item's price states it then)
 * @param capacityPricePerKwhDay per kWh reserved per day; null when not stated; not negative
 * @param energyInPricePerKwh per kWh stored; null when not stated; not negative
 * @param energyOutPricePerKwh per kWh retrieved; null when not stated; not negative
 * @param fixedFee per contract; null when not stated; not negative
 * @param taxRate tax on the charges as a fraction in [0, 1]; null when not stated
 */
public record PricingTerms(Set<PricingModel> models, @Nullable Currency currency,
    @Nullable BigDecimal capacityPricePerKwhDay, @Nullable BigDecimal energyInPricePerKwh,
    @Nullable BigDecimal energyOutPricePerKwh, @Nullable BigDecimal fixedFee, @Nullable BigDecimal taxRate)
    implements TagView {
  /**
   * Validates and copies (keeping the order of {@code models}).
   *
   * @throws ProfileException (pointer {@code ""}, the group) when no model is given, a model lacks its price, a
   *     price is negative or the tax rate is not a fraction
   */
  public PricingTerms {
    models = Collections.unmodifiableSet(new LinkedHashSet<>(models));
    Wire.check(!models.isEmpty(), "", "pricing needs a model");
    Map<String, BigDecimal> prices = prices(capacityPricePerKwhDay, energyInPricePerKwh, energyOutPricePerKwh,
        fixedFee);
    for (PricingModel m : models) {
      for (String need : m.requiredPrices()) {
        Wire.check(prices.get(need) != null, "", "pricing model " + m.code() + " needs " + need);
      }
    }
    for (Map.Entry<String, BigDecimal> e : prices.entrySet()) {
      Wire.check(e.getValue() == null || e.getValue().signum() >= 0, "", e.getKey() + " must not be negative");
    }
    Wire.check(taxRate == null || taxRate.signum() >= 0 && taxRate.compareTo(BigDecimal.ONE) <= 0, "",
        "tax-rate must be a fraction in [0,1]");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static PricingTerms from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.PRICING, group, PricingTerms::read);
  }

  /**
   * Reads the first {@code pricing} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<PricingTerms> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.PRICING, PricingTerms::read);
  }

  private static PricingTerms read(TagReader r) {
    List<PricingModel> models = new ArrayList<>();
    for (String token : r.text("model").split("\\+")) {
      models.add(PricingModel.fromCode(token));
    }
    String c = r.text("currency");
    return new PricingTerms(new LinkedHashSet<>(models), c == null ? null : Money.currency(c),
        r.decimal("capacity-price-per-kwh-day"), r.decimal("energy-in-price-per-kwh"),
        r.decimal("energy-out-price-per-kwh"), r.decimal("fixed-fee"), r.decimal("tax-rate"));
  }

  @Override
  public TagGroup group() {
    return TagGroup.PRICING;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("model", models.stream().map(PricingModel::code).collect(Collectors.joining("+")));
    v.put("currency", currency == null ? null : currency.getCurrencyCode());
    prices(capacityPricePerKwhDay, energyInPricePerKwh, energyOutPricePerKwh, fixedFee)
        .forEach((code, price) -> v.put(code, price == null ? null : price.toPlainString()));
    v.put("tax-rate", taxRate == null ? null : taxRate.toPlainString());
    return ProfileTags.group(TagGroup.PRICING, v);
  }

  private static Map<String, BigDecimal> prices(@Nullable BigDecimal capacity, @Nullable BigDecimal in,
      @Nullable BigDecimal out, @Nullable BigDecimal fixed) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put("capacity-price-per-kwh-day", capacity);
    m.put("energy-in-price-per-kwh", in);
    m.put("energy-out-price-per-kwh", out);
    m.put("fixed-fee", fixed);
    return m;
  }
}
