package org.dent.client.correlation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.dent.core.model.Action;
import org.jspecify.annotations.Nullable;

/**
 * Where a BAP keeps the requests awaiting callbacks, so that a BAP restarted within their ttl still recognises
 * (ACKs and delivers) the callbacks that arrive for them, and still admits unsolicited updates of its transactions.
 * The default keeps nothing ({@link #none()}); {@link #inMemory()} survives a client rebuilt in the same JVM; module
 * {@code dent-store-jdbc} has one on PostgreSQL. Implementations are thread-safe.
 */
public interface PendingStore {

  /**
   * One request awaiting callbacks.
   *
   * @param messageId the request's message_id
   * @param callback the callback action awaited
   * @param transactionId its transaction
   * @param expectedBppId the BPP that must answer, or null (a search: any)
   * @param deadline when its ttl ends
   */
  record Entry(String messageId, Action callback, String transactionId, @Nullable String expectedBppId,
      Instant deadline) {
    public Entry {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(callback, "callback");
      Objects.requireNonNull(transactionId, "transactionId");
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  /** Records a request now awaiting callbacks. */
  void put(Entry entry);

  /** Forgets a request (answered, cancelled or expired). */
  void remove(String messageId, Action callback);

  /** Requests whose deadline is not before {@code now}. */
  List<Entry> unexpired(Instant now);

  /** Keeps nothing. */
  static PendingStore none() {
    return None.INSTANCE;
  }

  /** Keeps entries in this JVM's memory. */
  static PendingStore inMemory() {
    return new PendingStore() {
      private final Map<String, Entry> entries = new ConcurrentHashMap<>();

      @Override
      public void put(Entry e) {
        entries.put(e.callback().wireName() + '|' + e.messageId(), e);
      }

      @Override
      public void remove(String messageId, Action callback) {
        entries.remove(callback.wireName() + '|' + messageId);
      }

      @Override
      public List<Entry> unexpired(Instant now) {
        entries.values().removeIf(e -> e.deadline().isBefore(now));
        return entries.values().stream().sorted(Comparator.comparing(Entry::deadline)).toList();
      }
    };
  }

  /** The no-op store. */
  enum None implements PendingStore {
    INSTANCE;

    @Override
    public void put(Entry entry) {}

    @Override
    public void remove(String messageId, Action callback) {}

    @Override
    public List<Entry> unexpired(Instant now) {
      return List.of();
    }
  }
}
