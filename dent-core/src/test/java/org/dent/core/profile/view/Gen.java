package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.dent.core.testing.SeededCheck;
import org.dent.core.model.CancellationTerm;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fee;
import org.dent.core.model.FulfillmentState;
import org.dent.core.model.Price;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.StateOfCharge;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * Seeded generators of valid views (no jqwik). {@link #check} runs a property over many seeds and names the seed
 * of a failure; {@code -Ddent.seed=<seed>} replays that case first.
 */
final class Gen {
  static final int CASES = 300;
  private static final List<Currency> CURRENCIES = List.of("INR", "EUR", "USD", "JPY").stream()
      .map(Currency::getInstance).toList();

  private Gen() {}

  static void check(String property, long baseSeed, Consumer<Random> body) {
    SeededCheck.check(property, baseSeed, CASES, body);
  }


  static boolean maybe(Random r) {
    return r.nextBoolean();
  }

  static <T> @Nullable T orNull(Random r, T value) {
    return r.nextInt(3) == 0 ? null : value;
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** A non-negative decimal with 1..9 digits and scale 0..4; positive when asked. */
  static BigDecimal decimal(Random r, boolean positive) {
    long unscaled = (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(9)));
    if (positive && unscaled == 0) {
      unscaled = 1 + r.nextInt(1000);
    }
    return BigDecimal.valueOf(unscaled, r.nextInt(5));
  }

  /** A fraction in [0, 1] with scale 1..4; in (0, 1] when {@code positive}. */
  static BigDecimal fraction(Random r, boolean positive) {
    int scale = 1 + r.nextInt(4);
    int max = (int) Math.pow(10, scale);
    int n = positive ? 1 + r.nextInt(max) : r.nextInt(max + 1);
    return BigDecimal.valueOf(n, scale);
  }

  static Energy energy(Random r, boolean positive) {
    return Energy.of(decimal(r, positive), pick(r, List.of(EnergyUnit.values())));
  }

  static Power power(Random r, boolean positive) {
    return Power.of(decimal(r, positive), pick(r, List.of(PowerUnit.values())));
  }

  static Power signedPower(Random r) {
    Power p = power(r, false);
    return maybe(r) ? p : p.negate();
  }

  static StateOfCharge soc(Random r) {
    return StateOfCharge.of(fraction(r, false));
  }

  static Currency currency(Random r) {
    return pick(r, CURRENCIES);
  }

  static Money money(Random r, Currency c) {
    return Money.of(BigDecimal.valueOf(r.nextInt(10_000_000), r.nextInt(3)), c);
  }

  /** An instant in 2024..2027 with a random fraction of a second half the time. */
  static Instant instant(Random r) {
    return Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), maybe(r) ? 0 : r.nextInt(1_000_000_000));
  }

  static TimeWindow window(Random r) {
    Instant start = instant(r);
    return new TimeWindow(start, start.plusSeconds(1 + r.nextInt(10_000_000)));
  }

  static GeoPoint point(Random r) {
    BigDecimal lat = BigDecimal.valueOf(r.nextInt(180_000_001) - 90_000_000L, 6).setScale(r.nextInt(7),
        java.math.RoundingMode.DOWN);
    BigDecimal lon = BigDecimal.valueOf(r.nextLong() % 180_000_000L, 6).setScale(r.nextInt(7),
        java.math.RoundingMode.DOWN);
    return new GeoPoint(lat, lon);
  }

  static Duration granularity(Random r) {
    return pick(r, List.of(Duration.ofMinutes(1 + r.nextInt(120)), Duration.ofSeconds(1 + r.nextInt(3600)),
        Duration.ofDays(1)));
  }

  static StorageSpec spec(Random r) {
    StateOfCharge min = null;
    StateOfCharge max = null;
    if (maybe(r)) {
      BigDecimal a = fraction(r, false);
      BigDecimal b = fraction(r, false);
      if (a.compareTo(b) != 0) {
        min = StateOfCharge.of(a.min(b));
        max = StateOfCharge.of(a.max(b));
      }
    }
    return new StorageSpec(orNull(r, pick(r, List.of("LFP", "NMC", "vanadium flow", "Na-ion"))), energy(r, true),
        power(r, true), power(r, true), fraction(r, true), orNull(r, fraction(r, false)), min, max,
        granularity(r));
  }

  static PricingTerms pricing(Random r) {
    List<PricingModel> all = new ArrayList<>(List.of(PricingModel.values()));
    java.util.Collections.shuffle(all, r);
    Set<PricingModel> models = new LinkedHashSet<>(all.subList(0, 1 + r.nextInt(all.size())));
    BigDecimal[] prices = new BigDecimal[4];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = maybe(r) ? null : decimal(r, false);
    }
    if (models.contains(PricingModel.CAPACITY_TIME) && prices[0] == null) {
      prices[0] = decimal(r, false);
    }
    if (models.contains(PricingModel.ENERGY_THROUGHPUT)) {
      prices[1] = prices[1] == null ? decimal(r, false) : prices[1];
      prices[2] = prices[2] == null ? decimal(r, false) : prices[2];
    }
    if (models.contains(PricingModel.FIXED) && prices[3] == null) {
      prices[3] = decimal(r, false);
    }
    return new PricingTerms(models, orNull(r, currency(r)), prices[0], prices[1], prices[2], prices[3],
        orNull(r, fraction(r, false)));
  }

  static List<CancellationTerm> cancellationTerms(Random r, Currency c) {
    List<CancellationTerm> terms = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String state = pick(r, List.of("RESERVED", "HOLDING", "CHARGING"));
      terms.add(CancellationTerm.builder()
          .fulfillmentState(FulfillmentState.builder().descriptor(Descriptor.builder().code(state).build()).build())
          .cancellationFee(Fee.builder().amount(Price.builder().currency(c.getCurrencyCode())
              .value(money(r, c).value()).build()).build())
          .build());
    }
    return terms;
  }

  /** Alert thresholds, each possibly absent, low below high when both are there. */
  static AlertThresholds thresholds(Random r) {
    BigDecimal a = fraction(r, false);
    BigDecimal b = fraction(r, false);
    if (a.compareTo(b) == 0) {
      return AlertThresholds.DEFAULTS;
    }
    return new AlertThresholds(orNull(r, StateOfCharge.of(a.max(b))), orNull(r, StateOfCharge.of(a.min(b))));
  }

  static Alert.Level level(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> Alert.Level.of(fraction(r, false));
      case 1 -> Alert.Level.of(energy(r, false));
      default -> Alert.Level.of(power(r, false));
    };
  }
}
