package org.dent.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.dent.core.json.DentCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole demo over real HTTP, checked through its JSON story. */
class MicrogridDemoTest {
  @Test
  void playsTheWholeStoryAndTheBillAddsUp() throws Exception {
    StringWriter out = new StringWriter();
    int exit = new MicrogridDemo(new PrintWriter(out), true, 42, 1800).run();
    List<JsonNode> events = out.toString().lines().map(l -> DentCodec.standard().mapper().readTree(l)).toList();
    List<String> steps = events.stream().map(e -> e.get("step").asString()).toList();

    assertThat(exit).isZero();
    assertThat(steps).containsSubsequence("network", "search", "rival", "partial-grant", "quote", "init",
        "confirmed", "transfer-accepted", "telemetry", "alert", "receipt", "transfer-accepted", "receipt",
        "settled", "summary");
    assertThat(steps).doesNotContain("failed");

    JsonNode search = events.get(steps.indexOf("search"));
    assertThat(search.get("answers").asInt()).isEqualTo(3);
    assertThat(search.get("offers")).anySatisfy(o -> assertThat(o.get("reason").asString()).contains("km away"));

    JsonNode alert = events.get(steps.indexOf("alert"));
    assertThat(alert.get("code").asString()).isEqualTo("SOC_HIGH");
    assertThat(steps.stream().filter("alert"::equals).count()).as("one alert per crossing").isEqualTo(1);

    long[] seqs = events.stream().filter(e -> e.get("step").asString().equals("telemetry"))
        .mapToLong(e -> e.get("seq").asLong()).toArray();
    for (int i = 1; i < seqs.length; i++) {
      assertThat(seqs[i]).as("telemetry seq is increasing").isGreaterThan(seqs[i - 1]);
    }

    JsonNode settled = events.get(steps.indexOf("settled"));
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode line : settled.get("lines")) {
      sum = sum.add(new BigDecimal(line.get("amount").asString()));
    }
    assertThat(sum).isEqualByComparingTo(settled.get("total").asString());
    assertThat(settled.get("status").asString()).isEqualTo("CANCELLED");

    // the aggregation act: split across providers, one leg loses the race at confirm and is re-planned
    assertThat(steps).containsSubsequence("settled", "aggregate-plan", "aggregate-rival", "aggregate-portfolio",
        "aggregate-transfer", "aggregate-state", "aggregate-transfer", "aggregate-state", "aggregate-settled");
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("step").asString()).isEqualTo("aggregate-saga");
      assertThat(e.get("kind").asString()).isEqualTo("LEG_FAILED");
      assertThat(e.get("code").asString()).isEqualTo("40002");
    });
    assertThat(events.stream().filter(e -> e.get("step").asString().equals("aggregate-saga")
        && e.get("kind").asString().equals("PLANNED")).count()).isGreaterThanOrEqualTo(2);
    JsonNode portfolio = events.get(steps.indexOf("aggregate-portfolio"));
    assertThat(portfolio.get("providers").size()).isGreaterThanOrEqualTo(2);
    JsonNode plan = events.get(steps.indexOf("aggregate-plan"));
    assertThat(new BigDecimal(plan.get("largest_offer_kwh").asString())).isLessThan(new BigDecimal("2200"));
    java.nio.file.Path report = java.nio.file.Path.of(events.get(steps.indexOf("aggregate-settled")).get("report")
        .asString());
    assertThat(java.nio.file.Files.readString(report)).contains("<svg").doesNotContain("http://");
    java.nio.file.Files.deleteIfExists(report);
  }
}
