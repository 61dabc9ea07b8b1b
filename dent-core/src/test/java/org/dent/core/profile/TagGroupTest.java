package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tag table is consistent: codes unique, enumerations with values, lookups both ways. */
class TagGroupTest {

  @Test
  void tableIsConsistent() {
    Set<String> groups = new HashSet<>();
    for (TagGroup g : TagGroup.values()) {
      assertThat(groups.add(g.code())).as(g.code()).isTrue();
      assertThat(TagGroup.fromCode(g.code())).contains(g);
      assertThat(g.tags()).isNotEmpty();
      Set<String> codes = new HashSet<>();
      for (TagSpec s : g.tags()) {
        assertThat(codes.add(s.code())).as(g.code() + "/" + s.code()).isTrue();
        assertThat(g.tag(s.code())).contains(s);
        boolean enumerated = s.kind() == TagKind.ENUM || s.kind() == TagKind.ENUM_SET || s.kind() == TagKind.CODE;
        assertThat(s.values().isEmpty()).as(s.code()).isEqualTo(!enumerated);
        assertThat(s.label()).isNotBlank();
      }
      assertThat(codes).containsAll(g.requiredCodes());
    }
    assertThat(TagGroup.fromCode("transfer-schedule")).contains(TagGroup.TRANSFER_SCHEDULE);
    assertThat(TagGroup.fromCode("vendor-extras")).isEmpty();
    assertThat(TagGroup.fromCode(null)).isEmpty();
    assertThat(TagGroup.STORAGE_SPEC.tag("colour")).isEmpty();
  }

  @Test
  void tableMatchesTheProfile() {
    assertThat(TagGroup.TRANSFER_REQUEST.requiredCodes()).containsExactly("direction", "energy", "power", "start");
    assertThat(TagGroup.TRANSFER_REQUEST.tag("energy").orElseThrow().sign()).isEqualTo(TagSpec.Sign.POSITIVE);
    assertThat(TagGroup.STORAGE_TELEMETRY.tag("soc").orElseThrow().kind()).isEqualTo(TagKind.FRACTION);
    assertThat(TagGroup.STORAGE_SPEC.tag("round-trip-efficiency").orElseThrow().kind())
        .isEqualTo(TagKind.EFFICIENCY);
    assertThat(TagGroup.PAYMENT_TERMS.tag("method").orElseThrow().values())
        .containsExactly("UPI", "CARD", "BANK-TRANSFER", "INVOICE");
    assertThat(TagGroup.PRICING.tag("model").orElseThrow().values())
        .containsExactly("capacity-time", "energy-throughput", "fixed");
  }
}
