package org.dent.server.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.json.DentCodec;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.units.WireTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference operator's fleet at one instant (issue 9, Reports): per asset, how much of the reserved
 * capacity-time was used, and the revenue of the bills issued, per pricing dimension. Immutable; made by
 * {@link ReferenceOperator#fleetReport()}; {@link #toJson()} writes it with decimals as strings, like the wire.
 *
 * <p>Utilisation is energy-hours used ÷ energy-hours reserved: used is the integral of stored energy over time
 * (trapezoids over the physics steps, at most 60 s apart while a transfer runs and one hour while holding);
 * reserved is each contract's reserved energy × the time it was reserved so far, per the terms in force (a
 * modification counts from its change, a cancellation ends the reservation, a live contract counts up to now).
 *
 * <p>Revenue adds the lines of every final bill issued (orders {@code COMPLETE} or {@code CANCELLED}) by title, so
 * it reconciles exactly with those bills; live contracts have no bill yet and add nothing. The profile prices
 * capacity and time together ({@code capacity-time}, per kWh-day), so they are one dimension, {@code capacityTime}.
 *
 * @param providerId the fleet's provider id
 * @param asOf the operator-clock instant the report holds at
 * @param assets one row per asset of the fleet, in fleet order
 * @param totals the revenue of the whole fleet, one per currency
 */
public record FleetReport(String providerId, Instant asOf, List<AssetReport> assets, Map<String, Revenue> totals) {
  public FleetReport {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(asOf, "asOf");
    assets = List.copyOf(assets);
    totals = Map.copyOf(totals);
  }

  /**
   * One asset's contracts.
   *
   * @param assetId the asset (catalog item id)
   * @param contracts how many orders were confirmed on it
   * @param live how many of them are still running
   * @param reservedKwhHours energy-hours reserved so far (kWh·h)
   * @param usedKwhHours energy-hours stored so far (kWh·h)
   * @param utilisation used ÷ reserved, 4 decimals, 0 when nothing was reserved
   * @param revenue the revenue of its issued bills
   */
  public record AssetReport(String assetId, int contracts, int live, BigDecimal reservedKwhHours,
      BigDecimal usedKwhHours, BigDecimal utilisation, Revenue revenue) {
    public AssetReport {
      Objects.requireNonNull(assetId, "assetId");
      Objects.requireNonNull(reservedKwhHours, "reservedKwhHours");
      Objects.requireNonNull(usedKwhHours, "usedKwhHours");
      Objects.requireNonNull(utilisation, "utilisation");
      Objects.requireNonNull(revenue, "revenue");
    }

    static BigDecimal ratio(BigDecimal used, BigDecimal reserved) {
      return reserved.signum() == 0 ? BigDecimal.ZERO.setScale(4) : used.divide(reserved, 4, RoundingMode.HALF_EVEN);
    }
  }

  /**
   * Revenue of issued bills by pricing dimension, in one currency. {@link #total()} is the sum of the bills' totals
   * and equals the sum of the dimensions.
   *
   * @param currency ISO 4217 code
   * @param bills how many final bills it adds up
   * @param capacityTime {@code capacity-reservation} lines (reserved kWh × days × price)
   * @param energy {@code energy-in} and {@code energy-out} lines
   * @param fees {@code fixed-fee} and {@code cancellation-fee} lines
   * @param credits {@code buy-back-credit} lines (zero or negative)
   * @param tax {@code tax} lines
   * @param total the bills' totals
   */
  public record Revenue(String currency, int bills, BigDecimal capacityTime, BigDecimal energy, BigDecimal fees,
      BigDecimal credits, BigDecimal tax, BigDecimal total) {
    /** No bills yet. */
    public static Revenue none(String currency) {
      BigDecimal z = BigDecimal.ZERO;
      return new Revenue(currency, 0, z, z, z, z, z, z);
    }

    /** This revenue plus one bill (in the same currency). */
    public Revenue plus(Bill bill) {
      if (!bill.currency().getCurrencyCode().equals(currency)) {
        throw new IllegalArgumentException("a " + bill.currency() + " bill in a " + currency + " revenue");
      }
      BigDecimal cap = capacityTime;
      BigDecimal en = energy;
      BigDecimal fe = fees;
      BigDecimal cr = credits;
      BigDecimal tx = tax;
      BigDecimal other = BigDecimal.ZERO;
      for (BillLine l : bill.lines()) {
        BigDecimal a = l.amount().amount();
        switch (l.kind()) {
          case CAPACITY_RESERVATION -> cap = cap.add(a);
          case ENERGY_IN, ENERGY_OUT -> en = en.add(a);
          case FIXED_FEE, CANCELLATION_FEE -> fe = fe.add(a);
          case BUY_BACK_CREDIT -> cr = cr.add(a);
          case TAX -> tx = tx.add(a);
          default -> other = other.add(a);
        }
      }
      if (other.signum() != 0) {
        throw new IllegalArgumentException("a bill line outside the profile's titles: " + bill.lines());
      }
      return new Revenue(currency, bills + 1, cap, en, fe, cr, tx, total.add(bill.total().amount()));
    }

    /** The sum of two revenues in one currency. */
    public Revenue plus(Revenue r) {
      if (!r.currency.equals(currency)) {
        throw new IllegalArgumentException("adding " + r.currency + " to " + currency);
      }
      return new Revenue(currency, bills + r.bills, capacityTime.add(r.capacityTime), energy.add(r.energy),
          fees.add(r.fees), credits.add(r.credits), tax.add(r.tax), total.add(r.total));
    }

    ObjectNode toJson(ObjectNode node) {
      node.put("currency", currency).put("bills", bills).put("capacity-time", capacityTime.toPlainString())
          .put("energy", energy.toPlainString()).put("fees", fees.toPlainString())
          .put("credits", credits.toPlainString()).put("tax", tax.toPlainString())
          .put("total", total.toPlainString());
      return node;
    }
  }

  /** The report as JSON: kebab-case members, decimals as strings, {@code as-of} in RFC 3339. */
  public JsonNode toJson() {
    ObjectNode root = DentCodec.standard().mapper().createObjectNode();
    root.put("provider-id", providerId).put("as-of", WireTime.format(asOf));
    var rows = root.putArray("assets");
    for (AssetReport a : assets) {
      ObjectNode row = rows.addObject();
      row.put("asset-id", a.assetId()).put("contracts", a.contracts()).put("live", a.live())
          .put("reserved-kwh-hours", a.reservedKwhHours().toPlainString())
          .put("used-kwh-hours", a.usedKwhHours().toPlainString())
          .put("utilisation", a.utilisation().toPlainString());
      a.revenue().toJson(row.putObject("revenue"));
    }
    ObjectNode totalsNode = root.putObject("totals");
    totals.keySet().stream().sorted().forEach(c -> totals.get(c).toJson(totalsNode.putObject(c)));
    return root;
  }

  /** {@link #toJson()} as UTF-8 text. */
  public String toJsonString() {
    return new String(DentCodec.standard().encode(toJson()), StandardCharsets.UTF_8);
  }
}
