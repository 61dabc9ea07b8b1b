package org.dent.core.profile.view;

import java.util.Arrays;

/** What happens to energy still stored when a contract ends (tag {@code settlement.residual-policy}). */
public enum ResidualPolicy {
  /** The operator discharges it to the BAP; {@code "forced-discharge"}. */
  FORCED_DISCHARGE("forced-discharge"),
  /** The operator buys it at {@code buy-back-price-per-kwh}; {@code "buy-back"}. */
  BUY_BACK("buy-back");

  private final String code;

  ResidualPolicy(String code) {
    this.code = code;
  }

  /** The wire value. */
  public String code() {
    return code;
  }

  /**
   * The policy with wire value {@code code}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static ResidualPolicy fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("residual-policy is forced-discharge or buy-back: " + code));
  }
}
