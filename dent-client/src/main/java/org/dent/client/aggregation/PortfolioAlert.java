package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An alert about the portfolio as a whole ({@link PortfolioMonitor}).
 *
 * @param at when it was raised
 * @param code {@code SOC_HIGH}, {@code SOC_LOW} (the portfolio's capacity-weighted SoC crossed a threshold) or
 *     {@code LEG_STALE} (a leg's telemetry went stale)
 * @param threshold the threshold crossed; null for {@code LEG_STALE}
 * @param value the SoC that crossed it; null for {@code LEG_STALE}
 * @param orderId the stale leg; null for SoC alerts
 */
public record PortfolioAlert(Instant at, String code, @Nullable BigDecimal threshold, @Nullable BigDecimal value,
    @Nullable String orderId) {
  /** The portfolio's SoC rose to or above the high threshold. */
  public static final String SOC_HIGH = "SOC_HIGH";
  /** The portfolio's SoC fell to or below the low threshold. */
  public static final String SOC_LOW = "SOC_LOW";
  /** A leg's telemetry went stale. */
  public static final String LEG_STALE = "LEG_STALE";

  public PortfolioAlert {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(code, "code");
  }
}
