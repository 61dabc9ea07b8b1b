package org.dent.server.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.dent.core.profile.view.Bill;

/**
 * A priced offer of one transaction ({@code on_select}/{@code on_init}) with its wire {@code ttl}, confirmable
 * until {@code expiresAt} on the operator's clock (the ttl is wall time, so under a time scale it lasts ttl × scale
 * of simulated time). Nothing is reserved by a quote: {@code confirm} checks the capacity again.
 */
record Quote(String bapId, String transactionId, Terms terms, Bill estimate, Duration ttl, Instant expiresAt) {
  Quote {
    Objects.requireNonNull(bapId, "bapId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(estimate, "estimate");
  }

  String key() {
    return key(bapId, transactionId);
  }

  static String key(String bapId, String transactionId) {
    return bapId + '|' + transactionId;
  }
}
