package org.dent.client.aggregation;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * An aggregation could not be done: no set of offers covers the need within the budget, or the reservation saga
 * ran out of offers. When the saga throws it, nothing is left reserved unless {@link #inDoubt()} names legs whose
 * outcome could not be learnt (a BPP that stayed unreachable); those can be settled later.
 */
public class AggregationException extends DentException {
  private static final long serialVersionUID = 1L;

  /** Code of "no plan": the offers cannot cover the need (energy, power, window, budget). */
  public static final String NO_PLAN = ErrorCode.CAPACITY_UNAVAILABLE.code();

  private final transient List<SagaEvent> journal;
  private final transient List<InDoubtLeg> inDoubt;

  public AggregationException(String code, String message) {
    this(code, message, List.of(), List.of(), null);
  }

  public AggregationException(String code, String message, List<SagaEvent> journal, List<InDoubtLeg> inDoubt,
      Throwable cause) {
    super(code, message, List.of(), cause);
    this.journal = List.copyOf(journal);
    this.inDoubt = List.copyOf(inDoubt);
  }

  /** What the saga did before giving up, in order; empty when thrown by the planner. */
  public List<SagaEvent> journal() {
    return journal;
  }

  /**
   * Legs whose outcome stayed unknown (the BPP never answered a confirm, not even a repeated one) or whose cancel
   * failed; empty when every leg is known to be released. Settle them with {@link Aggregator#resolve} once their BPP
   * answers again.
   */
  public List<InDoubtLeg> inDoubt() {
    return inDoubt;
  }
}
