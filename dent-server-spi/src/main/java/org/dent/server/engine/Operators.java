package org.dent.server.engine;

import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnRatingCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnSupportCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.RatingRequest;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.ContractModification;
import org.dent.server.spi.CatalogProvider;
import org.dent.server.spi.RatingHandler;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.ReservationHandler;
import org.dent.server.spi.SupportHandler;
import org.dent.server.spi.TransferHandler;
import org.jspecify.annotations.Nullable;

/**
 * The operator's handlers as one dispatch table: for each request action, the function that produces its callback,
 * present only when the operator overrides the SPI method (an inherited default means "not offered": 40001).
 */
final class Operators {
  /** Runs one request and builds the callback (context filled in by the engine). */
  @FunctionalInterface
  interface Route {
    BecknMessage run(BecknMessage request, RequestContext ctx);
  }

  private final Map<Action, Route> routes = new EnumMap<>(Action.class);

  Operators(@Nullable CatalogProvider catalog, @Nullable ReservationHandler reservations,
      @Nullable TransferHandler transfers, @Nullable RatingHandler ratings, @Nullable SupportHandler support) {
    if (overrides(catalog, CatalogProvider.class, "search", SearchRequest.class)) {
      routes.put(Action.SEARCH, (r, c) -> new OnSearchCallback(r.context(), catalog.search((SearchRequest) r, c)));
    }
    if (overrides(reservations, ReservationHandler.class, "select", SelectRequest.class)) {
      routes.put(Action.SELECT, (r, c) -> new OnSelectCallback(r.context(),
          reservations.select((SelectRequest) r, c)));
    }
    if (overrides(reservations, ReservationHandler.class, "init", InitRequest.class)) {
      routes.put(Action.INIT, (r, c) -> new OnInitCallback(r.context(), reservations.init((InitRequest) r, c)));
    }
    if (overrides(reservations, ReservationHandler.class, "confirm", ConfirmRequest.class)) {
      routes.put(Action.CONFIRM, (r, c) -> new OnConfirmCallback(r.context(),
          reservations.confirm((ConfirmRequest) r, c)));
    }
    if (overrides(reservations, ReservationHandler.class, "cancel", CancelRequest.class)) {
      routes.put(Action.CANCEL, (r, c) -> new OnCancelCallback(r.context(),
          reservations.cancel((CancelRequest) r, c)));
    }
    if (overrides(transfers, TransferHandler.class, "update", UpdateRequest.class)
        || overrides(transfers, TransferHandler.class, "modify", ContractModification.class)) {
      routes.put(Action.UPDATE, (r, c) -> new OnUpdateCallback(r.context(), transfers.update((UpdateRequest) r, c)));
    }
    if (overrides(transfers, TransferHandler.class, "status", StatusRequest.class)) {
      routes.put(Action.STATUS, (r, c) -> new OnStatusCallback(r.context(), transfers.status((StatusRequest) r, c)));
    }
    if (overrides(transfers, TransferHandler.class, "track", TrackRequest.class)) {
      routes.put(Action.TRACK, (r, c) -> new OnTrackCallback(r.context(), transfers.track((TrackRequest) r, c)));
    }
    if (overrides(ratings, RatingHandler.class, "rating", RatingRequest.class)) {
      routes.put(Action.RATING, (r, c) -> new OnRatingCallback(r.context(), ratings.rating((RatingRequest) r, c)));
    }
    if (overrides(support, SupportHandler.class, "support", SupportRequest.class)) {
      routes.put(Action.SUPPORT, (r, c) -> new OnSupportCallback(r.context(),
          support.support((SupportRequest) r, c)));
    }
  }

  @Nullable Route route(Action action) {
    return routes.get(action);
  }

  boolean offers(Action action) {
    return routes.containsKey(action);
  }

  private static boolean overrides(@Nullable Object handler, Class<?> spi, String method, Class<?> requestType) {
    if (handler == null) {
      return false;
    }
    try {
      Method m = handler.getClass().getMethod(method, requestType, RequestContext.class);
      return m.getDeclaringClass() != spi; // an inherited SPI default means "not offered"
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
