package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;

/**
 * One storage asset of a {@link Fleet}: its physics (tag group {@code storage-spec}), its terms ({@link Tariff},
 * {@link CancellationPolicy}, {@link ResidualPolicy}) and its {@link Site}. Immutable.
 *
 * <p>Usable capacity is {@code capacity × (maxSoc − minSoc)}: reservations on the asset never add up to more at any
 * instant. Energy charged is stored at {@link #sqrtEfficiency()} and withdrawn at the same factor, so a full
 * cycle keeps {@code roundTripEfficiency}.
 *
 * @param id item id in the catalog
 * @param name display name
 * @param technology e.g. {@code LFP}
 * @param site where it stands
 * @param capacity nameplate energy, positive
 * @param maxChargePower charge rating, positive
 * @param maxDischargePower discharge rating, positive
 * @param roundTripEfficiency in (0,1]
 * @param selfDischargePerDay fraction of the stored energy lost per day while holding, in [0,1]
 * @param minSoc lowest state of charge of the asset, fraction of capacity
 * @param maxSoc highest state of charge of the asset, fraction of capacity, above {@code minSoc}
 * @param slotGranularity windows and transfer starts fall on multiples of it (from the epoch)
 * @param tariff price terms
 * @param cancellation cancellation terms
 * @param residual what happens to stored energy when a contract ends
 */
public record AssetSpec(String id, String name, String technology, Site site, Energy capacity, Power maxChargePower,
    Power maxDischargePower, BigDecimal roundTripEfficiency, BigDecimal selfDischargePerDay, BigDecimal minSoc,
    BigDecimal maxSoc, Duration slotGranularity, Tariff tariff, CancellationPolicy cancellation,
    ResidualPolicy residual) {

  /** Precision of {@link #sqrtEfficiency()}. */
  static final MathContext SQRT_PRECISION = new MathContext(20);

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public AssetSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(residual, "residual");
    require(capacity != null && capacity.isPositive(), "capacity must be positive");
    require(maxChargePower != null && maxChargePower.isPositive(), "max-charge-power must be positive");
    require(maxDischargePower != null && maxDischargePower.isPositive(), "max-discharge-power must be positive");
    require(roundTripEfficiency != null && roundTripEfficiency.signum() > 0
        && roundTripEfficiency.compareTo(BigDecimal.ONE) <= 0, "round-trip-efficiency must be in (0,1]");
    require(fraction(selfDischargePerDay), "self-discharge-per-day must be in [0,1]");
    require(fraction(minSoc) && fraction(maxSoc) && minSoc.compareTo(maxSoc) < 0,
        "min-soc and max-soc are fractions with min-soc < max-soc");
    require(slotGranularity != null && !slotGranularity.isNegative() && !slotGranularity.isZero(),
        "slot-granularity must be positive");
  }

  /** {@code capacity × (maxSoc − minSoc)}: the most energy all contracts together may reserve at one instant. */
  public Energy usableCapacity() {
    return capacity.times(maxSoc.subtract(minSoc));
  }

  /** Usable capacity in kWh. */
  public BigDecimal usableKwh() {
    return usableCapacity().in(EnergyUnit.KWH);
  }

  /** √(round-trip efficiency), 20 significant digits: the one-way factor of charging and of discharging. */
  public BigDecimal sqrtEfficiency() {
    return roundTripEfficiency.sqrt(SQRT_PRECISION);
  }

  /** Charge rating in kW. */
  public BigDecimal maxChargeKw() {
    return maxChargePower.in(PowerUnit.KW);
  }

  /** Discharge rating in kW. */
  public BigDecimal maxDischargeKw() {
    return maxDischargePower.in(PowerUnit.KW);
  }

  private static boolean fraction(BigDecimal v) {
    return v != null && v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
