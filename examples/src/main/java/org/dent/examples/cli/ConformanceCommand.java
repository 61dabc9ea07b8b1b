package org.dent.examples.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.dent.conformance.ConformanceContext;
import org.dent.conformance.ConformanceSuite;
import org.dent.conformance.ScenarioResult;
import org.dent.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent conformance}: runs the conformance scenarios against a BPP as a signed BAP. One line per scenario
 * ({@code PASS|FAIL NAME  reason}), then {@code N passed, M failed}; exit 0 only when nothing failed.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Test a BPP over HTTP against the DENT conformance scenarios.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every scenario passed", "1:a scenario failed", "2:usage error"})
final class ConformanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bpp", required = true, paramLabel = "URL", description = "Base URL of the BPP under test.")
  URI bpp;

  @Option(names = "--registry", required = true, paramLabel = "URL", description = "Registry resolving the BPP's keys.")
  URI registry;

  @Option(names = "--bpp-id", required = true, paramLabel = "ID", description = "The BPP's subscriber id.")
  String bppId;

  @Option(names = "--subscriber-id", required = true, paramLabel = "ID", description = "BAP subscriber id to act as.")
  String subscriberId;

  @Option(names = "--ukid", required = true, paramLabel = "ID", description = "The BAP's unique key id.")
  String ukid;

  @Option(names = "--key", required = true, paramLabel = "KEY",
      description = "The BAP's signing key: base64 (seed, seed+public, PKCS#8), PEM, @FILE or file:FILE, or env:NAME.")
  String key;

  @Option(names = "--callback-port", paramLabel = "P", description = "Port for callbacks (default: any free port).")
  int callbackPort;

  @Option(names = "--only", paramLabel = "NAME", split = ",",
      description = "Run only these scenarios (exact names or prefixes ending in '.').")
  List<String> only;

  @Option(names = "--list", description = "List the scenarios with their purpose and exit.")
  boolean list;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConformanceSuite suite = ConformanceSuite.standard();
    if (only != null && !only.isEmpty()) {
      suite = suite.only(name -> only.stream().anyMatch(o -> o.endsWith(".") ? name.startsWith(o) : name.equals(o)));
    }
    if (list) {
      suite.scenarios().forEach(s -> out.println(s.name() + "  " + s.purpose()));
      out.flush();
      return 0;
    }
    SigningKey signingKey = KeyInput.read(spec, "--key", key, SigningKey::parse);
    int passed = 0;
    int failed = 0;
    try (ConformanceContext context = ConformanceContext.builder().bpp(bpp, bppId)
        .identity(subscriberId, ukid, signingKey).registry(registry).callbackPort(callbackPort).build()) {
      List<ScenarioResult> results = suite.run(context, r -> {
        out.println(r.line());
        out.flush();
      });
      for (ScenarioResult r : results) {
        if (r.passed()) {
          passed++;
        } else {
          failed++;
        }
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
