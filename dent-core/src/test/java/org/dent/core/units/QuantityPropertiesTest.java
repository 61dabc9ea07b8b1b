package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded randomized laws of {@link Energy} and {@link Power}; a failure prints the seed that replays it. */
class QuantityPropertiesTest {

  private static Energy energy(Random r) {
    return Energy.of(Seeded.wireDecimal(r), Seeded.pick(r, EnergyUnit.class));
  }

  private static Power power(Random r) {
    return Power.of(Seeded.wireDecimal(r), Seeded.pick(r, PowerUnit.class));
  }

  /** A duration whose length in hours is a terminating decimal: a whole multiple of 9 ns (3600 s = 2^4·3^2·5^2 s). */
  private static Duration terminatingDuration(Random r) {
    long nanos = 9L * (1 + (long) (r.nextDouble() * 4e15));
    return Duration.ofNanos(nanos);
  }

  @Test
  void energyParseOfFormatIsIdentity() {
    Seeded.check("energy parse(format(x)) == x", 1_000L, r -> {
      Energy e = energy(r);
      Energy back = Energy.parse(e.format());
      assertThat(back).isEqualTo(e);
      assertThat(back.value()).isEqualTo(e.value()); // same scale, not just the same quantity
      assertThat(back.unit()).isEqualTo(e.unit());
      assertThat(back.format()).isEqualTo(e.format());
    });
  }

  @Test
  void powerParseOfFormatIsIdentity() {
    Seeded.check("power parse(format(x)) == x", 2_000L, r -> {
      Power p = power(r);
      Power back = Power.parse(p.format());
      assertThat(back.value()).isEqualTo(p.value());
      assertThat(back.unit()).isEqualTo(p.unit());
      assertThat(back.format()).isEqualTo(p.format());
    });
  }

  @Test
  void aliasesReadAsTheCanonicalUnit() {
    Seeded.check("alias == canonical", 3_000L, r -> {
      EnergyUnit eu = Seeded.pick(r, EnergyUnit.class);
      String v = Seeded.wireDecimal(r).toPlainString();
      for (String alias : eu.aliases()) {
        assertThat(Energy.parse(v + " " + alias).format()).isEqualTo(v + " " + eu.symbol());
      }
      PowerUnit pu = Seeded.pick(r, PowerUnit.class);
      for (String alias : pu.aliases()) {
        assertThat(Power.parse(v + " " + alias).format()).isEqualTo(v + " " + pu.symbol());
      }
    });
  }

  @Test
  void conversionsRoundTripExactly() {
    Seeded.check("to(u).to(back) == x", 4_000L, r -> {
      Energy e = energy(r);
      EnergyUnit via = Seeded.pick(r, EnergyUnit.class);
      Energy back = e.to(via).to(e.unit());
      assertThat(back).isEqualTo(e);
      assertThat(back.value()).isEqualByComparingTo(e.value());
      assertThat(e.to(via).hashCode()).isEqualTo(e.hashCode());
      Power p = power(r);
      PowerUnit pvia = Seeded.pick(r, PowerUnit.class);
      assertThat(p.to(pvia).to(p.unit()).value()).isEqualByComparingTo(p.value());
      assertThat(p.to(pvia)).isEqualTo(p);
    });
  }

  @Test
  void plusAndMinusAreInverse() {
    Seeded.check("(a + b) - b == a", 5_000L, r -> {
      Energy a = energy(r);
      Energy b = energy(r);
      assertThat(a.plus(b).minus(b)).isEqualTo(a);
      assertThat(a.plus(b)).isEqualTo(b.plus(a));
      assertThat(a.minus(a).isZero()).isTrue();
      assertThat(a.plus(b).compareTo(a)).isEqualTo(b.isZero() ? 0 : b.isPositive() ? 1 : -1);
      Power p = power(r);
      Power q = power(r);
      assertThat(p.plus(q).minus(q)).isEqualTo(p);
    });
  }

  @Test
  void compareToAgreesWithEquals() {
    Seeded.check("compareTo == 0 <=> equals", 6_000L, r -> {
      Energy a = energy(r);
      Energy b = switch (r.nextInt(3)) {
        case 0 -> a.to(Seeded.pick(r, EnergyUnit.class));
        case 1 -> Energy.of(a.value().setScale(a.value().scale() + 1 + r.nextInt(5)), a.unit()); // 1.5 vs 1.500
        default -> energy(r);
      };
      assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
      if (a.equals(b)) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    });
  }

  @Test
  void powerTimesDurationDividedByDurationIsPower() {
    Seeded.check("P × d / d == P", 7_000L, r -> {
      Power p = power(r);
      Duration d = terminatingDuration(r);
      Energy e = p.times(d);
      assertThat(e.unit()).isEqualTo(p.unit().energyUnit());
      assertThat(e.dividedBy(d)).isEqualTo(p);
      if (!p.isZero()) {
        assertThat(e.dividedBy(p)).isEqualTo(d);
      }
    });
  }

  @Test
  void roundedBridgesStayClose() {
    Seeded.check("P × d / d ≈ P for any d", 8_000L, r -> {
      Power p = power(r);
      Duration d = Duration.ofNanos(1 + (long) (r.nextDouble() * 1e15));
      Energy e = p.times(d, MathContext.DECIMAL128);
      Power back = e.dividedBy(d, MathContext.DECIMAL128);
      BigDecimal error = back.in(PowerUnit.W).subtract(p.in(PowerUnit.W)).abs();
      BigDecimal tolerance = p.in(PowerUnit.W).abs().multiply(new BigDecimal("1E-30")).add(new BigDecimal("1E-30"));
      assertThat(error).isLessThanOrEqualTo(tolerance);
    });
  }

  @Test
  void timesAndBridgeCommute() {
    Seeded.check("(k·P) × d == k·(P × d)", 9_000L, r -> {
      Power p = power(r);
      Duration d = terminatingDuration(r);
      BigDecimal k = Seeded.decimal(r);
      assertThat(p.times(k).times(d)).isEqualTo(p.times(d).times(k));
    });
  }
}
