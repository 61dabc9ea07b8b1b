package org.dent.client.transport;

import java.time.Instant;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.signing.VerifiedSender;
import org.jspecify.annotations.Nullable;

/**
 * A message that passed every inbound check: signed by its sender over exactly {@code body}, valid against the
 * schema and the profile, addressed to us, fresh.
 *
 * @param message the typed message
 * @param signer who signed the {@code Authorization} header (equals the sender the context names)
 * @param gateway who signed {@code X-Gateway-Authorization}, when the message came through a gateway
 * @param body the exact bytes received
 * @param receivedAt when it arrived, by the pipeline's clock
 * @param authorization the {@code Authorization} header value as received (a gateway forwards it unchanged), or
 *     null when not kept; never logged
 */
public record InboundMessage(
    BecknMessage message, VerifiedSender signer, @Nullable VerifiedSender gateway, byte[] body, Instant receivedAt,
    @Nullable String authorization) {

  /** A message whose header value is not kept. */
  public InboundMessage(
      BecknMessage message, VerifiedSender signer, @Nullable VerifiedSender gateway, byte[] body, Instant receivedAt) {
    this(message, signer, gateway, body, receivedAt, null);
  }

  /** The message's action. */
  public Action action() {
    return message.action();
  }

  /** The message's context (never null after validation). */
  public Context context() {
    return message.context();
  }

  @Override
  public String toString() {
    Context c = message.context();
    return "InboundMessage[" + action().wireName() + " " + c.messageId() + " from " + signer.subscriberId() + "]";
  }
}
