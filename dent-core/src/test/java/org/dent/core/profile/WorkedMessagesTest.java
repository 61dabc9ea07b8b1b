package org.dent.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dent.core.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The hard acceptance criteria: worked messages pass, each invalid one yields exactly its listed violation. */
class WorkedMessagesTest {
  private static final StorageProfileValidator VALIDATOR = new StorageProfileValidator();

  static Stream<String> worked() {
    return Examples.WORKED.stream();
  }

  @ParameterizedTest
  @MethodSource("worked")
  void workedMessageHasNoViolation(String name) {
    JsonNode doc = Examples.load(name);
    assertThat(VALIDATOR.appliesTo(doc)).isTrue();
    assertThat(VALIDATOR.validate(doc)).as(name).isEmpty();
  }

  static Stream<Arguments> invalid() {
    List<Arguments> cases = new ArrayList<>();
    for (String line : Examples.text("invalid/expected-violations.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      cases.add(Arguments.of(parts[0], parts[1], parts[2].strip()));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidMessageHasExactlyItsListedViolation(String file, String pointer, String reason) {
    JsonNode doc = Examples.load("invalid/" + file.replace(".json", ""));
    List<Violation> violations = VALIDATOR.validate(doc);
    assertThat(violations).as(file).hasSize(1);
    Violation v = violations.get(0);
    assertThat(v.pointer()).isEqualTo(pointer);
    assertThat(v.message()).contains(reason);
    assertThat(v.code()).isEqualTo("30000");
    assertThat(doc.at(pointer).isMissingNode()).as("pointer resolves").isFalse();
  }

  @Test
  void everyInvalidFileIsListed() {
    assertThat(invalid()).hasSize(8);
  }
}
