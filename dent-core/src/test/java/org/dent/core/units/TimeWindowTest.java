package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  private static final TimeWindow DAY = TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z");

  private static Instant at(String hhmm) {
    return Instant.parse("2026-12-01T" + hhmm + ":00Z");
  }

  private static TimeWindow w(String from, String to) {
    return new TimeWindow(at(from), at(to));
  }

  @Test
  void isHalfOpen() {
    assertThat(DAY.contains(at("10:00"))).isTrue();
    assertThat(DAY.contains(at("17:59"))).isTrue();
    assertThat(DAY.contains(at("18:00"))).isFalse();
    assertThat(DAY.contains(at("09:59"))).isFalse();
    assertThat(DAY.duration()).isEqualTo(Duration.ofHours(8));
    assertThat(DAY).hasToString("[2026-12-01T10:00:00Z, 2026-12-01T18:00:00Z)");
  }

  @Test
  void overlapsAbutsContains() {
    TimeWindow morning = w("10:00", "12:00");
    TimeWindow noon = w("12:00", "14:00");
    assertThat(morning.abuts(noon)).isTrue();
    assertThat(noon.abuts(morning)).isTrue();
    assertThat(morning.overlaps(noon)).isFalse();
    assertThat(morning.intersection(noon)).isEmpty();
    assertThat(DAY.contains(morning)).isTrue();
    assertThat(DAY.contains(DAY)).isTrue();
    assertThat(morning.contains(DAY)).isFalse();
    assertThat(w("11:00", "13:00").intersection(noon)).contains(w("12:00", "13:00"));
    assertThat(w("11:00", "13:00").overlaps(morning)).isTrue();
    assertThat(TimeWindow.of(at("10:00"), Duration.ofHours(2))).isEqualTo(morning);
  }

  @Test
  void startMustPrecedeEnd() {
    assertThatThrownBy(() -> TimeWindow.parse("2026-12-01T18:00:00Z", "2026-12-01T10:00:00Z"))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_WINDOW))
        .hasMessageContaining("window start must precede end");
    assertThatThrownBy(() -> w("10:00", "10:00")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> TimeWindow.of(at("10:00"), Duration.ZERO)).isInstanceOf(QuantityException.class);
  }

  @Test
  void parsesOffsetsAsInstants() {
    TimeWindow ist = TimeWindow.parse("2026-12-01T15:30:00+05:30", "2026-12-01T23:30:00+05:30");
    assertThat(ist).isEqualTo(DAY);
    assertThatThrownBy(() -> TimeWindow.parse("2026-12-01T10:00Z", "2026-12-01T18:00:00Z"))
        .isInstanceOfSatisfying(QuantityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TIME));
  }

  @Test
  void alignment() {
    assertThat(DAY.isAlignedTo(Duration.ofMinutes(15))).isTrue();
    assertThat(DAY.isAlignedTo(Duration.ofHours(1))).isTrue();
    assertThat(w("10:05", "11:00").isAlignedTo(Duration.ofMinutes(15))).isFalse();
    assertThat(w("10:00", "11:05").isAlignedTo(Duration.ofMinutes(15))).isFalse();
    assertThat(new TimeWindow(Instant.parse("2026-12-01T10:00:00.5Z"), at("11:00")).isAlignedTo(Duration.ofSeconds(1)))
        .isFalse();
    assertThat(new TimeWindow(Instant.MIN, Instant.MAX).isAlignedTo(Duration.ofNanos(1))).isTrue();
    assertThatThrownBy(() -> DAY.isAlignedTo(Duration.ZERO)).isInstanceOf(QuantityException.class);
  }

  private static TimeWindow random(Random r) {
    // Small grid so that touching and overlapping windows are frequent.
    long s = r.nextInt(40);
    long len = 1 + r.nextInt(12);
    Instant base = Instant.parse("2026-12-01T00:00:00Z");
    return new TimeWindow(base.plusSeconds(900 * s), base.plusSeconds(900 * (s + len)));
  }

  @Test
  void windowAlgebraLaws() {
    Seeded.check("window algebra", 20_000L, r -> {
      TimeWindow a = random(r);
      TimeWindow b = random(r);
      Instant t = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(450L * r.nextInt(110));
      assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
      assertThat(a.abuts(b)).isEqualTo(b.abuts(a));
      if (a.abuts(b)) {
        assertThat(a.overlaps(b)).isFalse();
      }
      assertThat(a.overlaps(a)).isTrue();
      assertThat(a.intersection(b).isPresent()).isEqualTo(a.overlaps(b));
      assertThat(a.intersection(b)).isEqualTo(b.intersection(a));
      Optional<TimeWindow> both = a.intersection(b);
      if (both.isPresent()) {
        assertThat(a.contains(both.get())).isTrue();
        assertThat(b.contains(both.get())).isTrue();
        assertThat(both.get().duration()).isLessThanOrEqualTo(a.duration());
        assertThat(both.get().contains(t)).isEqualTo(a.contains(t) && b.contains(t));
      } else {
        assertThat(a.contains(t) && b.contains(t)).isFalse();
      }
      if (a.contains(b)) {
        assertThat(a.overlaps(b)).isTrue();
        assertThat(a.intersection(b)).contains(b);
      }
      assertThat(a.contains(a.start())).isTrue();
      assertThat(a.contains(a.end())).isFalse();
      assertThat(a.isAlignedTo(Duration.ofMinutes(15))).isTrue();
      assertThat(TimeWindow.parse(WireTime.format(a.start()), WireTime.format(a.end()))).isEqualTo(a);
    });
  }
}
