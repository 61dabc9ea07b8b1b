package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * How much of the fleet is sold at one instant: per asset, its usable capacity, the energy reserved by live
 * contracts at that instant, the energy stored for them (as of the last simulation step) and its status.
 *
 * @param at the instant (operator clock)
 * @param assets one entry per asset in service or faulted
 */
public record FleetUtilisation(Instant at, List<Asset> assets) {
  public FleetUtilisation {
    assets = List.copyOf(assets);
  }

  /** Whether an asset is sold. */
  public enum Status {
    /** Listed: offered by search, quotable. */
    IN_SERVICE,
    /** Marked faulted: not offered, its contracts were cancelled by the provider. */
    FAULTED
  }

  /**
   * One asset.
   *
   * @param assetId the asset
   * @param status in service or faulted
   * @param usableKwh usable capacity
   * @param reservedKwh reserved by live contracts at {@code at}
   * @param storedKwh stored for live contracts
   * @param liveContracts contracts not yet ended
   */
  public record Asset(String assetId, Status status, BigDecimal usableKwh, BigDecimal reservedKwh,
      BigDecimal storedKwh, int liveContracts) {
    /** reserved ÷ usable, 4 decimals (0 for an asset without usable capacity). */
    public BigDecimal utilisation() {
      return usableKwh.signum() == 0 ? BigDecimal.ZERO : reservedKwh.divide(usableKwh, 4, RoundingMode.HALF_UP);
    }
  }

  /** Reserved ÷ usable over the assets in service, 4 decimals. */
  public BigDecimal utilisation() {
    BigDecimal usable = BigDecimal.ZERO;
    BigDecimal reserved = BigDecimal.ZERO;
    for (Asset a : assets) {
      if (a.status() == Status.IN_SERVICE) {
        usable = usable.add(a.usableKwh());
        reserved = reserved.add(a.reservedKwh());
      }
    }
    return usable.signum() == 0 ? BigDecimal.ZERO : reserved.divide(usable, 4, RoundingMode.HALF_UP);
  }
}
