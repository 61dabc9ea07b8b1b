package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An immutable reading of one contract, taken under its asset's lock and turned into a wire order outside it. Each
 * snapshot has its own {@code seq} (monotonic per contract).
 *
 * @param orderId the order id
 * @param bapId the BAP that confirmed it
 * @param transactionId its transaction
 * @param terms the terms now
 * @param phase fulfillment state
 * @param storedKwh stored energy, exact (scale 9)
 * @param powerKw signed power now, + charging
 * @param seq telemetry sequence number
 * @param measuredAt when the reading holds
 * @param createdAt when the order was confirmed
 * @param updatedAt when the order last changed
 * @param schedule the accepted or running transfer, or null
 * @param receipt a transfer receipt this reading reports, or null
 * @param alert an alert this reading reports, or null
 * @param invoice the estimate while live, the final bill once ended
 * @param settlement the residual settlement once ended, else null
 * @param cancelledAt when a cancel was accepted, else null
 * @param cancelReasonId the BAP's cancellation reason id, or null
 * @param meters the cumulative meters
 */
record Snapshot(String orderId, String bapId, String transactionId, Terms terms, Phase phase, BigDecimal storedKwh,
    BigDecimal powerKw, long seq, Instant measuredAt, Instant createdAt, Instant updatedAt,
    Transfer.@Nullable Schedule schedule, Events.@Nullable Receipt receipt, Events.@Nullable Alert alert,
    Invoice invoice, Events.@Nullable Settlement settlement, @Nullable Instant cancelledAt,
    @Nullable String cancelReasonId, Events.Meters meters) {

  /** {@code ACTIVE}, {@code COMPLETE} or {@code CANCELLED}. */
  String status() {
    return switch (phase) {
      case COMPLETED -> "COMPLETE";
      case CANCELLED -> "CANCELLED";
      default -> "ACTIVE";
    };
  }

  /** What a discharge could deliver now: stored × √efficiency. */
  BigDecimal withdrawableKwh() {
    return storedKwh.multiply(terms.asset().sqrtEfficiency());
  }

  /** The same reading carrying an event. */
  Snapshot with(Events.@Nullable Receipt r, Events.@Nullable Alert a) {
    return new Snapshot(orderId, bapId, transactionId, terms, phase, storedKwh, powerKw, seq, measuredAt, createdAt,
        updatedAt, schedule, r, a, invoice, settlement, cancelledAt, cancelReasonId, meters);
  }
}
