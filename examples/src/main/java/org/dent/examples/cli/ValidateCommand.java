package org.dent.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Validate DENT message files.")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
