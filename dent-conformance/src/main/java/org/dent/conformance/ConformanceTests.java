package org.dent.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the conformance suite in an operator's own JUnit 5 build: extend it, return a context pointing at your BPP
 * (started however you like), and every scenario becomes one dynamic test named after it.
 *
 * <pre>{@code
 * class MyBppConformanceTest extends ConformanceTests {
 *   @Override protected ConformanceContext context() {
 *     return ConformanceContext.builder().bpp(myBpp.url(), "bpp.mine")
 *         .identity("bap.test", "k1", bapKey).registry(registryUrl).build();
 *   }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceTests {
  private ConformanceContext context;

  /** The context to run against; called once per test class. */
  protected abstract ConformanceContext context();

  /** The scenarios to run (default: all). */
  protected ConformanceSuite suite() {
    return ConformanceSuite.standard();
  }

  /**
   * One dynamic test per scenario; a failed scenario fails its test with the scenario's reason, a skipped one (a
   * feature the BPP does not offer) is reported as skipped (aborted).
   */
  @TestFactory
  Stream<DynamicTest> conformance() {
    context = context();
    return suite().scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name() + ": " + s.purpose(), () -> {
      ScenarioResult r = ConformanceSuite.run(s, context);
      Assumptions.assumeFalse(r.skipped(), r.reason());
      if (!r.passed()) {
        throw new ScenarioFailure(r.reason());
      }
    }));
  }

  @AfterAll
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }
}
