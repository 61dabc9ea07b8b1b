package org.dent.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dent.client.aggregation.Aggregator;
import org.dent.client.aggregation.ConsolidatedStatement;
import org.dent.client.aggregation.Dispatcher;
import org.dent.client.aggregation.Leg;
import org.dent.client.aggregation.Portfolio;
import org.dent.client.aggregation.PortfolioMonitor;
import org.dent.client.aggregation.PortfolioReport;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole portfolio over loopback: aggregate 400 kWh over three reference BPPs, charge and discharge across the
 * legs, follow telemetry, release, settle in one statement and report; the statement and the report are reconciled
 * with the legs' own bills and receipts, and the HTML report is parsed.
 */
class AggregationFlowTest {
  AggregationNetwork net;

  @AfterEach
  void stop() {
    if (net != null) {
      net.close();
    }
  }

  void advance(String to) {
    Instant t = Instant.parse(to);
    net.clock.advance(Duration.between(net.clock.instant(), t));
    net.bpps.values().forEach(b -> b.operator.reference.simulator().advanceTo(t));
  }

  @Test
  void aggregateDispatchSettleAndReport() throws Exception {
    net = new AggregationNetwork(AggregatorSagaTest.fourAssets().subList(0, 3));
    Aggregator agg = Aggregator.builder(net.bap).bpps(net.urls()).clock(net.clock)
        .billing(Billing.builder().name("Sunfield Solar Co-op").build()).build();
    Portfolio p = agg.aggregate(AggregatorSagaTest.need("400"));
    assertThat(p.legs()).hasSizeGreaterThanOrEqualTo(2);

    PortfolioMonitor monitor = new PortfolioMonitor(p.legs(), net.clock, Duration.ofMinutes(45),
        new BigDecimal("0.9"), new BigDecimal("0.1"), new BigDecimal("0.05"));
    Map<String, List<Receipt>> receipts = new ConcurrentHashMap<>();
    List<BecknMessage> pushes = new CopyOnWriteArrayList<>();
    for (Leg l : p.legs()) {
      net.bap.onUpdate(l.target().transactionId(), m -> {
        pushes.add(m);
        if (m instanceof OnStatusCallback s && s.message() != null && s.message().order() != null) {
          for (Fulfillment f : s.message().order().fulfillments()) {
            Receipt.in(f.tags()).ifPresent(r -> receipts.computeIfAbsent(l.orderId(), k -> new CopyOnWriteArrayList<>())
                .add(r));
          }
        }
      });
    }
    Dispatcher dispatcher = new Dispatcher(net.bap, Duration.ofSeconds(30));

    advance("2026-12-01T09:45:00Z");
    poll(p, monitor);
    Dispatcher.Result charged = dispatcher.dispatch(p.legs(), monitor.latest(), TransferDirection.CHARGE,
        Energy.parse("300 kWh"), Power.parse("100 kW"), Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(charged.refused()).isEmpty();
    for (String t : List.of("10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00")) {
      advance("2026-12-01T" + t + ":00Z");
      poll(p, monitor);
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> receipts.values().stream().mapToInt(List::size).sum()
        == charged.accepted().size());
    Dispatcher.Result discharged = dispatcher.dispatch(p.legs(), monitor.latest(), TransferDirection.DISCHARGE,
        Energy.parse("150 kWh"), Power.parse("80 kW"), Instant.parse("2026-12-01T14:00:00Z"));
    assertThat(discharged.refused()).isEmpty();
    for (String t : List.of("14:30", "15:00", "15:30", "16:00", "16:30")) {
      advance("2026-12-01T" + t + ":00Z");
      poll(p, monitor);
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> receipts.values().stream().mapToInt(List::size).sum()
        == charged.accepted().size() + discharged.accepted().size());
    assertThat(monitor.state().complete()).isTrue();

    Map<String, Bill> bills = agg.release(p);
    assertThat(bills).hasSize(p.legs().size());
    ConsolidatedStatement st = ConsolidatedStatement.of(p.legs(), bills);

    // the statement reconciles with every leg's bill, line by line and in total
    Money sumOfBills = Money.zero(st.currency());
    for (Leg l : p.legs()) {
      Bill b = bills.get(l.orderId());
      sumOfBills = sumOfBills.plus(b.total());
      assertThat(st.byLeg().get(l.orderId())).isEqualTo(b.total());
      assertThat(st.lines().stream().filter(x -> x.orderId().equals(l.orderId())).map(x -> x.line()).toList())
          .containsExactlyElementsOf(b.lines());
    }
    assertThat(st.total()).isEqualTo(sumOfBills);
    for (BillLineKind k : List.of(BillLineKind.ENERGY_IN, BillLineKind.ENERGY_OUT, BillLineKind.TAX)) {
      Money fromBills = bills.values().stream().map(b -> b.amount(k)).reduce(Money.zero(st.currency()), Money::plus);
      assertThat(st.byKind().getOrDefault(k, Money.zero(st.currency()))).isEqualTo(fromBills);
    }

    Map<String, List<Receipt>> receiptCopy = new LinkedHashMap<>(receipts);
    PortfolioReport report = PortfolioReport.of(p, st, receiptCopy, monitor.readings());
    assertThat(report.energyInKwh()).isEqualByComparingTo("300");
    assertThat(report.energyOutKwh()).isEqualByComparingTo("150");
    assertThat(report.costPerKwhStored()).isEqualByComparingTo(st.total().amount().divide(new BigDecimal("300"),
        new MathContext(6)));
    assertThat(report.utilisation()).isBetween(new BigDecimal("0.05"), BigDecimal.ONE);
    assertThat(report.efficiencyOverall()).isBetween(new BigDecimal("0.8"), BigDecimal.ONE);
    assertThat(report.efficiencyByProvider()).hasSize(p.legs().size());

    JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
    assertThat(new BigDecimal(json.get("total_cost").asString())).isEqualByComparingTo(st.total().amount());
    assertThat(json.get("legs").size()).isEqualTo(p.legs().size());
    assertThat(json.get("statement").size()).isEqualTo(st.lines().size());

    String html = report.toHtml();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(p.legs().size() + 1);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
        .doesNotContain("url(").doesNotContain("@import").doesNotContain("src=");
    assertThat(html).contains(st.total().amount().toPlainString());
    List<String> orderIds = new ArrayList<>();
    p.legs().forEach(l -> orderIds.add(l.orderId()));
    assertThat(html).contains(orderIds);
  }

  /** Asks every leg's status, feeding the monitor (deterministic telemetry at each step). */
  void poll(Portfolio p, PortfolioMonitor monitor) {
    for (Leg l : p.legs()) {
      monitor.accept(l.orderId(), net.bap.status(l.target(), l.orderId()).orTimeout(30, TimeUnit.SECONDS).join());
    }
  }
}
