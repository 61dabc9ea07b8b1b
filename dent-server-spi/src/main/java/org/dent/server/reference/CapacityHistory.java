package org.dent.server.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.CapacitySpan;
import org.jspecify.annotations.Nullable;

/**
 * The terms a contract held before each of its modifications, so that capacity-time is billed pro rata: the terms
 * in force before a change at {@code t} count for the part of their window before {@code t}, the new terms for the
 * part of theirs from {@code t}. A change before the window starts therefore bills exactly like a contract made with
 * the new terms. Guarded by the lock of the contract's {@link AssetBook}.
 */
final class CapacityHistory {
  /** Terms {@code energy} over {@code window} were in force until {@code until}. */
  record Earlier(Instant until, Energy energy, TimeWindow window) {}

  private final List<Earlier> earlier = new ArrayList<>();

  /** Records that {@code old} stopped being in force at {@code at}. */
  void changed(Terms old, Instant at) {
    earlier.add(new Earlier(at, old.energy(), old.window()));
  }

  /** The earlier terms, oldest first (for the store). */
  List<Earlier> earlier() {
    return List.copyOf(earlier);
  }

  /** Replaces the earlier terms by {@code stored} (read from the store). */
  void restore(List<Earlier> stored) {
    earlier.clear();
    earlier.addAll(stored);
  }

  /** How many modifications the contract had. */
  int changes() {
    return earlier.size();
  }

  /**
   * The capacity spans of the contract whose terms are now {@code current}, oldest first.
   *
   * @param until where reservation stops counting (a cancellation, or now for utilisation), null for the window end
   */
  List<CapacitySpan> spans(Terms current, @Nullable Instant until) {
    List<CapacitySpan> out = new ArrayList<>();
    Instant from = Instant.MIN;
    for (Earlier e : earlier) {
      add(out, e.energy(), e.window(), from, e.until(), until);
      from = e.until();
    }
    add(out, current.energy(), current.window(), from, Instant.MAX, until);
    return out;
  }

  private static void add(List<CapacitySpan> out, Energy energy, TimeWindow window, Instant from, Instant to,
      @Nullable Instant until) {
    Instant start = window.start().isAfter(from) ? window.start() : from;
    Instant end = window.end().isBefore(to) ? window.end() : to;
    if (until != null && until.isBefore(end)) {
      end = until;
    }
    if (end.isAfter(start)) {
      out.add(new CapacitySpan(energy, Duration.between(start, end)));
    }
  }
}
