package org.dent.core.profile;

/**
 * What a profile tag's {@code value} string holds. Each kind has one reading rule, applied by the
 * {@link StorageProfileValidator} and by typed views of tag groups.
 */
public enum TagKind {
  /** {@code "<decimal> <unit>"} with an energy unit ({@code Wh kWh MWh}), e.g. {@code "50 kWh"}. */
  ENERGY,
  /** {@code "<decimal> <unit>"} with a power unit ({@code W kW MW}), e.g. {@code "20 kW"}. */
  POWER,
  /** A plain decimal (a fraction, a count) or an energy or power with its unit; used where either may appear. */
  QUANTITY,
  /** A decimal in {@code [0, 1]}: a state of charge, a rate, a threshold. Not a percentage. */
  FRACTION,
  /** A decimal in {@code (0, 1]}: an efficiency. */
  EFFICIENCY,
  /** A positive ISO 8601 duration, e.g. {@code PT15M}. */
  DURATION,
  /** An RFC 3339 timestamp in UTC, e.g. {@code 2026-12-01T10:00:00Z}. */
  DATETIME,
  /** A plain decimal. */
  DECIMAL,
  /** A plain decimal amount of money (the currency is stated elsewhere), e.g. {@code "0.50"}. */
  MONEY,
  /** An ISO 4217 currency code, e.g. {@code INR}. */
  CURRENCY,
  /** One of a fixed set of values. */
  ENUM,
  /** One or more of a fixed set of values joined by {@code +}, each at most once, e.g. {@code capacity-time+fixed}. */
  ENUM_SET,
  /** An upper-case code such as {@code SOC_HIGH}; the known ones are listed but others may appear. */
  CODE,
  /** A non-negative whole number in plain digits, e.g. a sequence number. */
  INTEGER,
  /** Free text. */
  TEXT
}
