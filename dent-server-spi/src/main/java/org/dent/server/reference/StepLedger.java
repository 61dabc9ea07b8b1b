package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A piecewise-constant quantity over time (reserved kWh, scheduled kW): each key starts a level that holds until
 * the next key; before the first key the level is zero. Windows are half-open {@code [start, end)}. Adjacent equal
 * levels are merged, so the map stays as small as the number of distinct bookings. Not thread-safe: guarded by the
 * owning {@link AssetBook}'s lock.
 */
final class StepLedger {
  private final TreeMap<Instant, BigDecimal> steps = new TreeMap<>();

  /** The level at {@code t}. */
  BigDecimal levelAt(Instant t) {
    Map.Entry<Instant, BigDecimal> e = steps.floorEntry(t);
    return e == null ? BigDecimal.ZERO : e.getValue();
  }

  /** The highest level anywhere in {@code [start, end)}. */
  BigDecimal max(Instant start, Instant end) {
    BigDecimal max = levelAt(start);
    for (BigDecimal v : steps.subMap(start, false, end, false).values()) {
      if (v.compareTo(max) > 0) {
        max = v;
      }
    }
    return max;
  }

  /** Adds {@code delta} (negative to remove) to the level throughout {@code [start, end)}. */
  void add(Instant start, Instant end, BigDecimal delta) {
    if (!start.isBefore(end) || delta.signum() == 0) {
      return;
    }
    steps.putIfAbsent(end, levelAt(end));
    steps.putIfAbsent(start, levelAt(start));
    for (Map.Entry<Instant, BigDecimal> e : steps.subMap(start, true, end, false).entrySet()) {
      e.setValue(e.getValue().add(delta));
    }
    merge(start);
    merge(end);
  }

  /** Drops every level. */
  void clear() {
    steps.clear();
  }

  /** Whether every level is zero. */
  boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Number of breakpoints (for tests). */
  int size() {
    return steps.size();
  }

  /** The breakpoints and their levels (for tests). */
  NavigableMap<Instant, BigDecimal> view() {
    return java.util.Collections.unmodifiableNavigableMap(steps);
  }

  /** Drops {@code key} when it repeats the level before it (zero before the first key). */
  private void merge(Instant key) {
    BigDecimal v = steps.get(key);
    if (v == null) {
      return;
    }
    Map.Entry<Instant, BigDecimal> lower = steps.lowerEntry(key);
    BigDecimal before = lower == null ? BigDecimal.ZERO : lower.getValue();
    if (before.compareTo(v) == 0) {
      steps.remove(key);
    }
  }
}
