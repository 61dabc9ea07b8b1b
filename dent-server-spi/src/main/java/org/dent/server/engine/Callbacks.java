package org.dent.server.engine;

import java.util.Map;
import org.dent.core.model.Action;
import org.dent.core.model.BecknError;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
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
import org.dent.core.model.XInput;

/**
 * Builds error callbacks: the context and {@code error}, no {@code message} where the schema allows that (all but
 * {@code on_rating}, which gets an empty one).
 */
final class Callbacks {
  private Callbacks() {}

  static BecknMessage empty(Action action, Context c) {
    return switch (action) {
      case ON_SEARCH -> new OnSearchCallback(c, null, null, Map.of());
      case ON_SELECT -> new OnSelectCallback(c, null, null, Map.of());
      case ON_INIT -> new OnInitCallback(c, null, null, Map.of());
      case ON_CONFIRM -> new OnConfirmCallback(c, null, null, Map.of());
      case ON_STATUS -> new OnStatusCallback(c, null, null, Map.of());
      case ON_TRACK -> new OnTrackCallback(c, null, null, Map.of());
      case ON_UPDATE -> new OnUpdateCallback(c, null, null, Map.of());
      case ON_CANCEL -> new OnCancelCallback(c, null, null, Map.of());
      // the core schema requires on_rating's message even when it carries an error
      case ON_RATING -> new OnRatingCallback(c, new OnRatingCallback.Message((XInput) null), null,
          Map.of());
      case ON_SUPPORT -> new OnSupportCallback(c, null, null, Map.of());
      default -> throw new IllegalArgumentException("not a callback: " + action);
    };
  }

  static BecknMessage withError(BecknMessage m, BecknError error) {
    Context c = m.context();
    if (m instanceof OnSearchCallback x) {
      return new OnSearchCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnSelectCallback x) {
      return new OnSelectCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnInitCallback x) {
      return new OnInitCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnConfirmCallback x) {
      return new OnConfirmCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnStatusCallback x) {
      return new OnStatusCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnTrackCallback x) {
      return new OnTrackCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnUpdateCallback x) {
      return new OnUpdateCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnCancelCallback x) {
      return new OnCancelCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnRatingCallback x) {
      return new OnRatingCallback(c, x.message(), error, x.extensions());
    } else if (m instanceof OnSupportCallback x) {
      return new OnSupportCallback(c, x.message(), error, x.extensions());
    }
    throw new IllegalArgumentException("not a callback: " + m.action());
  }
}
