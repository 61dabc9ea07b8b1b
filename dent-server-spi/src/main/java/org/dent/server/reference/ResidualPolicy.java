package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to energy still stored when a contract ends (window end or cancellation); shown in tag group
 * {@code settlement}. {@link Kind#BUY_BACK}: the operator keeps the energy and credits {@code residual kWh ×
 * buyBackPricePerKwh} on the bill ({@code buy-back-credit}, negative, untaxed). {@link Kind#FORCED_DISCHARGE}: the
 * operator discharges the residual to the contract's connection at termination; it is metered as energy out (at
 * √efficiency, like any discharge) and billed at the {@code energy-out} price when the tariff has throughput.
 *
 * @param kind the policy
 * @param buyBackPricePerKwh the credit per stored kWh, required with {@link Kind#BUY_BACK}, null otherwise
 */
public record ResidualPolicy(Kind kind, @Nullable BigDecimal buyBackPricePerKwh) {
  /** The two policies of the profile. */
  public enum Kind {
    /** Credit the residual energy at a price per kWh. */
    BUY_BACK("buy-back"),
    /** Discharge the residual energy to the customer at termination. */
    FORCED_DISCHARGE("forced-discharge");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    /** The {@code residual-policy} tag value. */
    public String token() {
      return token;
    }

    /** The kind of a token. @throws IllegalArgumentException for unknown tokens */
    public static Kind of(String token) {
      for (Kind k : values()) {
        if (k.token.equals(token)) {
          return k;
        }
      }
      throw new IllegalArgumentException("residual-policy is buy-back or forced-discharge, not " + token);
    }
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a buy-back has no price (or a negative one)
   */
  public ResidualPolicy {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.BUY_BACK && (buyBackPricePerKwh == null || buyBackPricePerKwh.signum() < 0)) {
      throw new IllegalArgumentException("buy-back needs a buy-back-price-per-kwh >= 0");
    }
    if (kind == Kind.FORCED_DISCHARGE) {
      buyBackPricePerKwh = null;
    }
  }

  /** Buy-back at {@code pricePerKwh}. */
  public static ResidualPolicy buyBack(BigDecimal pricePerKwh) {
    return new ResidualPolicy(Kind.BUY_BACK, pricePerKwh);
  }

  /** Forced discharge. */
  public static ResidualPolicy forcedDischarge() {
    return new ResidualPolicy(Kind.FORCED_DISCHARGE, null);
  }
}
