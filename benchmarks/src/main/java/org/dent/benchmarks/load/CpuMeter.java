package org.dent.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during a measurement window: by this process, and by the whole machine ({@code /proc/stat}, Linux), so
 * that a result can say how much of the 2 cores other processes (other worktrees' builds) took meanwhile.
 */
final class CpuMeter {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final Path PROC_STAT = Path.of("/proc/stat");

  private final long wall0 = System.nanoTime();
  private final long process0 = OS.getProcessCpuTime();
  private final long[] machine0 = machine();

  /** What was used since this meter was created. */
  Usage stop() {
    long wall = System.nanoTime() - wall0;
    long process = OS.getProcessCpuTime() - process0;
    long[] machine1 = machine();
    double machineCores = Double.NaN;
    if (machine0 != null && machine1 != null && machine1[1] > machine0[1]) {
      double busyShare = (double) (machine1[0] - machine0[0]) / (machine1[1] - machine0[1]);
      machineCores = busyShare * Runtime.getRuntime().availableProcessors();
    }
    return new Usage(wall, process, machineCores);
  }

  /** {busy jiffies, total jiffies} of the aggregate cpu line, or null off Linux. */
  private static long[] machine() {
    try {
      String line = Files.readAllLines(PROC_STAT).get(0);
      String[] f = line.trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        long v = Long.parseLong(f[i]);
        total += v;
        if (i == 4 || i == 5) { // idle, iowait
          idle += v;
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** CPU over a window. */
  record Usage(long wallNanos, long processCpuNanos, double machineCores) {
    /** Cores this process kept busy on average. */
    double processCores() {
      return (double) processCpuNanos / wallNanos;
    }

    /** Cores other processes kept busy on average (NaN when unknown). */
    double otherCores() {
      return Math.max(0, machineCores - processCores());
    }

    /** This process's CPU time per operation, in microseconds. */
    double cpuMicrosPer(long operations) {
      return operations == 0 ? Double.NaN : processCpuNanos / 1e3 / operations;
    }
  }
}
