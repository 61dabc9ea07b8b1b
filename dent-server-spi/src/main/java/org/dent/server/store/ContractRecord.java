package org.dent.server.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One confirmed order as stored: the columns a store needs to enforce capacity and find orders (asset, window,
 * reserved energy, whether the reservation is live), the rest of the contract's state as an opaque JSON document,
 * and the personal data (billing party, payment terms) as a separate JSON document a store may encrypt.
 *
 * @param orderId the order id
 * @param bapId the BAP that confirmed it
 * @param transactionId its transaction (one order per BAP and transaction)
 * @param assetId the asset it reserves
 * @param windowStart start of the reserved window (inclusive)
 * @param windowEnd end of the reserved window (exclusive)
 * @param reservedKwh reserved energy in kWh
 * @param live whether the reservation still holds (false once completed or cancelled)
 * @param createdAt when it was confirmed
 * @param state the contract's physics, meters and bill, JSON, no personal data
 * @param personal billing and payments, JSON, or null when there are none
 */
public record ContractRecord(String orderId, String bapId, String transactionId, String assetId,
    Instant windowStart, Instant windowEnd, BigDecimal reservedKwh, boolean live, Instant createdAt, String state,
    @Nullable String personal) {

  public ContractRecord {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(bapId, "bapId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(reservedKwh, "reservedKwh");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
  }

  /** Whether this record reserves something different from {@code other} (window, energy or liveness). */
  public boolean reservationDiffers(@Nullable ContractRecord other) {
    return other == null || live != other.live || !windowStart.equals(other.windowStart)
        || !windowEnd.equals(other.windowEnd) || reservedKwh.compareTo(other.reservedKwh) != 0;
  }

  /** Never prints the state or personal documents. */
  @Override
  public String toString() {
    return "ContractRecord[" + orderId + ", " + assetId + ", " + reservedKwh.toPlainString() + " kWh, "
        + windowStart + "/" + windowEnd + (live ? ", live" : ", ended") + "]";
  }
}
