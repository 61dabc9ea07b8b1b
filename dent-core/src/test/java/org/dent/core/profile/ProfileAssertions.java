package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dent.core.error.Violation;
import tools.jackson.databind.JsonNode;

/** Assertions shared by the rule tests. */
final class ProfileAssertions {
  static final StorageProfileValidator VALIDATOR = new StorageProfileValidator();

  private ProfileAssertions() {}

  /** Exactly one violation, at {@code pointer}, whose message contains {@code fragment}. */
  static void assertOnly(JsonNode doc, String pointer, String fragment) {
    List<Violation> violations = VALIDATOR.validate(doc);
    assertThat(violations).as("violations").hasSize(1);
    assertThat(violations.get(0).pointer()).isEqualTo(pointer);
    assertThat(violations.get(0).message()).contains(fragment);
    assertThat(violations.get(0).code()).isEqualTo("30000");
  }

  static void assertValid(JsonNode doc) {
    assertThat(VALIDATOR.validate(doc)).isEmpty();
  }
}
