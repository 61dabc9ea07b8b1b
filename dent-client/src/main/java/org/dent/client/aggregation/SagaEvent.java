package org.dent.client.aggregation;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of the reservation saga, for the journal a {@link Portfolio} (or an {@link AggregationException})
 * carries: what happened to which leg and why.
 *
 * @param at when, by the aggregator's clock
 * @param kind what happened
 * @param offerKey the leg's offer ({@link PortfolioOffer#key()}); null for portfolio-wide events
 * @param orderId the order a confirm created or a cancel released; null otherwise
 * @param code the Beckn error code of a failure, when there is one
 * @param detail a sentence for people
 */
public record SagaEvent(Instant at, Kind kind, @Nullable String offerKey, @Nullable String orderId,
    @Nullable String code, String detail) {
  public SagaEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** The kinds of saga step. */
  public enum Kind {
    /** A plan (first or re-plan) was made. */
    PLANNED,
    /** A BPP granted less than asked at select; the offer's free energy is lowered to the grant and re-planned. */
    PARTIAL_GRANT,
    /** A leg was quoted in full and its terms accepted ({@code select} and {@code init} done); confirm is next. */
    QUOTED,
    /** A leg failed (NACK, error callback, timeout, BPP unreachable); its offer is dropped. */
    LEG_FAILED,
    /** A leg was confirmed. */
    CONFIRMED,
    /** A confirmed leg was cancelled to leave nothing reserved. */
    RELEASED,
    /** A confirmed leg could not be cancelled, or a confirm's outcome is unknown. */
    IN_DOUBT,
    /** The portfolio is complete. */
    COMPLETED,
    /** The saga gave up. */
    ABORTED
  }
}
