package org.dent.client.aggregation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.DentClient;
import org.dent.core.error.DentException;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Order;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.jspecify.annotations.Nullable;

/**
 * Charges or discharges an amount across a portfolio's legs, one {@code update} with a {@code transfer-request}
 * per leg (DESIGN.md §3).
 *
 * <p><b>Split.</b> Each leg's limit is what it can take or give now: for a charge, the energy in that fills the
 * reserved energy ({@code (reserved − stored) / √efficiency}, since energy in is stored at √efficiency); for a
 * discharge, the withdrawable energy of its latest telemetry (or stored × √efficiency). A leg without telemetry
 * counts as empty. The split is the fastest one within the requested total power: every leg runs for the same
 * duration {@code T} at a constant power within its rating, {@code T} being the larger of {@code amount ÷ power}
 * and the least time in which the legs' ratings and limits can move the amount ({@code Σ min(limit_i,
 * rating_i × T) = amount}); each leg moves {@code min(limit_i, rating_i × T)}, scaled to the amount, in whole
 * watt-hours, at {@code energy_i ÷ T}. So the legs finish together, none exceeds its headroom or its rating, and
 * the total power never exceeds the request (a request above the legs' ratings runs at their pace). A split that
 * cannot fit (amount above the sum of limits) throws before anything is sent.
 */
public final class Dispatcher {
  private static final BigDecimal WH = new BigDecimal("0.001");
  private final DentClient client;
  private final Duration stepTimeout;

  public Dispatcher(DentClient client, Duration stepTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.stepTimeout = Objects.requireNonNull(stepTimeout, "stepTimeout");
  }

  /** One leg's share of a dispatch. */
  public record LegTransfer(Leg leg, TransferRequest request) {}

  /**
   * What a dispatch did.
   *
   * @param accepted legs whose BPP accepted the transfer
   * @param refused legs whose BPP refused it (typically {@code 50002} with a reason token), by order id
   */
  public record Result(List<LegTransfer> accepted, Map<String, DentException> refused) {
    public Result {
      accepted = List.copyOf(accepted);
      refused = Map.copyOf(refused);
    }

    /** True when every leg accepted. */
    public boolean complete() {
      return refused.isEmpty();
    }
  }

