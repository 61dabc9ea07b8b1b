package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;

/**
 * How energy still stored at the end of a contract is settled: tag group {@code settlement} on the order of an
 * {@code on_cancel} or of the final {@code on_status} (worked message {@code 15-on_cancel}).
 *
 * @param residualEnergy energy stored when the contract ended, not negative
 * @param policy forced discharge or buy-back
 * @param buyBackPricePerKwh what the operator pays per kWh bought back; required with {@link ResidualPolicy#BUY_BACK},
 *     null or any non-negative value otherwise
 */
public record Settlement(Energy residualEnergy, ResidualPolicy policy, @Nullable BigDecimal buyBackPricePerKwh)
    implements TagView {
  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) when a value is negative or a buy-back has no price
   */
  public Settlement {
    Objects.requireNonNull(residualEnergy, "residualEnergy");
    Objects.requireNonNull(policy, "policy");
    Wire.check(!residualEnergy.isNegative(), "", "residual-energy must not be negative");
    Wire.check(policy != ResidualPolicy.BUY_BACK || buyBackPricePerKwh != null, "",
        "residual-policy buy-back needs buy-back-price-per-kwh");
    Wire.check(buyBackPricePerKwh == null || buyBackPricePerKwh.signum() >= 0, "",
        "buy-back-price-per-kwh must not be negative");
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static Settlement from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.SETTLEMENT, group, Settlement::read);
  }

  /**
   * Reads the first {@code settlement} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<Settlement> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.SETTLEMENT, Settlement::read);
  }

  private static Settlement read(TagReader r) {
    return new Settlement(r.energy("residual-energy"), ResidualPolicy.fromCode(r.text("residual-policy")),
        r.decimal("buy-back-price-per-kwh"));
  }

  /**
   * The {@code buy-back-credit} this settlement earns the BAP: minus residual kWh × price, exact (round it with
   * {@link Money#rounded()} for a bill line); zero under forced discharge.
   */
  public Money buyBackCredit(Currency currency) {
    if (policy != ResidualPolicy.BUY_BACK) {
      return Money.zero(currency);
    }
    return Money.of(residualEnergy.in(EnergyUnit.KWH).multiply(buyBackPricePerKwh), currency).negate();
  }

  @Override
  public TagGroup group() {
    return TagGroup.SETTLEMENT;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("residual-energy", residualEnergy.format());
    v.put("residual-policy", policy.code());
    v.put("buy-back-price-per-kwh", buyBackPricePerKwh == null ? null : buyBackPricePerKwh.toPlainString());
    return ProfileTags.group(TagGroup.SETTLEMENT, v);
  }
}
