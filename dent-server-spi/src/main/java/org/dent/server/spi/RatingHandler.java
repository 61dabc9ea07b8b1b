package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.OnRatingCallback;
import org.dent.core.model.RatingRequest;

/** Accepts ratings. */
public interface RatingHandler {
  /** Records the ratings; may return a feedback form. */
  default OnRatingCallback.Message rating(RatingRequest request, RequestContext context) {
    throw new NotImplementedException(Action.RATING);
  }
}
