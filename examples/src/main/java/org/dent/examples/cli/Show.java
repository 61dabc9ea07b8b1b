package org.dent.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Order;
import org.dent.core.model.Quotation;
import org.dent.core.profile.view.Alert;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageState;
import org.dent.core.profile.view.Telemetry;
import org.jspecify.annotations.Nullable;

/** Renders storage-profile structures for people: tables and one-line summaries, plain text, no colours. */
public final class Show {
  private Show() {}

  /** A text table: a header row, a rule, the rows; columns padded to their widest cell. */
  public static String table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      List<String> row = all.get(r);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        boolean numeric = r > 0 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-');
        sb.append(i == 0 ? "  " : "  ").append(numeric ? pad(cell, width[i], true) : pad(cell, width[i], false));
      }
      sb.append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        sb.append("  ").append("-".repeat(Math.max(0, total - 2))).append('\n');
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - s.length()));
    return right ? spaces + s : s + spaces;
  }

  /** One row per offer: BPP, provider, item, distance, free energy, powers, price. */
  public static String offers(List<Offered> offers, @Nullable GeoPoint from) {
    List<List<String>> rows = new ArrayList<>();
    for (Offered o : offers) {
      StorageOffer s = o.offer();
      rows.add(List.of(o.bppId(), s.providerId() + "/" + s.itemId(),
          s.location() == null || from == null ? "?" : String.format(Locale.ROOT, "%.1f km",
              from.distanceKm(s.location())),
          s.freeEnergy().format(), s.spec().maxChargePower().format() + " / " + s.spec().maxDischargePower().format(),
          s.estimatedPrice() == null ? "?" : s.estimatedPrice().value() + " " + s.estimatedPrice().currency()));
    }
    return table(List.of("BPP", "offer", "distance", "free energy", "charge / discharge", "price"), rows);
  }

  /** An offer with the BPP that made it. */
  public record Offered(String bppId, StorageOffer offer) {}

  /** The quote or bill as a table whose lines add up to the total. */
  public static String bill(@Nullable Quotation quote) {
    if (quote == null || quote.price() == null) {
      return "  (no quote)\n";
    }
    Bill bill = Bill.from(quote);
    List<List<String>> rows = new ArrayList<>();
    for (BillLine line : bill.lines()) {
      rows.add(List.of(line.title(), line.itemId() == null ? "" : line.itemId(), line.amount().value()));
    }
    rows.add(List.of("total", "", bill.total().value() + " " + bill.total().currency()));
    return table(List.of("line", "item", "amount"), rows);
  }

  /** State, telemetry, receipt and alerts of an order's first fulfillment, one line each. */
  public static String order(@Nullable Order order) {
    if (order == null) {
      return "  (no order)\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("  order ").append(order.id()).append("  status ").append(order.status());
    Fulfillment f = order.fulfillments() == null || order.fulfillments().isEmpty() ? null
        : order.fulfillments().get(0);
    if (f != null) {
      StorageState.of(f).ifPresent(s -> sb.append("  state ").append(s.code()));
      sb.append('\n');
      Telemetry.in(f.tags()).ifPresent(t -> sb.append("  ").append(telemetry(t)).append('\n'));
      Receipt.in(f.tags()).ifPresent(r -> sb.append("  receipt: ").append(receipt(r)).append('\n'));
      for (Alert a : Alert.allIn(f.tags())) {
        sb.append("  ALERT ").append(a.code()).append(a.value() == null ? "" : " at " + a.value().text())
            .append('\n');
      }
    } else {
      sb.append('\n');
    }
    org.dent.core.profile.view.Settlement.in(order.tags()).ifPresent(st -> sb.append("  residual ")
        .append(st.residualEnergy().format()).append(" settled by ")
        .append(st.policy().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .append(st.buyBackPricePerKwh() == null ? "" : " at " + st.buyBackPricePerKwh().toPlainString() + "/kWh")
        .append('\n'));
    return sb.toString();
  }

  public static String telemetry(Telemetry t) {
    return "stored " + t.storedEnergy().format() + "  soc " + t.soc().value().toPlainString()
        + "  power " + (t.power() == null ? "?" : t.power().format()) + "  seq " + t.seq();
  }

  public static String receipt(Receipt r) {
    StringBuilder sb = new StringBuilder();
    if (r.energyIn() != null) {
      sb.append("in ").append(r.energyIn().format()).append("  ");
    }
    if (r.energyOut() != null) {
      sb.append("out ").append(r.energyOut().format()).append("  ");
    }
    if (r.losses() != null) {
      sb.append("losses ").append(r.losses().format()).append("  ");
    }
    sb.append("stored ").append(r.storedEnergy().format());
    return sb.toString();
  }

  /** A bar of {@code width} cells filled to {@code fraction}. */
  public static String bar(double fraction, int width) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
