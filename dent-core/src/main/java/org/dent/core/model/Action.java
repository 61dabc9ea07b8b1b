package org.dent.core.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The 20 Beckn actions DENT uses: 10 requests a BAP sends to a BPP and the 10 callbacks that answer them.
 * {@link #wireName()} is the value of {@code context.action} and the last segment of the endpoint path.
 */
public enum Action {
  SEARCH(SearchRequest.class),
  SELECT(SelectRequest.class),
  INIT(InitRequest.class),
  CONFIRM(ConfirmRequest.class),
  STATUS(StatusRequest.class),
  TRACK(TrackRequest.class),
  UPDATE(UpdateRequest.class),
  CANCEL(CancelRequest.class),
  RATING(RatingRequest.class),
  SUPPORT(SupportRequest.class),
  ON_SEARCH(OnSearchCallback.class),
  ON_SELECT(OnSelectCallback.class),
  ON_INIT(OnInitCallback.class),
  ON_CONFIRM(OnConfirmCallback.class),
  ON_STATUS(OnStatusCallback.class),
  ON_TRACK(OnTrackCallback.class),
  ON_UPDATE(OnUpdateCallback.class),
  ON_CANCEL(OnCancelCallback.class),
  ON_RATING(OnRatingCallback.class),
  ON_SUPPORT(OnSupportCallback.class);

  private final Class<? extends BecknMessage> messageType;
  private final String wireName;

  Action(Class<? extends BecknMessage> messageType) {
    this.messageType = messageType;
    this.wireName = name().toLowerCase(Locale.ROOT);
  }

  /** The record type that carries this action. */
  public Class<? extends BecknMessage> messageType() {
    return messageType;
  }

  /** {@code search}, {@code on_search}, ... as in {@code context.action}. */
  public String wireName() {
    return wireName;
  }

  /** True for the {@code on_*} callbacks a BPP sends to a BAP. */
  public boolean isCallback() {
    return ordinal() >= ON_SEARCH.ordinal();
  }

  /** The callback answering this request ({@code search → on_search}); for a callback, itself. */
  public Action callback() {
    return isCallback() ? this : values()[ordinal() + ON_SEARCH.ordinal()];
  }

  /** The request this callback answers ({@code on_search → search}); for a request, itself. */
  public Action request() {
    return isCallback() ? values()[ordinal() - ON_SEARCH.ordinal()] : this;
  }

  /** The action with this wire name, or null when it is not one of the 20. */
  public static @Nullable Action fromWireName(@Nullable String wireName) {
    if (wireName == null) {
      return null;
    }
    for (Action a : values()) {
      if (a.wireName.equals(wireName)) {
        return a;
      }
    }
    return null;
  }
}
