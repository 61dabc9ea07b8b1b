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
        BppCommand.class,
        GatewayCommand.class,
        KeygenCommand.class,
        AdminTokenCommand.class,
        SignCommand.class,
        VerifyCommand.class,
        ConformanceCommand.class,
        BapCommand.class,
        DemoCommand.class,
    })
public final class DentCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The configured command line. {@code @file} argument expansion is off: {@code --key @FILE} names a key file that
   * the commands read themselves, and picocli must not splice its contents into the arguments.
   */
  public static CommandLine newCommandLine() {
    return new CommandLine(new DentCommand()).setExpandAtFiles(false);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }
}
