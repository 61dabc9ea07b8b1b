package org.dent.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One DENT message as it travels in the body of {@code POST /{action}}: a {@link Context}, an action-specific
 * {@code message} and, on callbacks that failed, an {@link BecknError}. There is one record per action; {@link
 * Action#messageType()} maps an action to its record.
 */
public sealed interface BecknMessage
    permits SearchRequest, SelectRequest, InitRequest, ConfirmRequest, StatusRequest, TrackRequest,
        UpdateRequest, CancelRequest, RatingRequest, SupportRequest, OnSearchCallback, OnSelectCallback,
        OnInitCallback, OnConfirmCallback, OnStatusCallback, OnTrackCallback, OnUpdateCallback, OnCancelCallback,
        OnRatingCallback, OnSupportCallback {

  /** The action this record type carries (independent of what {@code context.action} says). */
  Action action();

  /** The context; null only in a message that failed validation. */
  @Nullable Context context();

  /** The error of a failed callback, null otherwise. */
  @Nullable BecknError error();

  /** Top-level members the envelope does not declare. */
  Map<String, JsonNode> extensions();

  /** A copy of this message with another context. */
  BecknMessage withContext(Context context);
}
