package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.StateOfCharge;

/** Random assets and fleets for property and load tests. */
final class Assets {
  private Assets() {}

  static BigDecimal dec(Random r, int maxUnscaled, int scale) {
    return BigDecimal.valueOf(r.nextInt(maxUnscaled + 1), scale);
  }

  static AssetSpec random(Random r, String id, double lat, double lon) {
    Duration slot = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)).get(r.nextInt(3));
    StorageSpec spec = new StorageSpec("LFP", Energy.ofKwh(String.valueOf(50 + r.nextInt(1950))),
        Power.ofKw(String.valueOf(10 + r.nextInt(490))), Power.ofKw(String.valueOf(10 + r.nextInt(490))),
        BigDecimal.valueOf(60 + r.nextInt(41), 2), dec(r, 100, 4), StateOfCharge.of(dec(r, 20, 2)),
        StateOfCharge.of(BigDecimal.valueOf(80 + r.nextInt(21), 2)), slot);
    Set<PricingModel> models = EnumSet.noneOf(PricingModel.class);
    for (PricingModel m : PricingModel.values()) {
      if (r.nextBoolean()) {
        models.add(m);
      }
    }
    if (models.isEmpty()) {
      models.add(PricingModel.CAPACITY_TIME);
    }
    PricingTerms pricing = new PricingTerms(models, Money.currency("INR"), dec(r, 500, 2), dec(r, 300, 3),
        dec(r, 300, 3), dec(r, 10000, 2), dec(r, 30, 2));
    ResidualTerms residual = r.nextBoolean() ? ResidualTerms.buyBack(dec(r, 500, 2))
        : ResidualTerms.forcedDischarge();
    CancellationPolicy cancel = new CancellationPolicy(Duration.ofHours(r.nextInt(5)), dec(r, 5000, 2),
        r.nextBoolean());
    return new AssetSpec(id, "asset " + id, new Site("site-" + id, lat, lon, null, null, null, null), spec,
        pricing, cancel, residual);
  }

  static Fleet fleet(List<AssetSpec> assets) {
    return Fleet.defaultFleet().withAssets(assets);
  }

  /** {@code n} random assets scattered within about 50 km of Bengaluru. */
  static Fleet large(int n, long seed) {
    Random r = new Random(seed);
    List<AssetSpec> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(random(r, "a" + i, 12.97 + (r.nextDouble() - 0.5) * 0.9, 77.59 + (r.nextDouble() - 0.5) * 0.9));
    }
    return fleet(list);
  }
}
