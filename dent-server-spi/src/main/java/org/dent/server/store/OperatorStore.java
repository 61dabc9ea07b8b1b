package org.dent.server.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where the reference operator keeps its contracts (and with them the reservation ledger) and quotes.
 *
 * <p>Every change of an asset's contracts happens in {@link #inAsset}: the store holds the asset's lock for every
 * process sharing it (a row lock in a database) and runs the body in one transaction, so two BPP instances on
 * one store can never both book the last capacity. {@link AssetSession#version()} tells an instance whether
 * someone else changed the asset since it last looked; {@link AssetSession#save} re-checks capacity itself.
 *
 * <p>Implementations are thread-safe.
 */
public interface OperatorStore {

  /**
   * Runs {@code body} holding the lock of {@code assetId}, in one transaction: all of its writes or none.
   *
   * @param usableKwh the asset's usable capacity, which {@link AssetSession#save} enforces
   * @throws StoreException when the store fails; a {@link RuntimeException} of the body is rethrown as it is
   */
  <T> T inAsset(String assetId, BigDecimal usableKwh, Function<AssetSession, T> body);

  /** The contract {@code orderId}, live or ended, or null. */
  @Nullable ContractRecord contract(String orderId);

  /** The order confirmed in a BAP's transaction, or null. */
  @Nullable String confirmedOrder(String bapId, String transactionId);

  /** Stores the latest quote of its transaction (replacing any earlier one). */
  void putQuote(QuoteRecord quote);

  /** The latest quote of a transaction, or null. */
  @Nullable QuoteRecord quote(String bapId, String transactionId);

  /** Drops quotes whose {@code purgeAt} is before {@code now}. */
  void purgeQuotes(Instant now);

  /**
   * Whether other processes may change this store: then an operator visits every asset when it steps its
   * simulation, not only those it knows to hold live contracts.
   */
  default boolean shared() {
    return false;
  }

  /** What {@link #inAsset} gives its body. Valid only inside it. */
  interface AssetSession {
    /** The asset's version as stored: it changes with every write of its contracts by anyone. */
    long version();

    /** The asset's live contracts. */
    List<ContractRecord> liveContracts();

    /** The contract {@code orderId}, or null. */
    @Nullable ContractRecord contract(String orderId);

    /**
     * The asset's contracts (live or ended) written since the asset was at {@code version}: what another instance
     * changed since this one last looked, so that it need not read every live contract again.
     */
    List<ContractRecord> changedSince(long version);

    /** The order confirmed in a BAP's transaction, or null. */
    @Nullable String confirmedOrder(String bapId, String transactionId);

    /**
     * Inserts or replaces a contract. When its reservation changed, the live reservations of the asset, this one
     * included, must fit the usable capacity at every instant of its window.
     *
     * @param reservationChanged whether window, energy or liveness differ from what was stored
     * @throws org.dent.server.spi.BusinessException {@code 40002} when they would not fit; nothing is written
     */
    void save(ContractRecord contract, boolean reservationChanged);
  }
}
