package org.dent.core.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded, reproducible randomized checks (the project does not use jqwik). Each case runs with its own seed; a
 * failure names the seed, and {@code -Ddent.seed=<seed>} replays exactly that case first.
 */
public final class SeededCheck {
  private SeededCheck() {}

  /** Runs {@code body} for seeds {@code baseSeed .. baseSeed + cases - 1} (after a replayed seed, if given). */
  public static void check(String property, long baseSeed, int cases, Consumer<Random> body) {
    Long replay = Long.getLong("dent.seed");
    if (replay != null) {
      run(property, replay, body);
    }
    for (int i = 0; i < cases; i++) {
      run(property, baseSeed + i, body);
    }
  }

  private static void run(String property, long seed, Consumer<Random> body) {
    try {
      body.accept(new Random(seed));
    } catch (AssertionError | RuntimeException e) {
      System.err.println("property '" + property + "' failed with seed " + seed);
      throw new AssertionError("property '" + property + "' failed with seed " + seed
          + " (replay with -Ddent.seed=" + seed + "): " + e.getMessage(), e);
    }
  }
}
