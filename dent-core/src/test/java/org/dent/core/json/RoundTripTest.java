package org.dent.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class RoundTripTest {
  static final String[] EV_FILES = {"search", "on_search", "select", "on_select", "init", "on_init", "confirm",
      "on_confirm", "status", "on_status", "track", "on_track", "update", "on_update", "cancel", "on_cancel",
      "rating", "on_rating", "support", "on_support"};

  static Stream<String> evFiles() {
    return Stream.of(EV_FILES);
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = RoundTripTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @MethodSource("evFiles")
  void everyEvChargingSampleSurvivesReadThenWrite(String name) throws IOException {
    DentCodec codec = DentCodec.standard();
    byte[] bytes = resource("/examples/dent-ev-charging/" + name + ".json");
    JsonNode original = codec.readTree(bytes);

    BecknMessage message = codec.decode(bytes);
    assertThat(message.action()).isEqualTo(Action.fromWireName(name));
    assertThat(message.getClass()).isEqualTo(Action.fromWireName(name).messageType());

    JsonNode written = codec.readTree(codec.encode(message));
    assertThat(written).isEqualTo(original);
  }
}
