package org.dent.conformance;

import java.util.Objects;

/**
 * One conformance check against a BPP: a stable name, a one-line purpose, and a body that throws (usually a
 * {@link ScenarioFailure}) when the BPP misbehaves. Scenarios are independent: each starts its own transaction.
 */
public interface Scenario {
  /** Stable name, e.g. {@code protocol.signature-bad}; used by {@code --only}. */
  String name();

  /** What the scenario proves, in one line. */
  String purpose();

  /**
   * Runs the check.
   *
   * @throws ScenarioFailure (or any exception) when the BPP does not behave as required
   */
  void run(ConformanceContext context) throws Exception;

  /** The body of a scenario. */
  @FunctionalInterface
  interface Body {
    void run(ConformanceContext context) throws Exception;
  }

  /** A scenario from its parts. */
  static Scenario of(String name, String purpose, Body body) {
    Objects.requireNonNull(name);
    Objects.requireNonNull(purpose);
    Objects.requireNonNull(body);
    return new Scenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String purpose() {
        return purpose;
      }

      @Override
      public void run(ConformanceContext context) throws Exception {
        body.run(context);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
