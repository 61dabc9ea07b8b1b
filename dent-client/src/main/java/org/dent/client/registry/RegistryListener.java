package org.dent.client.registry;

/**
 * Hears what a {@link RegistryKeyResolver} does with its key cache, to count hits and misses or to log. Called on
 * the thread that resolves, so implementations must be fast, thread-safe and must not throw. Every method
 * has a no-op default, so new events can be added without breaking implementations.
 */
public interface RegistryListener {
  /** A listener that ignores everything. */
  RegistryListener NONE = new RegistryListener() {};

  /** What happened to one {@code (subscriber_id, unique_key_id)}. */
  enum Event {
    /** Answered without a lookup of its own: from the cache (a key, or a cached "unknown" or "revoked" answer) or
     * by waiting for another thread's lookup of the same key. */
    HIT,
    /** Not cached: the registry was asked. */
    MISS,
    /** {@code refresh} asked the registry again, bypassing the cache. */
    REFRESH,
    /** {@code refresh} found a key different from the cached one (the peer rotated it). */
    ROTATED,
    /** {@code refresh} was skipped: this key was refreshed too recently. */
    REFRESH_RATE_LIMITED,
    /** The registry could not be asked (unreachable, error status, bad answer). */
    LOOKUP_FAILED
  }

  /** Called once per event; does nothing by default. */
  default void onKeyEvent(Event event, String subscriberId, String uniqueKeyId) {}
}
