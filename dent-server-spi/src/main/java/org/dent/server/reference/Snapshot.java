package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.Settlement;
import org.dent.core.profile.view.StorageState;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.profile.view.TransferSchedule;
import org.dent.core.units.StateOfCharge;
import org.jspecify.annotations.Nullable;

/**
 * An immutable reading of one contract, taken under its asset's lock and turned into a wire order outside it. Each
 * snapshot has its own {@code seq} (monotonic per contract).
 *
 * @param orderId the order id
 * @param bapId the BAP that confirmed it
 * @param transactionId its transaction
 * @param terms the terms now
 * @param state fulfillment state
 * @param storedKwh stored energy, exact (scale 9)
 * @param powerKw signed power now, + charging
 * @param seq telemetry sequence number
 * @param measuredAt when the reading holds
 * @param createdAt when the order was confirmed
 * @param updatedAt when the order last changed
 * @param schedule the accepted or running transfer, or null
 * @param receipt a transfer receipt this reading reports, or null
 * @param alert an alert this reading reports, or null
 * @param bill the estimate while live, the final bill once ended
 * @param settlement the residual settlement once ended, else null
 * @param cancelledAt when a cancel was accepted, else null
 * @param cancelReasonId the BAP's cancellation reason id, or null
 * @param meters the cumulative meters
 */
record Snapshot(String orderId, String bapId, String transactionId, Terms terms, StorageState state,
    BigDecimal storedKwh, BigDecimal powerKw, long seq, Instant measuredAt, Instant createdAt, Instant updatedAt,
    @Nullable TransferSchedule schedule, @Nullable Receipt receipt, @Nullable Alert alert, Bill bill,
    @Nullable Settlement settlement, @Nullable Instant cancelledAt, @Nullable String cancelReasonId, Meters meters) {

  /** {@code ACTIVE}, {@code COMPLETE} or {@code CANCELLED}. */
  String status() {
    return switch (state) {
      case COMPLETED -> "COMPLETE";
      case CANCELLED -> "CANCELLED";
      default -> "ACTIVE";
    };
  }

  /** The reading as tag group {@code storage-telemetry}: energies to the Wh, soc to 4 decimals. */
  Telemetry telemetry() {
    BigDecimal soc = storedKwh.divide(terms.energyKwh(), 4, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
    return new Telemetry(WireText.energy(storedKwh),
        WireText.energy(storedKwh.multiply(terms.asset().sqrtEfficiency())), StateOfCharge.of(soc),
        WireText.power(powerKw), seq, measuredAt);
  }
}
