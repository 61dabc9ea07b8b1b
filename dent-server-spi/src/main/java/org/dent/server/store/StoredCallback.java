package org.dent.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A callback the engine produced: the answer to a request (key {@code bap_id|action|message_id}) or a push (key
 * {@code push|message_id}), as the JSON bytes sent. Pending until delivered (or given up on).
 *
 * @param key the request's key
 * @param body the callback's JSON
 * @param expiresAt when a store may drop it
 */
public record StoredCallback(String key, byte[] body, Instant expiresAt) {
  public StoredCallback {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the body (it may hold personal data). */
  @Override
  public String toString() {
    return "StoredCallback[" + key + ", " + body.length + " bytes]";
  }
}
