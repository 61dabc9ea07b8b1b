package org.dent.conformance;

/** The BPP did something a scenario does not allow; the message says what, in one line. */
public class ScenarioFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  public ScenarioFailure(String message) {
    super(message);
  }

  /** Fails with {@code message} unless {@code condition} holds. */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new ScenarioFailure(message);
    }
  }
}
