package org.dent.client.aggregation;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * An aggregation could not be done: no set of offers covers the need within the budget, or the reservation saga
 * ran out of offers. When the saga throws it, nothing is left reserved unless {@link #inDoubt()} names legs whose
 * outcome could not be learnt (a BPP that stayed unreachable after confirm); those carry their transaction ids.
 */
public class AggregationException extends DentException {
  private static final long serialVersionUID = 1L;

  /** Code of "no plan": the offers cannot cover the need (energy, power, window, budget). */
  public static final String NO_PLAN = ErrorCode.CAPACITY_UNAVAILABLE.code();

  private final transient List<SagaEvent> journal;
  private final List<String> inDoubt;

  public AggregationException(String code, String message) {
    this(code, message, List.of(), List.of(), null);
  }

  public AggregationException(String code, String message, List<SagaEvent> journal, List<String> inDoubt,
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
   * Transaction ids of legs whose confirm outcome stayed unknown (the BPP never answered, not even to a repeated
   * confirm); empty when every leg is known to be released.
   */
  public List<String> inDoubt() {
    return inDoubt;
  }
}
