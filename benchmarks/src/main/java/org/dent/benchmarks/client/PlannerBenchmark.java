package org.dent.benchmarks.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dent.client.aggregation.Plan;
import org.dent.client.aggregation.Planner;
import org.dent.client.aggregation.PortfolioOffer;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.TimeWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9: {@link Planner#plan} of a need over 1,000 offers (target ≤ 100 ms), against the floor of a plain sort of
 * the same offers by free energy. Offers mix the three pricing models, with and without tax, 20–400 kWh free and
 * 10–150 kW ratings; the need is 15 % of all free energy and 10 % of all charge and discharge power.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlannerBenchmark {
  static final Currency INR = Currency.getInstance("INR");
  static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T10:00:00Z"),
      Instant.parse("2026-12-01T22:00:00Z"));
  static final GeoPoint SITE = GeoPoint.parse("12.9716,77.5946");

  @Param({"1000"})
  public int offers;

  @Param({"1"})
  public long seed;

  private List<PortfolioOffer> list;
  private StorageRequirement need;
  private final Planner planner = Planner.standard();

  @Setup
  public void setUp() {
    Random r = new Random(seed);
    list = new ArrayList<>();
    BigDecimal free = BigDecimal.ZERO;
    BigDecimal power = BigDecimal.ZERO;
    for (int i = 0; i < offers; i++) {
      PortfolioOffer o = offer(r, i);
      list.add(o);
      free = free.add(o.offer().freeEnergy().in(EnergyUnit.KWH));
      power = power.add(o.offer().spec().maxChargePower().in(PowerUnit.KW));
    }
    need = new StorageRequirement(new SearchArea(SITE, BigDecimal.TEN), WINDOW,
        Energy.of(free.multiply(new BigDecimal("0.15")).setScale(0, RoundingMode.UP), EnergyUnit.KWH), null,
        Power.of(power.multiply(new BigDecimal("0.10")).setScale(0, RoundingMode.UP), PowerUnit.KW),
        Power.of(power.multiply(new BigDecimal("0.10")).setScale(0, RoundingMode.UP), PowerUnit.KW));
    Plan p = planner.plan(need, list);
    System.out.printf("%n[plan] %d legs, cost %s, optimal %s, %d nodes%n", p.legs().size(), p.cost().value(),
        p.optimal(), p.nodes());
  }

  /** The floor: sort the offers by free energy. */
  @Benchmark
  public List<PortfolioOffer> floorSort() {
    List<PortfolioOffer> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(o -> o.offer().freeEnergy()));
    return copy;
  }

  /** Filtering, costing and branch and bound. */
  @Benchmark
  public Plan plan() {
    return planner.plan(need, list);
  }

  static PortfolioOffer offer(Random r, int i) {
    Set<PricingModel> models = EnumSet.noneOf(PricingModel.class);
    BigDecimal cap = r.nextInt(4) == 0 ? null : price(r, 0.5, 3);
    BigDecimal in = cap == null || r.nextBoolean() ? price(r, 0.1, 1) : null;
    BigDecimal out = in == null ? null : price(r, 0.1, 1);
    BigDecimal fixed = r.nextInt(3) == 0 ? null : price(r, 0, 60);
    if (cap != null) {
      models.add(PricingModel.CAPACITY_TIME);
    }
    if (in != null) {
      models.add(PricingModel.ENERGY_THROUGHPUT);
    }
    if (fixed != null) {
      models.add(PricingModel.FIXED);
    }
    PricingTerms pricing = new PricingTerms(models, INR, cap, in, out, fixed,
        r.nextBoolean() ? new BigDecimal("0.18") : null);
    StorageSpec spec = new StorageSpec("LFP", Energy.parse("1000 kWh"),
        Power.of(BigDecimal.valueOf(10 + r.nextInt(141)), PowerUnit.KW),
        Power.of(BigDecimal.valueOf(10 + r.nextInt(141)), PowerUnit.KW),
        BigDecimal.valueOf(80 + r.nextInt(16)).movePointLeft(2), null, null, null, Duration.ofMinutes(15));
    StorageOffer o = new StorageOffer("a" + i, "p" + i % 37, "l" + i, SITE, WINDOW,
        Energy.of(BigDecimal.valueOf(20 + r.nextInt(381)), EnergyUnit.KWH), null, null, spec, pricing, List.of(),
        null);
    return new PortfolioOffer("bpp" + i % 37, URI.create("http://127.0.0.1:1/"), o);
  }

  private static BigDecimal price(Random r, double lo, double hi) {
    return BigDecimal.valueOf(lo + r.nextDouble() * (hi - lo)).setScale(2, RoundingMode.HALF_UP);
  }
}
