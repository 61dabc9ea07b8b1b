package org.dent.core.profile.view;

import java.util.Arrays;
import java.util.List;

/** One way an offer charges (tag {@code pricing.model}, several joined by {@code +}) and the prices it needs. */
public enum PricingModel {
  /** Per kWh reserved per day; needs {@code capacity-price-per-kwh-day}. */
  CAPACITY_TIME("capacity-time", List.of("capacity-price-per-kwh-day")),
  /** Per kWh moved; needs {@code energy-in-price-per-kwh} and {@code energy-out-price-per-kwh}. */
  ENERGY_THROUGHPUT("energy-throughput", List.of("energy-in-price-per-kwh", "energy-out-price-per-kwh")),
  /** A fixed fee per contract; needs {@code fixed-fee}. */
  FIXED("fixed", List.of("fixed-fee"));

  private final String code;
  private final List<String> requiredPrices;

  PricingModel(String code, List<String> requiredPrices) {
    this.code = code;
    this.requiredPrices = requiredPrices;
  }

  /** The wire token. */
  public String code() {
    return code;
  }

  /** The {@code pricing} codes this model needs. */
  public List<String> requiredPrices() {
    return requiredPrices;
  }

  /**
   * The model with wire token {@code code}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static PricingModel fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("pricing model is capacity-time, energy-throughput or fixed: " + code));
  }
}
