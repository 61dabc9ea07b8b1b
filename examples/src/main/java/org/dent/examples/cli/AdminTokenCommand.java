package org.dent.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dent.server.admin.AdminRole;
import org.dent.server.admin.AdminTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent admin-token --name NAME --role ROLE}: creates a random admin bearer token and prints two lines: the
 * token (give it to its holder; it is not stored anywhere) and the line for {@code --admin-token-file}, which holds
 * only its SHA-256 hash.
 */
@Command(name = "admin-token", mixinStandardHelpOptions = true,
    description = {"Create a random bearer token for the operator admin endpoint (dent bpp --admin-port).",
        "Prints: token=<the token>, then the line to append to the --admin-token-file (name role sha256:hash)."})
final class AdminTokenCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who holds the token (audit name).")
  String name;

  @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin.")
  String role;

  @Override
  public Integer call() {
    AdminRole r;
    try {
      r = AdminRole.fromCode(role);
      new AdminTokens().add(name, r, "check-the-name");
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String token = AdminTokens.newToken();
    PrintWriter out = spec.commandLine().getOut();
    out.println("token=" + token);
    out.println(AdminTokens.fileLine(name, r, token));
    out.flush();
    return 0;
  }
}
