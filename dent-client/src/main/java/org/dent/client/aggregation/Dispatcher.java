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
 * counts as empty. The amount is shared in proportion to the limits, so every leg ends at the same fraction of its
 * headroom, in whole watt-hours (remainders go to the legs with most room). The power is shared in the same
 * proportion, capped by each asset's rating: a capped leg runs longer. Splits that cannot fit (amount above the
 * sum of limits, power above the sum of ratings) throw before anything is sent.
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
   * @throws AggregationException {@code 50002} when the legs cannot take (or give) the amount or the power
   */
  public static List<LegTransfer> split(List<Leg> legs, Map<String, Telemetry> latest, TransferDirection direction,
      Energy amount, Power power, Instant start) {
    boolean charge = direction == TransferDirection.CHARGE;
    long want = wh(amount);
    long[] limit = new long[legs.size()];
    long total = 0;
    BigDecimal ratings = BigDecimal.ZERO;
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
      var spec = l.offer().offer().spec();
      ratings = ratings.add((charge ? spec.maxChargePower() : spec.maxDischargePower()).in(PowerUnit.KW));
    }
    String verb = charge ? "take" : "give";
    if (want > total) {
      throw new AggregationException("50002", (charge ? "ABOVE_RESERVED_ENERGY" : "INSUFFICIENT_STORED_ENERGY")
          + ": the legs can " + verb + " " + Planner.kwh(total).format() + ", not " + amount.format());
    }
    BigDecimal kw = power.in(PowerUnit.KW);
    if (kw.compareTo(ratings) > 0) {
      throw new AggregationException("50002", "ABOVE_POWER_RATING: the legs' ratings add up to "
          + ratings.stripTrailingZeros().toPlainString() + " kW, not " + power.format());
    }
    long[] share = new long[legs.size()];
    long given = 0;
    for (int i = 0; i < legs.size(); i++) {
      share[i] = total == 0 ? 0 : BigDecimal.valueOf(want).multiply(BigDecimal.valueOf(limit[i]))
          .divide(BigDecimal.valueOf(total), 0, RoundingMode.FLOOR).longValue();
      given += share[i];
    }
    while (given < want) { // at most one Wh per leg
      int best = -1;
      for (int i = 0; i < legs.size(); i++) {
        if (share[i] < limit[i] && (best < 0 || limit[i] - share[i] > limit[best] - share[best])) {
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
      var spec = legs.get(i).offer().offer().spec();
      BigDecimal rating = (charge ? spec.maxChargePower() : spec.maxDischargePower()).in(PowerUnit.KW);
      BigDecimal p = kw.multiply(BigDecimal.valueOf(share[i])).divide(BigDecimal.valueOf(want), 3,
          RoundingMode.CEILING).min(rating).max(WH);
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

  private static long wh(Energy e) {
    return e.in(EnergyUnit.WH).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
