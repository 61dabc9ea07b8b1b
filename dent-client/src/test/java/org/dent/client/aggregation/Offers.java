package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;

/** Storage offers for planner tests. */
final class Offers {
  static final Currency INR = Currency.getInstance("INR");
  static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T10:00:00Z"),
      Instant.parse("2026-12-01T22:00:00Z"));
  static final GeoPoint SITE = GeoPoint.parse("12.9716,77.5946");

  private Offers() {}

  static PortfolioOffer offer(String id, String freeKwh, String chargeKw, String dischargeKw, String capPrice,
      String inPrice, String outPrice, String fixedFee, String tax, String efficiency) {
    Set<PricingModel> models = EnumSet.noneOf(PricingModel.class);
    if (capPrice != null) {
      models.add(PricingModel.CAPACITY_TIME);
    }
    if (inPrice != null) {
      models.add(PricingModel.ENERGY_THROUGHPUT);
    }
    if (fixedFee != null) {
      models.add(PricingModel.FIXED);
    }
    PricingTerms pricing = new PricingTerms(models, INR, dec(capPrice), dec(inPrice), dec(outPrice), dec(fixedFee),
        dec(tax));
    StorageSpec spec = new StorageSpec("LFP", Energy.parse("1000 kWh"), Power.parse(chargeKw + " kW"),
        Power.parse(dischargeKw + " kW"), new BigDecimal(efficiency), null, null, null, Duration.ofMinutes(15));
    StorageOffer o = new StorageOffer(id, "prov-" + id, "loc-" + id, SITE, WINDOW, Energy.parse(freeKwh + " kWh"),
        null, null, spec, pricing, List.of(), null);
    return new PortfolioOffer("bpp-" + id, URI.create("http://127.0.0.1:1/" + id), o);
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  /** {@code n} random offers with whole-kWh free energy up to {@code maxFree} and whole-kW ratings. */
  static List<PortfolioOffer> random(Random r, int n, int maxFree, int maxKw) {
    List<PortfolioOffer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String cap = r.nextInt(3) == 0 ? null : price(r, 0.5, 3);
      String in = cap == null || r.nextBoolean() ? price(r, 0.1, 1) : null;
      String outP = in == null ? null : price(r, 0.1, 1);
      String fixed = r.nextInt(3) == 0 ? null : price(r, 0, 40);
      if (cap == null && in == null && fixed == null) {
        fixed = "10.00";
      }
      String tax = r.nextBoolean() ? "0.18" : null;
      String eff = new BigDecimal(80 + r.nextInt(16)).movePointLeft(2).toPlainString();
      out.add(offer("o" + i, Integer.toString(1 + r.nextInt(maxFree)), Integer.toString(1 + r.nextInt(maxKw)),
          Integer.toString(1 + r.nextInt(maxKw)), cap, in, outP, fixed, tax, eff));
    }
    return out;
  }

  private static String price(Random r, double lo, double hi) {
    return BigDecimal.valueOf(lo + r.nextDouble() * (hi - lo)).setScale(2, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }
}
