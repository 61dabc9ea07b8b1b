package org.dent.conformance;

import java.time.Duration;

/**
 * How one scenario ended.
 *
 * @param name the scenario's name
 * @param passed whether it passed
 * @param reason why it failed or was skipped ({@code ""} when it passed)
 * @param took how long it ran
 * @param skipped whether the BPP does not offer what it checks ({@code 40001}); a skipped scenario has passed
 */
public record ScenarioResult(String name, boolean passed, String reason, Duration took, boolean skipped) {
  /** A scenario that ran to its end or failed (not skipped). */
  public ScenarioResult(String name, boolean passed, String reason, Duration took) {
    this(name, passed, reason, took, false);
  }

  public ScenarioResult {
    if (skipped && !passed) {
      throw new IllegalArgumentException("a skipped scenario counts as passed");
    }
  }

  /** {@code PASS|FAIL|SKIP NAME  reason}, the line the command line prints. */
  public String line() {
    return (skipped ? "SKIP " : passed ? "PASS " : "FAIL ") + name + (reason.isEmpty() ? "" : "  " + reason);
  }
}
