package org.dent.examples.cli;

import java.util.concurrent.Callable;
import org.dent.examples.demo.MicrogridDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dent demo}: the microgrid aggregation story over real HTTP on loopback, no setup. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the microgrid aggregation demo: a registry, three reference BPPs and a BAP on loopback.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the story as JSON lines.")
  boolean json;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for keys and choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--time-scale", defaultValue = "1800",
      description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double timeScale;

  @Override
  public Integer call() throws Exception {
    return new MicrogridDemo(spec.commandLine().getOut(), json, seed, timeScale).run();
  }
}
