package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.junit.jupiter.api.Test;

/** The tag plumbing: finding, reading, writing in table order, replacing in place; typed reading after checks. */
class ProfileTagsTest {

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void groupWritesCodesInTableOrder() {
    var g = ProfileTags.group(TagGroup.TRANSFER_REQUEST,
        ordered("start", "2026-12-01T10:00:00Z", "power", "20 kW", "direction", "charge", "energy", "40 kWh"));
    assertThat(g.descriptor().code()).isEqualTo("transfer-request");
    assertThat(g.list()).extracting(t -> t.descriptor().code()).containsExactly("direction", "energy", "power",
        "start");
    assertThat(ProfileTags.value(g, "power")).isEqualTo("20 kW");
    assertThat(ProfileTags.value(g, "end")).isNull();
  }

  @Test
  void groupLeavesNullsOutAndRejectsForeignCodes() {
    var g = ProfileTags.group(TagGroup.ALERT_THRESHOLDS, ordered("soc-low", "0.2", "soc-high", null));
    assertThat(g.list()).hasSize(1);
    assertThatThrownBy(() -> ProfileTags.group(TagGroup.ALERT, Map.of("colour", "red")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
  }

  @Test
  void findPutAndIndex() {
    var a = ProfileTags.group(TagGroup.ALERT_THRESHOLDS, Map.of("soc-high", "0.9"));
    var s = ProfileTags.group(TagGroup.SETTLEMENT, Map.of("residual-energy", "0 kWh",
        "residual-policy", "forced-discharge"));
    var a2 = ProfileTags.group(TagGroup.ALERT_THRESHOLDS, Map.of("soc-high", "0.8"));
    List<org.dent.core.model.TagGroup> tags = ProfileTags.put(ProfileTags.put(null, a), s);
    assertThat(tags).containsExactly(a, s);
    assertThat(ProfileTags.put(tags, a2)).containsExactly(a2, s);
    assertThat(tags).containsExactly(a, s);
    assertThat(ProfileTags.indexOf(tags, TagGroup.SETTLEMENT)).isEqualTo(1);
    assertThat(ProfileTags.indexOf(null, TagGroup.SETTLEMENT)).isEqualTo(-1);
    assertThat(ProfileTags.find(tags, TagGroup.ALERT)).isNull();
    assertThat(ProfileTags.value(tags, TagGroup.ALERT_THRESHOLDS, "soc-high")).isEqualTo("0.9");
  }

  @Test
  void readerReturnsTypedValuesAfterTheChecks() {
    var g = ProfileTags.group(TagGroup.STORAGE_SPEC, ordered("capacity", "0.5 MWh", "max-charge-power", "100 KW",
        "max-discharge-power", "100 kW", "round-trip-efficiency", "0.92", "slot-granularity", "PT15M"));
    TagReader r = ProfileTags.read(List.of(g), TagGroup.STORAGE_SPEC).orElseThrow();
    assertThat(r.energy("capacity")).isEqualTo(Energy.ofKwh("500"));
    assertThat(r.power("max-charge-power")).isEqualTo(Power.ofKw("100"));
    assertThat(r.decimal("round-trip-efficiency")).isEqualTo(new BigDecimal("0.92"));
    assertThat(r.duration("slot-granularity")).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.stateOfCharge("min-soc")).isNull();
    assertThat(r.has("technology")).isFalse();
    assertThat(r.pointer("capacity")).isEqualTo("/tags/0/list/0/value");
    assertThat(r.pointer("technology")).isEqualTo("/tags/0");
    assertThatThrownBy(() -> r.power("capacity")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.text("colour")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readerReportsWhatTheValidatorReports() {
    var g = ProfileTags.group(TagGroup.STORAGE_TELEMETRY, ordered("stored-energy", "-1 kWh", "soc", "0.5",
        "seq", "x", "measured-at", "2026-12-01T10:00:00+01:00"));
    assertThatThrownBy(() -> TagReader.of(TagGroup.STORAGE_TELEMETRY, g, "/f"))
        .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.paths()).containsExactly(
            "/f/list/0/value", "/f/list/2/value", "/f/list/3/value"));
    assertThatThrownBy(() -> TagReader.of(TagGroup.ALERT, g, ""))
        .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.pointer()).isEqualTo("/descriptor/code"));
    var ok = ProfileTags.group(TagGroup.STORAGE_TELEMETRY, ordered("stored-energy", "1 kWh", "soc", "0.5",
        "seq", "7", "measured-at", "2026-12-01T10:00:00Z"));
    TagReader r = TagReader.of(TagGroup.STORAGE_TELEMETRY, ok, "");
    assertThat(r.integer("seq")).isEqualTo(7L);
    assertThat(r.instant("measured-at")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void exceptionReroots() {
    ProfileException e = new ProfileException("/list/0/value", "bad");
    assertThat(e.under("/tags/2").pointer()).isEqualTo("/tags/2/list/0/value");
    assertThat(e.under("")).isSameAs(e);
    assertThat(e.getMessage()).isEqualTo("/list/0/value: bad");
    assertThatThrownBy(() -> new ProfileException(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
