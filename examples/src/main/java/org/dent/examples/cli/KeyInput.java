package org.dent.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.dent.signing.KeyFormatException;
import org.dent.signing.KeySource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a key or secret option: base64 or PEM text, {@code @FILE} or {@code file:FILE} holding either, or
 * {@code env:NAME} for an environment variable ({@link KeySource}). Private key files readable by group or others
 * are read with a warning on the log. Every failure is a usage error (exit code 2) whose message names the option
 * but never echoes the key.
 */
final class KeyInput {
  private KeyInput() {}

  /** A secret (private key, password): files with permissions beyond the owner's are warned about. */
  static <T> T read(CommandSpec spec, String option, String value, Function<String, T> parser) {
    String text;
    try {
      text = KeySource.read(value);
    } catch (KeyFormatException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
    return parse(spec, option, text, parser);
  }

  /** Public material (a public key): the same sources, no permission warning. */
  static <T> T readPublic(CommandSpec spec, String option, String value, Function<String, T> parser) {
    String text = value;
    String file = value.startsWith("@") ? value.substring(1) : value.startsWith("file:") ? value.substring(5) : null;
    if (file != null) {
      try {
        text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            option + ": cannot read key file " + file + " (" + e.getClass().getSimpleName() + ")");
      }
    } else if (value.startsWith("env:")) {
      text = System.getenv(value.substring(4));
      if (text == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), option + ": environment variable "
            + value.substring(4) + " is not set");
      }
    }
    return parse(spec, option, text, parser);
  }

  private static <T> T parse(CommandSpec spec, String option, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (KeyFormatException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
