package org.dent.conformance;

import java.time.Duration;

/**
 * How one scenario ended.
 *
 * @param name the scenario's name
 * @param passed whether it passed
 * @param reason why it failed ({@code ""} when it passed)
 * @param took how long it ran
 */
public record ScenarioResult(String name, boolean passed, String reason, Duration took) {
  /** {@code PASS|FAIL NAME  reason}, the line the command line prints. */
  public String line() {
    return (passed ? "PASS " : "FAIL ") + name + (reason.isEmpty() ? "" : "  " + reason);
  }
}
