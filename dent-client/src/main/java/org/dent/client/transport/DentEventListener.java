package org.dent.client.transport;

import org.dent.core.model.Action;

/**
 * Lifecycle hooks for messages on the network, so applications can bridge metrics and logs without the SDK
 * depending on a metrics library. Every method has an empty default; implementations must be thread-safe and
 * fast (they run on I/O threads). Message bodies are never passed.
 */
public interface DentEventListener {
  /** No-op listener. */
  DentEventListener NONE = new DentEventListener() {};

  /** An outbound message was POSTed ({@code attempt} starts at 1). */
  default void sent(Action action, String messageId, String url, int attempt) {}

  /** The receiver ACKed. */
  default void acked(Action action, String messageId, long nanos) {}

  /** The receiver NACKed or refused (status and code as answered). */
  default void nacked(Action action, String messageId, int httpStatus, String code) {}

  /** An attempt failed and will be retried after a delay. */
  default void retry(Action action, String messageId, int nextAttempt, String cause) {}

  /** A callback arrived and was delivered to the waiting caller. */
  default void callback(Action action, String messageId, String senderId) {}

  /** A callback arrived after its request's ttl: it was NACKed and not delivered. */
  default void late(Action action, String messageId, String senderId) {}

  /** A callback arrived for a message_id nobody waits for: it was NACKed. */
  default void unknown(Action action, String messageId, String senderId) {}

  /** A request's ttl ended without the callback it waited for. */
  default void timeout(Action action, String messageId) {}

  /** An inbound message was refused before processing (signature, validation, overload...). */
  default void refused(String path, int httpStatus, String code) {}

  /** The key cache answered without a registry lookup. */
  default void keyCacheHit(String subscriberId, String uniqueKeyId) {}

  /** The key cache had to look the key up in the registry. */
  default void keyCacheMiss(String subscriberId, String uniqueKeyId) {}
}
