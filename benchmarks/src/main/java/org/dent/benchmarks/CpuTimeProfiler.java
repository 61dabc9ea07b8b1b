package org.dent.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler reporting the CPU time the benchmark JVM consumed per operation ({@code cpu.time.norm}, µs/op):
 * process CPU time (benchmark threads, GC, JIT) over the iteration divided by its operations.
 *
 * <p>Why: on the shared 2-core build machine other worktrees' builds start and stop during a run and steal the
 * CPU, which inflates wall-clock scores by factors of 2–20. CPU time consumed per operation is nearly immune to
 * that (only cache effects remain), so ratios computed from it are stable where wall-clock ratios are not. Use
 * with {@code -prof org.dent.benchmarks.CpuTimeProfiler}; single-threaded benchmarks only (it divides the whole
 * process's CPU time by the operations).
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long startCpu;
  private long startWall;

  @Override
  public String getDescription() {
    return "process CPU time per operation (robust against CPU stolen by other processes)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startWall = System.nanoTime();
    startCpu = OS.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = OS.getProcessCpuTime() - startCpu;
    long wall = System.nanoTime() - startWall;
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.time.norm", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
        // CPU time over wall time: about 1.0 (plus GC and JIT) when the benchmark thread had a core to itself.
        new ScalarResult("cpu.share", (double) cpu / wall, "cores", AggregationPolicy.AVG));
  }
}
