package org.dent.core.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dent.core.units.QuantityException.Reason;

/**
 * The closed set of energy units: {@code Wh}, {@code kWh}, {@code MWh}. Input also accepts the aliases listed per
 * constant ({@code KWH}, {@code kWH}, {@code kwh} for kilowatt-hours); output always uses {@link #symbol()}.
 * Lower-case {@code m} is never read as mega: {@code mWh} (milliwatt-hours) is rejected, not guessed.
 */
public enum EnergyUnit {
  /** Watt-hour. Aliases {@code WH}, {@code wh}. */
  WH("Wh", 0, "WH", "wh"),
  /** Kilowatt-hour. Aliases {@code KWH}, {@code kWH}, {@code kwh}. */
  KWH("kWh", 3, "KWH", "kWH", "kwh"),
  /** Megawatt-hour. Alias {@code MWH}. */
  MWH("MWh", 6, "MWH");

  private static final Map<String, EnergyUnit> BY_SYMBOL = new HashMap<>();

  static {
    for (EnergyUnit u : values()) {
      BY_SYMBOL.put(u.symbol, u);
      for (String alias : u.aliases) {
        BY_SYMBOL.put(alias, u);
      }
    }
  }

  private final String symbol;
  private final int exponent;
  private final List<String> aliases;

  EnergyUnit(String symbol, int exponent, String... aliases) {
    this.symbol = symbol;
    this.exponent = exponent;
    this.aliases = List.of(aliases);
  }

  /** The canonical spelling written on the wire, e.g. {@code kWh}. */
  public String symbol() {
    return symbol;
  }

  /** Other spellings accepted on input. */
  public List<String> aliases() {
    return aliases;
  }

  /** Power of ten relative to the watt-hour: 0, 3 or 6. */
  public int exponent() {
    return exponent;
  }

  /** The power unit with the same prefix: {@code kWh} ↔ {@code kW}. */
  public PowerUnit powerUnit() {
    return switch (this) {
      case WH -> PowerUnit.W;
      case KWH -> PowerUnit.KW;
      case MWH -> PowerUnit.MW;
    };
  }

  /** Looks up a canonical symbol or alias; empty for anything else (including power units). */
  public static Optional<EnergyUnit> find(String symbol) {
    return Optional.ofNullable(symbol == null ? null : BY_SYMBOL.get(symbol));
  }

  /**
   * Reads a unit symbol.
   *
   * @throws QuantityException {@link Reason#ENERGY_IN_POWER_UNIT} for a power unit, {@link Reason#UNKNOWN_UNIT}
   *     for anything else outside the closed set
   */
  public static EnergyUnit parse(String symbol) {
    EnergyUnit unit = symbol == null ? null : BY_SYMBOL.get(symbol);
    if (unit != null) {
      return unit;
    }
    if (PowerUnit.find(symbol).isPresent()) {
      throw new QuantityException(Reason.ENERGY_IN_POWER_UNIT, symbol,
          "an energy written in a power unit: " + QuantityException.quote(symbol));
    }
    throw new QuantityException(Reason.UNKNOWN_UNIT, symbol,
        "unit outside the closed set (Wh, kWh, MWh): " + QuantityException.quote(symbol));
  }
}
