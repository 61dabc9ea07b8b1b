package org.dent.client.aggregation;

import java.util.Objects;
import org.dent.client.bap.BppTarget;
import org.dent.core.model.Order;
import org.jspecify.annotations.Nullable;

/**
 * A leg the saga could not settle because its BPP stopped answering: a confirm whose outcome is unknown (the BPP
 * may have reserved), or a confirmed leg whose cancel failed. Kept with what is needed to settle it once the BPP
 * is back ({@link Aggregator#resolve}), so no reservation is orphaned silently.
 *
 * @param offer the leg's offer
 * @param target the BPP and the leg's own transaction
 * @param orderId the order id when it is known (a cancel failed); null when the confirm went unanswered
 * @param confirmOrder the order as confirmed, to ask again in the same transaction; null when the id is known
 */
public record InDoubtLeg(PortfolioOffer offer, BppTarget target, @Nullable String orderId,
    @Nullable Order confirmOrder) {
  public InDoubtLeg {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(target, "target");
    if (orderId == null && confirmOrder == null) {
      throw new IllegalArgumentException("an in-doubt leg has its order id or the order to confirm again");
    }
  }
}
