package org.dent.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The DENT conformance scenarios, run against any BPP at a URL as a signed BAP. Each scenario is shown, in this
 * module's own tests, to FAIL against a BPP broken in exactly the way it checks.
 */
public final class ConformanceSuite {
  private final List<Scenario> scenarios;

  private ConformanceSuite(List<Scenario> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  /** Every scenario: protocol first, then the storage profile. */
  public static ConformanceSuite standard() {
    List<Scenario> all = new ArrayList<>(ProtocolScenarios.all());
    all.addAll(StorageScenarios.all());
    all.addAll(ModificationScenarios.all());
    return new ConformanceSuite(all);
  }

  /** The scenarios, in run order. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** Only the scenarios whose name matches. */
  public ConformanceSuite only(Predicate<String> names) {
    return new ConformanceSuite(scenarios.stream().filter(s -> names.test(s.name())).toList());
  }

  /** Runs every scenario in order, reporting each result as it ends. */
  public List<ScenarioResult> run(ConformanceContext context, Consumer<ScenarioResult> onResult) {
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      ScenarioResult r = run(s, context);
      results.add(r);
      onResult.accept(r);
    }
    return results;
  }

  /**
   * Runs one scenario; any exception is a failure whose first line is the reason, except {@link ScenarioSkipped}
   * (the BPP does not offer the feature: passed, reported {@code SKIP}).
   */
  public static ScenarioResult run(Scenario scenario, ConformanceContext context) {
    long start = System.nanoTime();
    try {
      scenario.run(context);
      return new ScenarioResult(scenario.name(), true, "", Duration.ofNanos(System.nanoTime() - start));
    } catch (ScenarioSkipped s) {
      return new ScenarioResult(scenario.name(), true, "not supported: " + s.getMessage(),
          Duration.ofNanos(System.nanoTime() - start), true);
    } catch (Throwable t) {
      Throwable cause = t instanceof java.util.concurrent.ExecutionException && t.getCause() != null
          ? t.getCause() : t;
      String reason = cause instanceof ScenarioFailure ? cause.getMessage()
          : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      reason = reason == null ? cause.getClass().getSimpleName() : reason.lines().findFirst().orElse("");
      return new ScenarioResult(scenario.name(), false, reason, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
