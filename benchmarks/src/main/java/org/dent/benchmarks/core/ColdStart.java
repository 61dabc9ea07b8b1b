package org.dent.benchmarks.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.validation.MessageValidator;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3, cold construction: how long a fresh JVM takes to its first parse, to a compiled {@link MessageValidator}
 * and to its first validated message.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dent.benchmarks.core.ColdStart [runs [child JVM options...]]
 * </pre>
 *
 * runs (default 5) child JVMs with the same class path (and the given options, e.g. an AppCDS archive), each doing
 * once, in order: {@code
 * DentCodec.standard().readTree} of the worked 7 KB {@code on_search} (read from the class path as raw bytes),
 * {@code MessageValidator.create()}, and {@code validate(tree, ON_SEARCH)}. Times are measured from the child's
 * {@code main}; JVM boot before {@code main} is reported separately. Prints each run and the medians.
 *
 * <p>Wall-clock times on the shared build machine are inflated by other processes; {@code createCpuMs} (process
 * CPU time during {@code create()}, JIT threads included) is the steadier figure.
 */
public final class ColdStart {
  private static final String DOC = "org/dent/benchmarks/examples/02-on_search.json";
  private static final String[] KEYS = {"jvmToMainMs", "firstParseMs", "createMs", "firstValidateMs",
      "totalToFirstValidationMs", "firstParseCpuMs", "createCpuMs", "firstValidateCpuMs", "classesParse",
      "classesCreate", "classesValidate"};

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child();
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    List<Map<String, Double>> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", cp));
      command.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
      command.addAll(List.of(ColdStart.class.getName(), "--child"));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      Map<String, Double> run = new LinkedHashMap<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          int eq = line.indexOf('=');
          if (line.startsWith("cold.") && eq > 0) {
            run.put(line.substring(5, eq), Double.parseDouble(line.substring(eq + 1)));
          }
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException("child run failed: exit " + p.exitValue());
      }
      results.add(run);
      System.out.printf("run %d: %s%n", i + 1, run);
    }
    System.out.printf("median of %d fresh JVMs (%s):%n", runs, System.getProperty("java.vm.version"));
    for (String key : KEYS) {
      double[] v = results.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).sorted().toArray();
      System.out.printf("  %-26s %8.1f   (min %.1f, max %.1f)%n", key, v[v.length / 2], v[0], v[v.length - 1]);
    }
  }

  private static void child() throws IOException {
    long t0 = System.nanoTime();
    long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    byte[] bytes;
    try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(DOC)) {
      bytes = in.readAllBytes();
    }
    long c0 = classes.getTotalLoadedClassCount();
    long u1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    JsonNode tree = DentCodec.standard().readTree(bytes);
    long t2 = System.nanoTime();
    long u2 = os.getProcessCpuTime();
    long c1 = classes.getTotalLoadedClassCount();
    MessageValidator validator = MessageValidator.create();
    long t3 = System.nanoTime();
    long u3 = os.getProcessCpuTime();
    long c2 = classes.getTotalLoadedClassCount();
    List<Violation> violations = validator.validate(tree, Action.ON_SEARCH);
    long t4 = System.nanoTime();
    long u4 = os.getProcessCpuTime();
    long c3 = classes.getTotalLoadedClassCount();
    if (!violations.isEmpty()) {
      throw new IllegalStateException("worked example must be valid: " + violations);
    }
    print("jvmToMainMs", jvmToMain);
    print("firstParseMs", (t2 - t1) / 1e6);
    print("createMs", (t3 - t2) / 1e6);
    print("firstValidateMs", (t4 - t3) / 1e6);
    print("totalToFirstValidationMs", (t4 - t0) / 1e6);
    print("firstParseCpuMs", (u2 - u1) / 1e6);
    print("createCpuMs", (u3 - u2) / 1e6);
    print("firstValidateCpuMs", (u4 - u3) / 1e6);
    print("classesParse", c1 - c0);
    print("classesCreate", c2 - c1);
    print("classesValidate", c3 - c2);
    System.out.flush();
  }

  private static void print(String key, double value) {
    System.out.println("cold." + key + "=" + value);
  }

  @Override
  public String toString() {
    return Arrays.toString(KEYS);
  }
}
