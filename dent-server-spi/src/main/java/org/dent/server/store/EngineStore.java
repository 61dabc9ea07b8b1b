package org.dent.server.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the BPP engine keeps what must survive it: the callback produced for each request (so a repeated
 * message_id gets the same answer, from any instance), the callbacks not yet delivered (sent again when an engine
 * starts), and who confirmed each order. Implementations are thread-safe.
 */
public interface EngineStore {

  /** The callback produced for a request key ({@code bap_id|action|message_id}), or null. */
  @Nullable StoredCallback callback(String key);

  /** Stores a callback about to be sent; it stays pending until {@link #delivered}. Replaces one of the same key. */
  void saveCallback(StoredCallback callback);

  /** Marks a callback delivered (or given up on): it is no longer {@link #pending}. */
  void delivered(String key);

  /** Callbacks saved and not yet delivered, oldest first. */
  List<StoredCallback> pending();

  /** Records who confirmed an order (the first record of an order wins). */
  void saveOwner(OrderOwnerRecord owner);

  /** Who confirmed {@code orderId}, or null. */
  @Nullable OrderOwnerRecord owner(String orderId);

  /** Drops callbacks that expired before {@code now}. */
  void purge(Instant now);
}
