package org.dent.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dent.core.error.MalformedMessageException;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: every case ends in a typed error with a position or pointer, quickly. */
class BadInputTest {
  final DentCodec codec = DentCodec.standard();

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static final String SEARCH = "{\"context\":{\"domain\":\"dent:energy-storage:0.1.0\",\"action\":\"search\","
      + "\"version\":\"1.1.0\",\"ttl\":\"PT30S\"},\"message\":{\"intent\":{}}}";

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> codec.readTree(utf8("{\n  \"context\": {,\n}")))
        .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(15);
          assertThat(e.code()).isEqualTo("30000");
        });
  }

  @Test
  void nonObjectAndEmptyDocumentsAreRefused() {
    assertThatThrownBy(() -> codec.readTree(utf8("[1,2]"))).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> codec.readTree(new byte[0])).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> codec.readTree(utf8("{} {}"))).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void wrongTypeIsNamedByPointerAndNeverCoerced() {
    String json = SEARCH.replace("\"ttl\":\"PT30S\"", "\"ttl\":30");
    assertThatThrownBy(() -> codec.decode(utf8(json)))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.paths()).containsExactly("/context/ttl"));
    String nested = SEARCH.replace("\"intent\":{}", "\"intent\":{\"tags\":[{\"list\":[{\"display\":\"yes\"}]}]}");
    assertThatThrownBy(() -> codec.decode(utf8(nested)))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.paths()).containsExactly("/message/intent/tags/0/list/0/display"));
  }

  @Test
  void missingContextAndUnknownActionAreTyped() {
    assertThatThrownBy(() -> codec.decode(utf8("{\"message\":{}}")))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.paths()).containsExactly("/context"));
    assertThatThrownBy(() -> codec.decode(utf8(SEARCH.replace("\"search\"", "\"purchase\""))))
        .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
          assertThat(e.paths()).containsExactly("/context/action");
          assertThat(e).hasMessageContaining("purchase");
        });
  }

  @Test
  void fiftyMegabyteBodyIsRefusedBeforeParsing() {
    byte[] big = new byte[50 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    assertThatThrownBy(() -> codec.readTree(big)).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void documentJustOverAConfiguredLimitIsRefusedByTheParserToo() {
    DentCodec small = DentCodec.builder().maxBytes(64).build();
    assertThatThrownBy(() -> small.readTree(utf8("{\"a\":\"" + "x".repeat(100) + "\"}")))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void nestingTenThousandDeepFailsWithoutStackOverflow() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    assertThatThrownBy(() -> codec.readTree(utf8(deep))).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("depth");
    String deepArrays = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertThatThrownBy(() -> codec.readTree(utf8(deepArrays))).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void fourHundredDigitNumberIsRefused() {
    String json = "{\"context\":{},\"n\":" + "9".repeat(400) + "}";
    assertThatThrownBy(() -> codec.readTree(utf8(json)))
        .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
          assertThat(e).hasMessageContaining("Number value length");
          assertThat(e.line()).isEqualTo(1);
        });
    String fraction = "{\"n\":0." + "1".repeat(400) + "}";
    assertThatThrownBy(() -> codec.readTree(utf8(fraction))).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> codec.readTree(utf8("{\"context\":{\"action\":\"search\",\"action\":\"select\"}}")))
        .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
          assertThat(e).hasMessageContaining("Duplicate");
          assertThat(e.column()).isGreaterThan(1);
        });
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] prefix = utf8("{\"context\":{\"bap_id\":\"");
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    byte[] suffix = utf8("\"}}");
    byte[] all = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(bad, 0, all, prefix.length, bad.length);
    System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
    assertThatThrownBy(() -> codec.readTree(all)).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("UTF-8");
  }
}
