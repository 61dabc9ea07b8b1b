package org.dent.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dent.core.units.QuantityException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-01T10:00:00Z", "2026-12-01t10:00:00z", "2026-12-01T15:30:00+05:30",
      "2026-12-01T10:00:00.000Z", "2026-12-01T05:00:00-05:00", "2026-12-01T10:00:00-00:00"})
  void readsRfc3339(String text) {
    assertThat(WireTime.parseInstant(text)).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-01T10:00Z", "2026-12-01 10:00:00Z", "2026-12-01T10:00:00", "2026-12-01",
      "2026-12-01T10:00:00.1234567890Z", "2026-12-31T23:59:60Z", "2026-13-01T10:00:00Z", "2026-12-01T10:00:00+0530",
      "1764583200", ""})
  void rejectsOtherTimes(String text) {
    assertThatThrownBy(() -> WireTime.parseInstant(text))
        .isInstanceOfSatisfying(QuantityException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TIME));
  }

  @Test
  void utcAndFormatting() {
    assertThat(WireTime.isUtc("2026-12-01T10:00:00Z")).isTrue();
    assertThat(WireTime.isUtc("2026-12-01T15:30:00+05:30")).isFalse();
    assertThat(WireTime.isUtc("garbage")).isFalse();
    assertThat(WireTime.format(Instant.parse("2026-12-01T10:00:00Z"))).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(WireTime.format(Instant.parse("2026-12-01T10:00:00.25Z"))).isEqualTo("2026-12-01T10:00:00.250Z");
    assertThatThrownBy(() -> WireTime.parseInstant("2026-12-01T10:00:00Z".repeat(1000)))
        .isInstanceOf(QuantityException.class);
  }

  @Test
  void durations() {
    assertThat(WireTime.parsePositiveDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(WireTime.parsePositiveDuration("P1D")).isEqualTo(Duration.ofDays(1));
    assertThat(WireTime.parseDuration("PT0S")).isZero();
    assertThatThrownBy(() -> WireTime.parsePositiveDuration("PT0S"))
        .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_RANGE));
    assertThatThrownBy(() -> WireTime.parsePositiveDuration("-PT15M")).isInstanceOf(QuantityException.class);
    for (String bad : new String[] {"15", "P1M", "P1W", "PT", "15 minutes", "PT99999999999999999999H"}) {
      assertThatThrownBy(() -> WireTime.parseDuration(bad))
          .as(bad)
          .isInstanceOfSatisfying(QuantityException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TIME));
    }
  }
}
