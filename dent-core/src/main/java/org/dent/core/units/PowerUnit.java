package org.dent.core.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dent.core.units.QuantityException.Reason;

/**
 * The closed set of power units: {@code W}, {@code kW}, {@code MW}. Input also accepts the aliases listed per
 * constant; output always uses {@link #symbol()}. Lower-case {@code mW} (milliwatts) is rejected, not guessed.
 */
public enum PowerUnit {
  /** Watt. No aliases. */
  W("W", 0),
  /** Kilowatt. Aliases {@code KW}, {@code kw}. */
  KW("kW", 3, "KW", "kw"),
  /** Megawatt. No aliases. */
  MW("MW", 6);

  private static final Map<String, PowerUnit> BY_SYMBOL = new HashMap<>();

  static {
    for (PowerUnit u : values()) {
      BY_SYMBOL.put(u.symbol, u);
      for (String alias : u.aliases) {
        BY_SYMBOL.put(alias, u);
      }
    }
  }

  private final String symbol;
  private final int exponent;
  private final List<String> aliases;

  PowerUnit(String symbol, int exponent, String... aliases) {
    this.symbol = symbol;
    this.exponent = exponent;
    this.aliases = List.of(aliases);
  }

  /** The canonical spelling written on the wire, e.g. {@code kW}. */
  public String symbol() {
    return symbol;
  }

  /** Other spellings accepted on input. */
  public List<String> aliases() {
    return aliases;
  }

  /** Power of ten relative to the watt: 0, 3 or 6. */
  public int exponent() {
    return exponent;
  }

  /** The energy unit with the same prefix: {@code kW} ↔ {@code kWh}. */
  public EnergyUnit energyUnit() {
    return switch (this) {
      case W -> EnergyUnit.WH;
      case KW -> EnergyUnit.KWH;
      case MW -> EnergyUnit.MWH;
    };
  }

  /** Looks up a canonical symbol or alias; empty for anything else (including energy units). */
  public static Optional<PowerUnit> find(String symbol) {
    return Optional.ofNullable(symbol == null ? null : BY_SYMBOL.get(symbol));
  }

  /**
   * Reads a unit symbol.
   *
   * @throws QuantityException {@link Reason#POWER_IN_ENERGY_UNIT} for an energy unit, {@link Reason#UNKNOWN_UNIT}
   *     for anything else outside the closed set
   */
  public static PowerUnit parse(String symbol) {
    PowerUnit unit = symbol == null ? null : BY_SYMBOL.get(symbol);
    if (unit != null) {
      return unit;
    }
    if (EnergyUnit.find(symbol).isPresent()) {
      throw new QuantityException(Reason.POWER_IN_ENERGY_UNIT, symbol,
          "a power written in an energy unit: " + QuantityException.quote(symbol));
    }
    throw new QuantityException(Reason.UNKNOWN_UNIT, symbol,
        "unit outside the closed set (W, kW, MW): " + QuantityException.quote(symbol));
  }
}
