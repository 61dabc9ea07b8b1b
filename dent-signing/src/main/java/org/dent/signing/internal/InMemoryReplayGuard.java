package org.dent.signing.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.dent.signing.ReplayGuard;

/**
 * Bounded in-memory {@link ReplayGuard}: a map from signature bytes to retention time plus a queue ordered by
 * retention time for purging. One lock; each call does O(log n) work plus purging of expired entries. Not API.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final int maxEntries;
  private final Map<Key, Long> retainUntil = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

  public InMemoryReplayGuard(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized boolean firstUse(byte[] signature, long now, long retainUntilEpochSecond) {
    purge(now);
    Key key = new Key(signature.clone());
    Long until = retainUntil.get(key);
    if (until != null) {
      return false;
    }
    retainUntil.put(key, retainUntilEpochSecond);
    byExpiry.add(new Entry(retainUntilEpochSecond, key));
    while (retainUntil.size() > maxEntries) {
      Entry e = byExpiry.poll();
      retainUntil.remove(e.key, e.until);
    }
    return true;
  }

  /** Number of signatures currently remembered. */
  public synchronized int size() {
    return retainUntil.size();
  }

  private void purge(long now) {
    Entry head;
    while ((head = byExpiry.peek()) != null && head.until < now) {
      byExpiry.poll();
      retainUntil.remove(head.key, head.until);
    }
  }

  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Arrays.equals(bytes, ((Key) o).bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class Entry implements Comparable<Entry> {
    final long until;
    final Key key;

    Entry(long until, Key key) {
      this.until = until;
      this.key = key;
    }

    @Override
    public int compareTo(Entry o) {
      return Long.compare(until, o.until);
    }
  }
}
