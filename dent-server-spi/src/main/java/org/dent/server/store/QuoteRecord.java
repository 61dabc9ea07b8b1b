package org.dent.server.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The latest quote of one transaction as stored ({@code select}/{@code init}); nothing is reserved by it.
 *
 * @param bapId the BAP it was made for
 * @param transactionId its transaction
 * @param purgeAt when a store may drop it
 * @param state the quote without personal data, JSON
 * @param personal billing and payments, JSON, or null
 */
public record QuoteRecord(String bapId, String transactionId, Instant purgeAt, String state,
    @Nullable String personal) {

  public QuoteRecord {
    Objects.requireNonNull(bapId, "bapId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(purgeAt, "purgeAt");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public String toString() {
    return "QuoteRecord[" + bapId + ", " + transactionId + "]";
  }
}
