package org.dent.server.spi;

import java.time.Instant;
import java.util.Objects;
import org.dent.core.model.Action;
import org.dent.core.model.Context;

/**
 * What an operator's handler knows about the request it serves, besides the typed message.
 *
 * @param action the request's action
 * @param transactionId the transaction it belongs to
 * @param messageId its message id (the callback carries the same)
 * @param bapId the BAP that sent it; its signature was verified
 * @param deadline when the request's ttl ends: a callback produced after it is never sent (an error callback is
 *     sent at the deadline instead)
 * @param context the whole request context
 */
public record RequestContext(
    Action action, String transactionId, String messageId, String bapId, Instant deadline, Context context) {
  public RequestContext {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(bapId, "bapId");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(context, "context");
  }
}
