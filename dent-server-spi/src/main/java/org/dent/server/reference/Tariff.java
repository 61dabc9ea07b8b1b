package org.dent.server.reference;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An asset's price terms (tag group {@code pricing}): which components the price has, the price of each, the
 * currency and the tax rate. Prices of components outside the {@link #model()} are ignored and may be zero.
 *
 * @param model the components charged, never empty
 * @param currency ISO 4217 currency of every price
 * @param capacityPricePerKwhDay price of holding one kWh of reserved energy for one day ({@code capacity-time})
 * @param energyInPricePerKwh price per kWh metered into storage ({@code energy-throughput})
 * @param energyOutPricePerKwh price per kWh metered out of storage ({@code energy-throughput})
 * @param fixedFee a fee per contract ({@code fixed})
 * @param taxRate tax on the charges (never on credits), a fraction in [0,1]
 */
public record Tariff(Set<Component> model, Currency currency, BigDecimal capacityPricePerKwhDay,
    BigDecimal energyInPricePerKwh, BigDecimal energyOutPricePerKwh, BigDecimal fixedFee, BigDecimal taxRate) {

  /** A price component; its wire token is {@link #token()}. */
  public enum Component {
    /** Reserved kWh × days × {@code capacity-price-per-kwh-day}. */
    CAPACITY_TIME("capacity-time"),
    /** Metered kWh in and out × their prices. */
    ENERGY_THROUGHPUT("energy-throughput"),
    /** One {@code fixed-fee} per contract. */
    FIXED("fixed");

    private final String token;

    Component(String token) {
      this.token = token;
    }

    /** The token in the {@code model} tag. */
    public String token() {
      return token;
    }

    /** The component of a token. @throws IllegalArgumentException for unknown tokens */
    public static Component of(String token) {
      for (Component c : values()) {
        if (c.token.equals(token)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown pricing model token: " + token);
    }
  }

  /**
   * Validates: a non-empty model, prices not negative, tax rate a fraction.
   *
   * @throws IllegalArgumentException otherwise
   */
  public Tariff {
    Objects.requireNonNull(currency, "currency");
    if (model == null || model.isEmpty()) {
      throw new IllegalArgumentException("a pricing model names at least one component");
    }
    model = Set.copyOf(EnumSet.copyOf(model));
    requireNonNegative(capacityPricePerKwhDay, "capacity-price-per-kwh-day");
    requireNonNegative(energyInPricePerKwh, "energy-in-price-per-kwh");
    requireNonNegative(energyOutPricePerKwh, "energy-out-price-per-kwh");
    requireNonNegative(fixedFee, "fixed-fee");
    requireNonNegative(taxRate, "tax-rate");
    if (taxRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("tax-rate is a fraction in [0,1]: " + taxRate);
    }
  }

  /** Reads a {@code +}-joined model such as {@code capacity-time+energy-throughput+fixed}. */
  public static Set<Component> parseModel(String text) {
    return Arrays.stream(text.trim().split("\\+")).map(s -> Component.of(s.trim().toLowerCase(Locale.ROOT)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Component.class)));
  }

  /** Whether the price has {@code component}. */
  public boolean has(Component component) {
    return model.contains(component);
  }

  /** The {@code model} tag value, components in table order, e.g. {@code capacity-time+energy-throughput+fixed}. */
  public String modelText() {
    return EnumSet.copyOf(model).stream().map(Component::token).collect(Collectors.joining("+"));
  }

  private static void requireNonNegative(BigDecimal value, String name) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be a decimal >= 0, not " + value);
    }
  }
}
