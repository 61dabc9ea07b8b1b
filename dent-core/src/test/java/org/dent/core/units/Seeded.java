package org.dent.core.units;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.Consumer;
import org.dent.core.testing.SeededCheck;

/**
 * Seeded, reproducible randomized checks (no jqwik). Each case runs with its own seed; a failure names the seed so
 * that {@code -Ddent.seed=<seed>} replays exactly that case first.
 */
final class Seeded {
  static final int CASES = 2_000;

  private Seeded() {}

  static void check(String property, long baseSeed, Consumer<Random> body) {
    SeededCheck.check(property, baseSeed, CASES, body);
  }


  /** A decimal with 1..18 significant digits, scale 0..12 (sometimes negative scale), either sign. */
  static BigDecimal decimal(Random r) {
    int digits = 1 + r.nextInt(18);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    BigDecimal unscaled = new BigDecimal(sb.toString());
    int scale = r.nextInt(10) == 0 ? -r.nextInt(4) : r.nextInt(13);
    BigDecimal v = unscaled.movePointLeft(scale);
    return r.nextBoolean() ? v : v.negate();
  }

  /** A decimal as it may appear on the wire: non-negative scale, up to 30 digits. */
  static BigDecimal wireDecimal(Random r) {
    BigDecimal d = decimal(r);
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  static <E extends Enum<E>> E pick(Random r, Class<E> type) {
    E[] all = type.getEnumConstants();
    return all[r.nextInt(all.length)];
  }
}
