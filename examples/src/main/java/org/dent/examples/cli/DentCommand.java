package org.dent.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dent} command line. Each subcommand lives in its own class in this package. */
@Command(
    name = "dent",
    mixinStandardHelpOptions = true,
    version = "dent 0.1.0-SNAPSHOT",
    description = "DENT (Beckn for energy storage) command line.",
    subcommands = {
        ValidateCommand.class,
        RegistryCommand.class,
    })
public final class DentCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DentCommand()).execute(args));
  }
}
