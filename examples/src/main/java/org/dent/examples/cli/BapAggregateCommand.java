package org.dent.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.client.aggregation.AggregationException;
import org.dent.client.aggregation.Aggregator;
import org.dent.client.aggregation.ConsolidatedStatement;
import org.dent.client.aggregation.Leg;
import org.dent.client.aggregation.Plan;
import org.dent.client.aggregation.PlannedLeg;
import org.dent.client.aggregation.Portfolio;
import org.dent.client.aggregation.PortfolioOffer;
import org.dent.client.aggregation.PortfolioReport;
import org.dent.client.aggregation.SagaEvent;
import org.dent.client.bap.DentClient;
import org.dent.core.model.Billing;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dent bap aggregate}: search, plan the cheapest portfolio of offers for a need larger than one offer, and
 * reserve it (or nothing) with the {@link Aggregator} saga; prints the legs and the saga's journal, and with
 * {@code --report} writes the portfolio's HTML report (quoted costs). {@code --plan-only} stops after planning.
 * Exit 0 with a complete portfolio, 1 when none could be reserved (nothing is left reserved then).
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = "Reserve a storage need across several offers (cheapest portfolio, all or nothing).")
final class BapAggregateCommand extends BapCommand.Base {
  @Option(names = "--bpp", paramLabel = "URL", description = "A BPP to search (repeatable).") List<URI> bpps;
  @Option(names = "--gateway", paramLabel = "URL", description = "Search through this gateway instead.")
  @Nullable URI gatewayUrl;
  @Option(names = "--lat", required = true) BigDecimal lat;
  @Option(names = "--lon", required = true) BigDecimal lon;
  @Option(names = "--radius-km", required = true) BigDecimal radiusKm;
  @Option(names = "--energy", required = true, paramLabel = "ENERGY", description = "e.g. \"600 kWh\"") String energy;
  @Option(names = "--from", required = true, paramLabel = "RFC3339") Instant from;
  @Option(names = "--to", required = true, paramLabel = "RFC3339") Instant to;
  @Option(names = "--min-charge-power", paramLabel = "POWER") @Nullable String minCharge;
  @Option(names = "--min-discharge-power", paramLabel = "POWER") @Nullable String minDischarge;
  @Option(names = "--budget", paramLabel = "AMOUNT", arity = "1..2",
      description = "Most to pay for the whole window: AMOUNT, or CURRENCY AMOUNT (e.g. INR 2500).")
  @Nullable List<String> budget;
  @Option(names = "--currency", defaultValue = "INR") String currency;
  @Option(names = "--billing-name", paramLabel = "NAME", description = "Default: the subscriber id.")
  @Nullable String billingName;
  @Option(names = "--payment-method", paramLabel = "METHOD", defaultValue = "BANK-TRANSFER") String method;
  @Option(names = "--report", paramLabel = "FILE.html", description = "Write the portfolio's HTML report here.")
  @Nullable Path report;
  @Option(names = "--plan-only", description = "Print the plan without reserving anything.") boolean planOnly;

  @Override
  @Nullable URI gateway() {
    return gatewayUrl;
  }

  @Override
  int send(DentClient client, PrintWriter out) throws Exception {
    if ((bpps == null || bpps.isEmpty()) == (gatewayUrl == null)) {
      throw BapOptions.usage(spec, "give either --bpp (one or more) or --gateway");
    }
    StorageRequirement need = new StorageRequirement(new SearchArea(new GeoPoint(lat, lon), radiusKm),
        new TimeWindow(from, to), Energy.parse(energy), budget(),
        minCharge == null ? null : Power.parse(minCharge), minDischarge == null ? null : Power.parse(minDischarge));
    Aggregator.Builder b = Aggregator.builder(client)
        .billing(Billing.builder().name(billingName == null ? options.subscriberId : billingName).build())
        .paymentMethod(method);
    if (bpps != null && !bpps.isEmpty()) {
      b.bpps(bpps);
    }
    Aggregator agg = b.build();
    List<PortfolioOffer> offers = agg.search(need);
    out.println(offers.size() + " offer(s) found");
    Plan plan = agg.planner().plan(need, offers);
    List<List<String>> rows = new ArrayList<>();
    for (PlannedLeg l : plan.legs()) {
      rows.add(List.of(l.offer().bppId(), l.offer().offer().providerId() + "/" + l.offer().offer().itemId(),
          l.energy().format(), l.cost().rounded().value()));
    }
    out.println("plan (" + (plan.optimal() ? "optimal" : "best found, lower bound " + plan.lowerBound().rounded()
        .value()) + "), estimated " + plan.cost().rounded().value() + " " + plan.cost().currency() + ":");
    out.print(Show.table(List.of("BPP", "offer", "energy", "estimate"), rows));
    if (planOnly) {
      return 0;
    }
    Portfolio p;
    try {
      p = agg.reserve(need, offers);
    } catch (AggregationException e) {
      printJournal(out, e.journal());
      throw e;
    }
    printJournal(out, p.journal());
    List<List<String>> legs = new ArrayList<>();
    for (Leg l : p.legs()) {
      legs.add(List.of(l.offer().bppId(), l.offer().offer().itemId(), l.energy().format(), l.orderId(),
          l.quote().total().value()));
    }
    out.println("portfolio: " + p.legs().size() + " legs, " + p.energy().format() + ", quoted "
        + p.quotedCost().value() + " " + p.quotedCost().currency());
    out.print(Show.table(List.of("BPP", "item", "energy", "order", "quote"), legs));
    if (report != null) {
      Map<String, Bill> quotes = new LinkedHashMap<>();
      p.legs().forEach(l -> quotes.put(l.orderId(), l.quote()));
      PortfolioReport r = PortfolioReport.of(p, ConsolidatedStatement.of(p.legs(), quotes), Map.of(), Map.of());
      Files.writeString(report, r.toHtml());
      out.println("report written to " + report.toAbsolutePath());
    }
    return 0;
  }

  private @Nullable Money budget() {
    if (budget == null || budget.isEmpty()) {
      return null;
    }
    if (budget.size() == 2) {
      return Money.of(new BigDecimal(budget.get(1)), Money.currency(budget.get(0)));
    }
    return Money.of(new BigDecimal(budget.get(0)), Money.currency(currency));
  }

  private static void printJournal(PrintWriter out, List<SagaEvent> journal) {
    for (SagaEvent e : journal) {
      out.println("  " + e.kind() + (e.offerKey() == null ? "" : " " + e.offerKey())
          + (e.code() == null ? "" : " [" + e.code() + "]") + ": " + e.detail());
    }
  }
}
