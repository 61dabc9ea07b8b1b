package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.dent.server.store.ContractRecord;
import java.util.Map;
import java.util.TreeMap;
import org.dent.core.units.EnergyUnit;
import org.dent.server.spi.CapacitySpan;

/** Builds a {@link FleetReport} from the operator's contracts, each asset read under its own lock. */
final class FleetReports {
  private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);

  private FleetReports() {}

  static FleetReport of(OperatorState state) {
    Instant now = state.now();
    Map<AssetBook, List<Contract>> byBook = new LinkedHashMap<>();
    for (AssetBook b : state.books.values()) {
      byBook.put(b, new ArrayList<>());
    }
    for (Contract c : state.orders.values()) {
      byBook.computeIfAbsent(c.book, b -> new ArrayList<>()).add(c); // a book no longer listed still reports
    }
    List<Snapshot> events = new ArrayList<>();
    List<FleetReport.AssetReport> rows = new ArrayList<>();
    Map<String, FleetReport.Revenue> totals = new TreeMap<>();
    for (Map.Entry<AssetBook, List<Contract>> e : byBook.entrySet()) {
      AssetBook book = e.getKey();
      // every contract of the asset as stored: booked by another instance or before a restart, live or ended
      List<ContractRecord> stored = state.store.inAsset(book.spec.id(), book.usableKwh, s -> s.changedSince(-1));
      FleetReport.AssetReport row = state.atomically(book, null, true, () -> {
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (Contract c : e.getValue()) {
          contracts.put(c.orderId, c);
        }
        for (ContractRecord r : stored) {
          if (!contracts.containsKey(r.orderId())) {
            Contract known = state.orders.get(r.orderId());
            contracts.put(r.orderId(), known != null ? known : ContractCodec.decode(r, book, state));
          }
        }
        return asset(book, new ArrayList<>(contracts.values()), now, events);
      });
      rows.add(row);
      if (row.revenue().bills() > 0) {
        totals.merge(row.revenue().currency(), row.revenue(), FleetReport.Revenue::plus);
      }
    }
    state.dispatch(events);
    return new FleetReport(state.fleet.providerId(), now, rows, totals);
  }

  /** One asset's row; caller holds the book's lock. Live contracts are first brought up to {@code now}. */
  private static FleetReport.AssetReport asset(AssetBook book, List<Contract> contracts, Instant now,
      List<Snapshot> events) {
    BigDecimal reserved = BigDecimal.ZERO;
    BigDecimal used = BigDecimal.ZERO;
    int live = 0;
    FleetReport.Revenue revenue = FleetReport.Revenue.none(book.spec.currency().getCurrencyCode());
    for (Contract c : contracts) {
      c.advance(now, events);
      Instant until = !c.phase.isFinal() ? now : c.cancelledAt != null ? c.cancelledAt : c.terms.window().end();
      for (CapacitySpan span : c.history.spans(c.terms, until)) {
        reserved = reserved.add(span.reserved().in(EnergyUnit.KWH).multiply(BigDecimal.valueOf(
            span.duration().toNanos())).divide(NANOS_PER_HOUR, Contract.SCALE, RoundingMode.HALF_EVEN));
      }
      used = used.add(c.storedKwhHours);
      if (c.phase.isFinal() && c.finalBill != null) {
        revenue = revenue.plus(c.finalBill);
      } else if (!c.phase.isFinal()) {
        live++;
      }
    }
    reserved = reserved.stripTrailingZeros();
    used = used.stripTrailingZeros();
    return new FleetReport.AssetReport(book.spec.id(), contracts.size(), live, plain(reserved), plain(used),
        FleetReport.AssetReport.ratio(used, reserved), revenue);
  }

  private static BigDecimal plain(BigDecimal v) {
    return v.scale() < 0 ? v.setScale(0) : v;
  }
}
