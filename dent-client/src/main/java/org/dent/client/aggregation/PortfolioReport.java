package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dent.client.report.HtmlReport;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a portfolio did and cost, as JSON ({@link #toJson()}) and as one self-contained HTML page with inline SVG
 * charts ({@link #toHtml()}: no scripts, no fonts, no URLs).
 *
 * <ul>
 *   <li><b>Utilisation</b>: energy-hours used ÷ energy-hours reserved. Reserved: each leg's reserved kWh × the window's
 *       hours. Used: each leg's stored energy integrated over time from its telemetry, each reading held until the
 *       next (between the leg's first and last reading).
 *   <li><b>Cost per kWh</b>: the consolidated statement's total ÷ the energy stored (receipts' {@code energy-in}),
 *       and ÷ the energy retrieved ({@code energy-out}).
 *   <li><b>Realised round-trip efficiency</b>, per provider and overall: energy out ÷ the energy in that was
 *       withdrawn, i.e. energy in minus what is still stored at the last reading ÷ √(nominal efficiency) (energy in
 *       is stored at that factor), so a residual does not count as a loss. Null when nothing was withdrawn.
 * </ul>
 *
 * Amounts are exact sums of the bills' lines; ratios are rounded to 6 significant digits.
 */
public final class PortfolioReport {
  private static final MathContext MC = new MathContext(6, RoundingMode.HALF_EVEN);
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Portfolio portfolio;
  private final ConsolidatedStatement statement;
  private final Map<String, List<Telemetry>> readings;
  private final List<LegFigures> legs = new ArrayList<>();
  private final BigDecimal reservedKwhH;
  private final BigDecimal usedKwhH;
  private final BigDecimal energyIn;
  private final BigDecimal energyOut;

  /** One leg's figures. */
  public record LegFigures(String orderId, String name, String providerId, BigDecimal reservedKwh,
      BigDecimal energyInKwh, BigDecimal energyOutKwh, BigDecimal residualKwh, BigDecimal withdrawnInKwh,
      BigDecimal reservedKwhH, BigDecimal usedKwhH, Money cost) {}

  private PortfolioReport(Portfolio portfolio, ConsolidatedStatement statement, Map<String, List<Receipt>> receipts,
      Map<String, List<Telemetry>> readings) {
    this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
    this.statement = Objects.requireNonNull(statement, "statement");
    this.readings = Map.copyOf(readings);
    Map<String, Money> byLeg = statement.byLeg();
    BigDecimal rh = BigDecimal.ZERO;
    BigDecimal uh = BigDecimal.ZERO;
    BigDecimal in = BigDecimal.ZERO;
    BigDecimal out = BigDecimal.ZERO;
    for (Leg l : portfolio.legs()) {
      BigDecimal reserved = l.energy().in(EnergyUnit.KWH);
      BigDecimal hours = hours(l.window().duration());
      BigDecimal legIn = BigDecimal.ZERO;
      BigDecimal legOut = BigDecimal.ZERO;
      for (Receipt r : receipts.getOrDefault(l.orderId(), List.of())) {
        legIn = r.energyIn() == null ? legIn : legIn.add(r.energyIn().in(EnergyUnit.KWH));
        legOut = r.energyOut() == null ? legOut : legOut.add(r.energyOut().in(EnergyUnit.KWH));
      }
      List<Telemetry> series = this.readings.getOrDefault(l.orderId(), List.of());
      BigDecimal used = BigDecimal.ZERO;
      for (int k = 0; k + 1 < series.size(); k++) {
        used = used.add(series.get(k).storedEnergy().in(EnergyUnit.KWH)
            .multiply(hours(Duration.between(series.get(k).measuredAt(), series.get(k + 1).measuredAt()))));
      }
      BigDecimal residual = series.isEmpty() ? BigDecimal.ZERO
          : series.get(series.size() - 1).storedEnergy().in(EnergyUnit.KWH);
      BigDecimal sqrtEta = l.offer().offer().spec().roundTripEfficiency().sqrt(MathContext.DECIMAL64);
      BigDecimal withdrawnIn = legIn.subtract(residual.divide(sqrtEta, MathContext.DECIMAL64)).max(BigDecimal.ZERO);
      legs.add(new LegFigures(l.orderId(), l.name(), l.offer().offer().providerId(), reserved, legIn, legOut,
          residual, withdrawnIn, reserved.multiply(hours), used,
          byLeg.getOrDefault(l.orderId(), Money.zero(statement.currency()))));
      rh = rh.add(reserved.multiply(hours));
      uh = uh.add(used);
      in = in.add(legIn);
      out = out.add(legOut);
    }
    this.reservedKwhH = rh;
    this.usedKwhH = uh;
    this.energyIn = in;
    this.energyOut = out;
  }

  /**
   * A report of {@code portfolio}.
   *
   * @param receipts each leg's transfer receipts by order id
   * @param readings each leg's telemetry by order id, in order ({@link PortfolioMonitor#readings()})
   */
  public static PortfolioReport of(Portfolio portfolio, ConsolidatedStatement statement,
      Map<String, List<Receipt>> receipts, Map<String, List<Telemetry>> readings) {
    return new PortfolioReport(portfolio, statement, receipts, readings);
  }

  /** Each leg's figures, in portfolio order. */
  public List<LegFigures> legs() {
    return List.copyOf(legs);
  }

  /** The consolidated statement the costs come from. */
  public ConsolidatedStatement statement() {
    return statement;
  }

  /** Energy-hours used ÷ reserved; zero when nothing was reserved. */
  public BigDecimal utilisation() {
    return reservedKwhH.signum() == 0 ? BigDecimal.ZERO : usedKwhH.divide(reservedKwhH, MC);
  }

  /** Reserved energy-hours (kWh·h). */
  public BigDecimal reservedEnergyHours() {
    return reservedKwhH;
  }

  /** Used energy-hours (kWh·h). */
  public BigDecimal usedEnergyHours() {
    return usedKwhH;
  }

  /** Energy stored, kWh, from the receipts. */
  public BigDecimal energyInKwh() {
    return energyIn;
  }

  /** Energy retrieved, kWh, from the receipts. */
  public BigDecimal energyOutKwh() {
    return energyOut;
  }

  /** Total cost ÷ kWh stored; null when nothing was stored. */
  public @Nullable BigDecimal costPerKwhStored() {
    return energyIn.signum() == 0 ? null : statement.total().amount().divide(energyIn, MC);
  }

  /** Total cost ÷ kWh retrieved; null when nothing was retrieved. */
  public @Nullable BigDecimal costPerKwhRetrieved() {
    return energyOut.signum() == 0 ? null : statement.total().amount().divide(energyOut, MC);
  }

  /** Realised round-trip efficiency by provider id (null values when nothing was withdrawn there). */
  public Map<String, @Nullable BigDecimal> efficiencyByProvider() {
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    for (LegFigures f : legs) {
      BigDecimal[] s = sums.computeIfAbsent(f.providerId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(f.energyOutKwh());
      s[1] = s[1].add(f.withdrawnInKwh());
    }
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    sums.forEach((k, s) -> out.put(k, s[1].signum() == 0 ? null : s[0].divide(s[1], MC)));
    return out;
  }

  /** Realised round-trip efficiency of the whole portfolio; null when nothing was withdrawn. */
  public @Nullable BigDecimal efficiencyOverall() {
    BigDecimal withdrawn = BigDecimal.ZERO;
    for (LegFigures f : legs) {
      withdrawn = withdrawn.add(f.withdrawnInKwh());
    }
    return withdrawn.signum() == 0 ? null : energyOut.divide(withdrawn, MC);
  }

  /** The report as a JSON-ready map (keys in a fixed order). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("need", Map.of("energy", portfolio.need().energy().format(), "window_start",
        portfolio.need().window().start().toString(), "window_end", portfolio.need().window().end().toString()));
    m.put("currency", statement.currency().getCurrencyCode());
    m.put("total_cost", statement.total().amount());
    m.put("reserved_energy_hours_kwh_h", reservedKwhH.round(MC));
    m.put("used_energy_hours_kwh_h", usedKwhH.round(MC));
    m.put("utilisation", utilisation());
    m.put("energy_in_kwh", energyIn);
    m.put("energy_out_kwh", energyOut);
    m.put("cost_per_kwh_stored", costPerKwhStored());
    m.put("cost_per_kwh_retrieved", costPerKwhRetrieved());
    m.put("round_trip_efficiency_overall", efficiencyOverall());
    m.put("round_trip_efficiency_by_provider", efficiencyByProvider());
    List<Map<String, Object>> legList = new ArrayList<>();
    for (LegFigures f : legs) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("order_id", f.orderId());
      l.put("leg", f.name());
      l.put("provider", f.providerId());
      l.put("reserved_kwh", f.reservedKwh());
      l.put("energy_in_kwh", f.energyInKwh());
      l.put("energy_out_kwh", f.energyOutKwh());
      l.put("residual_kwh", f.residualKwh());
      l.put("used_energy_hours_kwh_h", f.usedKwhH().round(MC));
      l.put("cost", f.cost().amount());
      legList.add(l);
    }
    m.put("legs", legList);
    Map<String, Object> kinds = new LinkedHashMap<>();
    statement.byKind().forEach((k, v) -> kinds.put(k == BillLineKind.OTHER ? "other" : k.title(), v.amount()));
    m.put("cost_by_kind", kinds);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ConsolidatedStatement.Line l : statement.lines()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("order_id", l.orderId());
      x.put("bpp", l.bppId());
      x.put("item", l.itemId());
      x.put("title", l.line().title());
      x.put("amount", l.line().amount().amount());
      lines.add(x);
    }
    m.put("statement", lines);
    return m;
  }

  /** The report as JSON. */
  public String toJson() {
    return JSON.writeValueAsString(toMap());
  }

  /** The report as one self-contained, well-formed HTML page with inline SVG charts. */
  public String toHtml() {
    String cur = statement.currency().getCurrencyCode();
    StringBuilder h = HtmlReport.begin("Storage portfolio report");
    h.append("<p>Need ").append(esc(portfolio.need().energy().format()))
        .append(" from ").append(portfolio.need().window().start()).append(" to ")
        .append(portfolio.need().window().end()).append(", ").append(legs.size()).append(" legs.</p>\n");
    h.append("<table><tr><th class=\"l\">Figure</th><th>Value</th></tr>\n");
    row(h, "Total cost (" + cur + ")", statement.total().amount().toPlainString());
    row(h, "Energy stored (kWh)", plain(energyIn));
    row(h, "Energy retrieved (kWh)", plain(energyOut));
    row(h, "Utilisation (energy-hours used / reserved)", plain(utilisation()) + " (" + plain(usedKwhH.round(MC))
        + " / " + plain(reservedKwhH.round(MC)) + " kWh·h)");
    row(h, "Cost per kWh stored (" + cur + ")", plain(costPerKwhStored()));
    row(h, "Cost per kWh retrieved (" + cur + ")", plain(costPerKwhRetrieved()));
    row(h, "Round-trip efficiency, overall", plain(efficiencyOverall()));
    efficiencyByProvider().forEach((p, e) -> row(h, "Round-trip efficiency, " + p, plain(e)));
    h.append("</table>\n<h2>State of charge</h2>\n").append(socChart()).append('\n');
    h.append("<h2>Cost breakdown</h2>\n").append(costChart()).append('\n');
    h.append("<h2>Legs</h2>\n<table><tr><th class=\"l\">Leg</th><th class=\"l\">Order</th><th>Reserved kWh</th>")
        .append("<th>In kWh</th><th>Out kWh</th><th>Residual kWh</th><th>Cost ").append(cur).append("</th></tr>\n");
    for (LegFigures f : legs) {
      h.append("<tr><td class=\"l\">").append(esc(f.name())).append("</td><td class=\"l\">").append(esc(f.orderId()))
          .append("</td><td>").append(plain(f.reservedKwh())).append("</td><td>").append(plain(f.energyInKwh()))
          .append("</td><td>").append(plain(f.energyOutKwh())).append("</td><td>")
          .append(plain(f.residualKwh().round(MC))).append("</td><td>").append(f.cost().amount().toPlainString())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<h2>Consolidated statement</h2>\n<table><tr><th class=\"l\">Order</th>")
        .append("<th class=\"l\">BPP</th><th class=\"l\">Item</th><th class=\"l\">Line</th><th>Amount ").append(cur)
        .append("</th></tr>\n");
    for (ConsolidatedStatement.Line l : statement.lines()) {
      h.append("<tr><td class=\"l\">").append(esc(l.orderId())).append("</td><td class=\"l\">").append(esc(l.bppId()))
          .append("</td><td class=\"l\">").append(esc(l.itemId())).append("</td><td class=\"l\">")
          .append(esc(l.line().title())).append("</td><td>").append(l.line().amount().amount().toPlainString())
          .append("</td></tr>\n");
    }
    h.append("<tr><th class=\"l\" colspan=\"4\">Total</th><th>").append(statement.total().amount().toPlainString())
        .append("</th></tr>\n</table>\n");
    return HtmlReport.end(h);
  }

  private String socChart() {
    int w = 720;
    int ht = 260;
    int pad = 40;
    List<Leg> ls = portfolio.legs();
    Instant t0 = null;
    Instant t1 = null;
    List<Object[]> merged = new ArrayList<>(); // {Instant, legIndex, Telemetry}
    for (int i = 0; i < ls.size(); i++) {
      for (Telemetry t : readings.getOrDefault(ls.get(i).orderId(), List.of())) {
        merged.add(new Object[] {t.measuredAt(), i, t});
        t0 = t0 == null || t.measuredAt().isBefore(t0) ? t.measuredAt() : t0;
        t1 = t1 == null || t.measuredAt().isAfter(t1) ? t.measuredAt() : t1;
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg width=\"").append(w).append("\" height=\"").append(ht + 30).append("\" viewBox=\"0 0 ").append(w)
        .append(' ').append(ht + 30).append("\" role=\"img\" aria-label=\"state of charge over time\">")
        .append("<rect x=\"").append(pad).append("\" y=\"10\" width=\"").append(w - 2 * pad).append("\" height=\"")
        .append(ht - 2 * pad + 20).append("\" fill=\"none\" stroke=\"#999\"/>");
    int plotH = ht - 2 * pad + 20;
    for (int k = 0; k <= 4; k++) {
      double y = 10 + plotH * (1 - k / 4.0);
      s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-size=\"10\">%.2f</text>", y + 3, k / 4.0));
    }
    if (t0 == null || !t1.isAfter(t0)) {
      s.append("<text x=\"").append(pad + 10).append("\" y=\"40\" font-size=\"12\">no telemetry</text></svg>");
      return s.toString();
    }
    merged.sort(Comparator.comparing(o -> (Instant) o[0]));
    double span = Duration.between(t0, t1).toMillis();
    Instant start = t0;
    java.util.function.Function<Instant, Double> x = t -> pad + (w - 2.0 * pad) * Duration.between(start, t).toMillis()
        / span;
    java.util.function.Function<BigDecimal, Double> y = v -> 10 + plotH * (1 - Math.max(0, Math.min(1,
        v.doubleValue())));
    for (int i = 0; i < ls.size(); i++) {
      StringBuilder pts = new StringBuilder();
      for (Telemetry t : readings.getOrDefault(ls.get(i).orderId(), List.of())) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(t.measuredAt()), y.apply(t.soc().value())));
      }
      s.append("<polyline fill=\"none\" stroke=\"").append(HtmlReport.COLOURS.get(i % HtmlReport.COLOURS.size()))
          .append("\" stroke-width=\"1.5\" points=\"").append(pts.toString().trim()).append("\"/>");
    }
    // aggregate: Σ stored / Σ reserved with each leg's last reading (legs not yet reporting count as empty)
    BigDecimal reserved = BigDecimal.ZERO;
    for (Leg l : ls) {
      reserved = reserved.add(l.energy().in(EnergyUnit.KWH));
    }
    BigDecimal[] stored = new BigDecimal[ls.size()];
    java.util.Arrays.fill(stored, BigDecimal.ZERO);
    StringBuilder agg = new StringBuilder();
    for (Object[] o : merged) {
      stored[(Integer) o[1]] = ((Telemetry) o[2]).storedEnergy().in(EnergyUnit.KWH);
      BigDecimal sum = BigDecimal.ZERO;
      for (BigDecimal b : stored) {
        sum = sum.add(b);
      }
      BigDecimal soc = reserved.signum() == 0 ? BigDecimal.ZERO : sum.divide(reserved, MathContext.DECIMAL64);
      agg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply((Instant) o[0]), y.apply(soc)));
    }
    s.append("<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"3\" points=\"").append(agg.toString().trim())
        .append("\"/>");
    int lx = pad;
    int ly = ht + 22;
    s.append("<text x=\"").append(lx).append("\" y=\"").append(ly)
        .append("\" font-size=\"11\" fill=\"#000\">&#9632; portfolio</text>");
    lx += 90;
    for (int i = 0; i < ls.size(); i++) {
      s.append("<text x=\"").append(lx).append("\" y=\"").append(ly).append("\" font-size=\"11\" fill=\"")
          .append(HtmlReport.COLOURS.get(i % HtmlReport.COLOURS.size())).append("\">&#9632; ").append(esc(ls.get(i).name())).append("</text>");
      lx += 18 + 7 * ls.get(i).name().length();
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", pad, ht - 8,
        esc(t0.toString()))).append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", w - pad, ht - 8, esc(t1.toString())));
    return s.append("</svg>").toString();
  }

  private String costChart() {
    List<HtmlReport.Bar> bars = new ArrayList<>();
    statement.byKind().forEach((kind, m) -> bars.add(new HtmlReport.Bar(
        kind == BillLineKind.OTHER ? "other" : kind.title(), m.amount().doubleValue(), m.amount().toPlainString())));
    return HtmlReport.barChart("cost by kind", bars);
  }

  private static void row(StringBuilder h, String name, String value) {
    HtmlReport.row(h, name, value);
  }

  private static String plain(@Nullable BigDecimal v) {
    return v == null ? "n/a" : v.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal hours(Duration d) {
    return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000), MathContext.DECIMAL64);
  }

  static String esc(String s) {
    return HtmlReport.esc(s);
  }
}
