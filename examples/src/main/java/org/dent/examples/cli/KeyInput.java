package org.dent.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.dent.signing.KeyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a key option: base64 text, PEM text, or {@code @FILE} holding either. Every failure is a usage error (exit
 * code 2) whose message names the option but never echoes the key.
 */
final class KeyInput {
  private KeyInput() {}

  static <T> T read(CommandSpec spec, String option, String value, Function<String, T> parser) {
    String text = value;
    if (value.startsWith("@")) {
      Path file = Path.of(value.substring(1));
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            option + ": cannot read key file " + file + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    try {
      return parser.apply(text);
    } catch (KeyFormatException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
