package org.dent.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dent.core.error.MalformedMessageException;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.validation.MessageValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code dent validate FILE...}: prints {@code FILE: POINTER CODE MESSAGE} for every violation. Exit 0 when every
 * file is valid, 1 when any has a violation, 2 when a file is unreadable or not JSON.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate DENT messages against the Beckn core 1.1.0 schema and the storage profile.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every file is valid", "1:a file has violations", "2:a file is unreadable or not JSON"})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Message files (the action is read from context.action).")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DentCodec codec = DentCodec.standard();
    MessageValidator validator = null;
    int exit = 0;
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException | OutOfMemoryError e) {
        err.println(file + ": cannot read: " + e.getMessage());
        exit = 2;
        continue;
      }
      JsonNode tree;
      try {
        tree = codec.readTree(bytes);
      } catch (MalformedMessageException e) {
        err.println(file + ": line " + e.line() + ", column " + e.column() + ": " + e.getMessage());
        exit = 2;
        continue;
      }
      if (validator == null) {
        validator = MessageValidator.create();
      }
      List<Violation> violations = new ArrayList<>(validator.validate(tree));
      if (violations.isEmpty()) {
        try {
          codec.bind(tree);
        } catch (MalformedMessageException e) {
          violations.add(new Violation(e.paths().isEmpty() ? "" : e.paths().get(0), e.code(), e.getMessage()));
        }
      }
      for (Violation v : violations) {
        out.println(file + ": " + v.pointer() + " " + v.code() + " " + v.message());
      }
      if (!violations.isEmpty() && exit == 0) {
        exit = 1;
      }
    }
    out.flush();
    err.flush();
    return exit;
  }
}