  /**
   * Splits {@code amount} at {@code power} (the portfolio's total) across the legs, starting at {@code start}.
   *
   * @param latest the latest telemetry by order id; legs without one count as empty
   * @param power the most the portfolio may draw (or deliver) in total
   * @throws AggregationException {@code 50002} when the legs cannot take (or give) the amount
   */
  public static List<LegTransfer> split(List<Leg> legs, Map<String, Telemetry> latest, TransferDirection direction,
      Energy amount, Power power, Instant start) {
    boolean charge = direction == TransferDirection.CHARGE;
    long want = wh(amount);
    long[] limit = new long[legs.size()];
    long total = 0;
    for (int i = 0; i < legs.size(); i++) {
      Leg l = legs.get(i);
      Telemetry t = latest.get(l.orderId());
      BigDecimal sqrtEta = l.offer().offer().spec().roundTripEfficiency().sqrt(MathContext.DECIMAL64);
      BigDecimal stored = t == null ? BigDecimal.ZERO : t.storedEnergy().in(EnergyUnit.KWH);
      BigDecimal kwh;
      if (charge) {
        kwh = l.energy().in(EnergyUnit.KWH).subtract(stored).max(BigDecimal.ZERO).divide(sqrtEta,
            MathContext.DECIMAL64);
      } else {
        kwh = t != null && t.withdrawableEnergy() != null ? t.withdrawableEnergy().in(EnergyUnit.KWH)
            : stored.multiply(sqrtEta);
      }
      limit[i] = kwh.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValue();
      total += limit[i];
    }
    String verb = charge ? "take" : "give";
    if (want > total) {
      throw new AggregationException("50002", (charge ? "ABOVE_RESERVED_ENERGY" : "INSUFFICIENT_STORED_ENERGY")
          + ": the legs can " + verb + " " + Planner.kwh(total).format() + ", not " + amount.format());
    }
    BigDecimal kw = power.in(PowerUnit.KW);
    double[] rate = new double[legs.size()]; // Wh per hour = W
    for (int i = 0; i < legs.size(); i++) {
      var spec = legs.get(i).offer().offer().spec();
      rate[i] = (charge ? spec.maxChargePower() : spec.maxDischargePower()).in(PowerUnit.W).doubleValue();
    }
    double hours = Math.max(fastest(limit, rate, want), want / kw.movePointRight(3).doubleValue());
    double[] room = new double[legs.size()];
    double roomSum = 0;
    for (int i = 0; i < legs.size(); i++) {
      room[i] = Math.min(limit[i], rate[i] * hours);
      roomSum += room[i];
    }
    long[] share = new long[legs.size()];
    long given = 0;
    for (int i = 0; i < legs.size(); i++) {
      share[i] = roomSum == 0 ? 0 : Math.min(limit[i], (long) Math.floor(want * room[i] / roomSum));
      given += share[i];
    }
    while (given < want) { // rounding: one Wh at a time to the leg with most room left
      int best = -1;
      for (int i = 0; i < legs.size(); i++) {
        if (share[i] < limit[i] && (best < 0 || room[i] - share[i] > room[best] - share[best])) {
          best = i;
        }
      }
      share[best]++;
      given++;
    }
    List<LegTransfer> out = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      if (share[i] == 0) {
        continue;
      }
      BigDecimal rating = BigDecimal.valueOf(rate[i]).movePointLeft(3);
      BigDecimal p = BigDecimal.valueOf(share[i] / hours).movePointLeft(3).setScale(3, RoundingMode.CEILING)
          .min(rating).max(WH);
      out.add(new LegTransfer(legs.get(i), new TransferRequest(direction, Planner.kwh(share[i]),
          Power.of(p.stripTrailingZeros(), PowerUnit.KW), start)));
    }
    return List.copyOf(out);
  }

  /**
   * Splits and sends: one {@code update} per leg, in parallel.
   *
   * @throws AggregationException when the split does not fit (nothing is sent then)
   */
  public Result dispatch(List<Leg> legs, Map<String, Telemetry> latest, TransferDirection direction,
      Energy amount, Power power, Instant start) {
    List<LegTransfer> plan = split(legs, latest, direction, amount, power, start);
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (LegTransfer t : plan) {
      Order order = Order.builder().id(t.leg().orderId()).fulfillments(List.of(Fulfillment.builder().id("f1")
          .tags(List.of(t.request().toTagGroup())).build())).build();
      sent.add(client.update(t.leg().target(), "order.fulfillments", order));
    }
    List<LegTransfer> accepted = new ArrayList<>();
    Map<String, DentException> refused = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      DentException e = failure(sent.get(i));
      if (e == null) {
        accepted.add(plan.get(i));
      } else {
        refused.put(plan.get(i).leg().orderId(), e);
      }
    }
    return new Result(accepted, refused);
  }

  private @Nullable DentException failure(CompletableFuture<?> f) {
    try {
      f.get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() instanceof DentException d ? d
          : new AggregationException("40000", "update failed: " + e.getCause(), List.of(), List.of(), e);
    } catch (Exception e) {
      return new AggregationException("40000", "update unanswered: " + e, List.of(), List.of(), e);
    }
  }

  /**
   * The least time (hours) in which the legs can move {@code want} Wh, leg i moving at most {@code limit[i]} at
   * {@code rate[i]} W: the t where {@code Σ min(limit_i, rate_i × t) = want}, found over the sorted breakpoints
   * {@code limit_i / rate_i} of that increasing piecewise-linear function.
   */
  static double fastest(long[] limit, double[] rate, long want) {
    Integer[] idx = new Integer[limit.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(i -> limit[i] / rate[i]));
    double full = 0; // energy of legs already at their limit
    double slope = 0; // sum of rates of legs not yet at their limit
    for (double r : rate) {
      slope += r;
    }
    for (int k = 0; k < idx.length; k++) {
      int i = idx[k];
      double at = limit[i] / rate[i];
      if (full + slope * at >= want) {
        return (want - full) / slope;
      }
      full += limit[i];
      slope -= rate[i];
    }
    return Double.POSITIVE_INFINITY; // unreachable: want <= sum of limits was checked
  }

  private static long wh(Energy e) {
    return e.in(EnergyUnit.WH).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
