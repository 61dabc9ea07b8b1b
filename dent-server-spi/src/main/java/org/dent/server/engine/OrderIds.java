package org.dent.server.engine;

import org.dent.core.model.BecknMessage;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.Rating;
import org.dent.core.model.RatingRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.jspecify.annotations.Nullable;

/** The order an order-scoped request names, if any. */
final class OrderIds {
  private OrderIds() {}

  /**
   * The JSON pointer of the order id in {@code request}, as the reference operator names it when the order is not
   * found, so that a refusal for another BAP's order reads exactly as one for an unknown order.
   */
  static String pointer(BecknMessage request) {
    if (request instanceof UpdateRequest) {
      return "/message/order/id";
    }
    if (request instanceof SupportRequest) {
      return "/message/support/ref_id";
    }
    if (request instanceof RatingRequest) {
      return "/message/ratings";
    }
    return "/message/order_id";
  }

  static @Nullable String of(BecknMessage request) {
    if (request instanceof StatusRequest r && r.message() != null) {
      return r.message().orderId();
    }
    if (request instanceof TrackRequest r && r.message() != null) {
      return r.message().orderId();
    }
    if (request instanceof CancelRequest r && r.message() != null) {
      return r.message().orderId();
    }
    if (request instanceof UpdateRequest r && r.message() != null && r.message().order() != null) {
      return r.message().order().id();
    }
    if (request instanceof SupportRequest r && r.message() != null && r.message().support() != null) {
      return r.message().support().refId();
    }
    if (request instanceof RatingRequest r && r.message() != null && r.message().ratings() != null) {
      for (Rating rating : r.message().ratings()) {
        if (rating != null && "Order".equalsIgnoreCase(rating.ratingCategory())) {
          return rating.id();
        }
      }
    }
    return null;
  }
}
