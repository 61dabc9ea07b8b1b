package org.dent.server.engine;

import org.dent.core.model.BecknMessage;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.Rating;
import org.dent.core.model.RatingRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order an order-scoped request names, if any, and the JSON pointer where it names it: the pointer of the
 * engine's own {@code 30010} must be the one an operator gives for an unknown id, or the answer would tell them
 * apart.
 */
final class OrderIds {
  private OrderIds() {}

  /** An order id and where the request holds it. */
  record Named(String id, String pointer) {}

  static @Nullable String of(BecknMessage request) {
    Named n = named(request);
    return n == null ? null : n.id();
  }

  static @Nullable Named named(BecknMessage request) {
    if (request instanceof StatusRequest r && r.message() != null) {
      return named(r.message().orderId(), "/message/order_id");
    }
    if (request instanceof TrackRequest r && r.message() != null) {
      return named(r.message().orderId(), "/message/order_id");
    }
    if (request instanceof CancelRequest r && r.message() != null) {
      return named(r.message().orderId(), "/message/order_id");
    }
    if (request instanceof UpdateRequest r && r.message() != null && r.message().order() != null) {
      return named(r.message().order().id(), "/message/order/id");
    }
    if (request instanceof SupportRequest r && r.message() != null && r.message().support() != null) {
      return named(r.message().support().refId(), "/message/support/ref_id");
    }
    if (request instanceof RatingRequest r && r.message() != null && r.message().ratings() != null) {
      List<Rating> ratings = r.message().ratings();
      for (int i = 0; i < ratings.size(); i++) {
        Rating rating = ratings.get(i);
        if (rating != null && "Order".equalsIgnoreCase(rating.ratingCategory())) {
          return named(rating.id(), "/message/ratings/" + i + "/id");
        }
      }
    }
    return null;
  }

  private static @Nullable Named named(@Nullable String id, String pointer) {
    return id == null ? null : new Named(id, pointer);
  }
}
