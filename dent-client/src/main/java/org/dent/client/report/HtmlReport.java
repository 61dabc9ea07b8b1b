package org.dent.client.report;

import java.util.List;
import java.util.Locale;

/**
 * Building blocks of the SDK's self-contained HTML reports: one page with inline CSS and inline SVG, no scripts, no
 * fonts and no URLs, well-formed (XHTML-style empty elements), so it can be archived, mailed or opened offline.
 * Used by the BAP's portfolio report and the reference operator's fleet report.
 */
public final class HtmlReport {
  /** Colours of series and bars, in order. */
  public static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
      "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

  private HtmlReport() {}

  /** One bar: its label, its value (negative bars are drawn green, as credits) and the text shown beside it. */
  public record Bar(String label, double value, String text) {}

  /** Opens the page: doctype, head with the shared style, body, and the {@code h1} title. */
  public static StringBuilder begin(String title) {
    return new StringBuilder().append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}")
        .append("td.l,th.l{text-align:left}</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
  }

  /** Closes the page opened by {@link #begin}. */
  public static String end(StringBuilder page) {
    return page.append("</body></html>\n").toString();
  }

  /** A table row: the first cell left-aligned, the others right-aligned; every cell escaped. */
  public static void row(StringBuilder page, String... cells) {
    page.append("<tr>");
    for (int i = 0; i < cells.length; i++) {
      page.append(i == 0 ? "<td class=\"l\">" : "<td>").append(esc(cells[i])).append("</td>");
    }
    page.append("</tr>\n");
  }

  /** A header row, aligned like {@link #row}. */
  public static void header(StringBuilder page, String... cells) {
    page.append("<tr>");
    for (int i = 0; i < cells.length; i++) {
      page.append(i == 0 ? "<th class=\"l\">" : "<th>").append(esc(cells[i])).append("</th>");
    }
    page.append("</tr>\n");
  }

  /** A horizontal bar chart, bars scaled to the largest absolute value. */
  public static String barChart(String ariaLabel, List<Bar> bars) {
    double max = 0;
    for (Bar b : bars) {
      max = Math.max(max, Math.abs(b.value()));
    }
    int barH = 22;
    int w = 720;
    int label = 170;
    int h = 20 + barH * Math.max(1, bars.size());
    StringBuilder s = new StringBuilder();
    s.append("<svg width=\"").append(w).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
        .append(esc(ariaLabel)).append("\">");
    for (int row = 0; row < bars.size(); row++) {
      Bar b = bars.get(row);
      double len = max == 0 ? 0 : (w - label - 120) * Math.abs(b.value()) / max;
      int y = 10 + row * barH;
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 15,
              esc(b.label())))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              label, y + 2, len, barH - 6, b.value() < 0 ? "#2ca02c" : COLOURS.get(row % COLOURS.size())))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>",
              label + len + 6, y + 15, esc(b.text())));
    }
    return s.append("</svg>").toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
