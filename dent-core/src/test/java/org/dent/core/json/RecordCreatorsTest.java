package org.dent.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dent.core.model.BecknMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/** The cached record creators bind exactly what Jackson's own path binds, and fail the same way. */
class RecordCreatorsTest {
  final DentCodec codec = DentCodec.standard();
  final JsonMapper plain = JsonMapper.builder().build();

  /** A record whose canonical constructor refuses some input. */
  public record Checked(String name, int size) {
    public Checked {
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative");
      }
    }
  }

  /** A record Jackson can only reach through a non-public constructor: left to Jackson's own path. */
  record Hidden(String name) { }

  @Test
  void everyWorkedMessageBindsToTheSameRecordsAsPlainJackson() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/examples"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    int bound = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      JsonNode tree;
      BecknMessage ours;
      try {
        tree = codec.readTree(bytes);
        ours = codec.bind(tree);
      } catch (RuntimeException notAMessage) {
        continue; // invalid worked examples are not about binding
      }
      assertThat(plain.treeToValue(tree, ours.getClass())).as(f.toString()).isEqualTo(ours);
      bound++;
    }
    assertThat(bound).isGreaterThan(20);
  }

  @Test
  void aThrowingConstructorFailsAsItDoesWithoutTheCache() {
    JsonMapper mapper = codec.mapper();
    assertThat(mapper.readValue("{\"name\":\"a\",\"size\":2}", Checked.class)).isEqualTo(new Checked("a", 2));
    String bad = "{\"name\":\"a\",\"size\":-1}";
    Throwable withCache = org.assertj.core.api.Assertions.catchThrowable(() -> mapper.readValue(bad, Checked.class));
    Throwable without = org.assertj.core.api.Assertions.catchThrowable(() -> plain.readValue(bad, Checked.class));
    assertThat(withCache).isInstanceOf(ValueInstantiationException.class)
        .hasRootCauseMessage("size must not be negative");
    assertThat(withCache.getClass()).isEqualTo(without.getClass());
    // same message; only the source excerpt differs (the codec includes the source in locations)
    assertThat(withCache.getMessage().lines().findFirst()).isEqualTo(without.getMessage().lines().findFirst());
  }

  @Test
  void nonPublicRecordsStillBind() {
    assertThat(codec.mapper().readValue("{\"name\":\"x\"}", Hidden.class)).isEqualTo(new Hidden("x"));
    assertThatThrownBy(() -> codec.mapper().readValue("{\"name\":7}", Hidden.class))
        .isInstanceOf(tools.jackson.core.JacksonException.class);
  }
}
