package org.dent.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code dent} in-process with the given stdin bytes, capturing stdout, stderr and the exit code. */
final class Cli {
  record Result(int exit, String out, String err) {}

  private Cli() {}

  static synchronized Result run(byte[] stdin, String... args) {
    InputStream oldIn = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      CommandLine cl = DentCommand.newCommandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new Result(exit, out.toString(), err.toString());
    } finally {
      System.setIn(oldIn);
    }
  }
}
