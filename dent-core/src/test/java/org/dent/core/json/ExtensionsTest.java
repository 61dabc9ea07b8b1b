package org.dent.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dent.core.model.Context;
import org.dent.core.model.SearchRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExtensionsTest {
  final DentCodec codec = DentCodec.standard();

  @Test
  void unknownMembersAtEveryLevelAreKeptTypedAndWrittenBack() {
    String json = "{\"context\":{\"action\":\"search\",\"x-region\":{\"grid\":\"south\"},\"ttl\":\"PT30S\"},"
        + "\"message\":{\"intent\":{\"item\":{\"price\":{\"currency\":\"INR\",\"value\":\"10.50\",\"x-n\":1.250}}},"
        + "\"x-msg\":[1,\"a\",null]},\"x-top\":true}";
    SearchRequest search = (SearchRequest) codec.decode(json.getBytes(StandardCharsets.UTF_8));

    assertThat(search.extensions()).containsOnlyKeys("x-top");
    assertThat(search.context().extensions().get("x-region").get("grid").asString()).isEqualTo("south");
    assertThat(search.message().extensions()).containsOnlyKeys("x-msg");
    assertThat(search.message().intent().item().price().value()).isEqualTo("10.50");
    JsonNode n = search.message().intent().item().price().extensions().get("x-n");
    assertThat(n.decimalValue().toPlainString()).isEqualTo("1.250");

    String written = new String(codec.encode(search), StandardCharsets.UTF_8);
    assertThat(codec.readTree(written.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(codec.readTree(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(written).contains("1.250").contains("\"10.50\"").doesNotContain("\"extensions\"");
  }

  @Test
  void recordsAreImmutableAndBuildersRoundTrip() {
    Context c = Context.builder().action("search").bapId("bap.example").ttl("PT30S").build();
    assertThat(c.extensions()).isEqualTo(Map.of());
    assertThat(c.toBuilder().bapId("other").build().bapId()).isEqualTo("other");
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
