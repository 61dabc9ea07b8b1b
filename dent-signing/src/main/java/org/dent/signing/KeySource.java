package org.dent.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a key (or another secret, such as a key store password) comes from, written as one string:
 *
 * <ul>
 *   <li>{@code env:NAME} — the value of environment variable {@code NAME};
 *   <li>{@code file:PATH} or {@code @PATH} — the content of a file (PEM, base64, or one line of text);
 *   <li>anything else — the text itself (base64 or PEM).
 * </ul>
 *
 * <p>A file readable or writable by group or others (POSIX) is still read, with one WARN log line naming the file
 * and its permissions (never its content): private keys belong to their owner only ({@code chmod 600}). Every
 * failure is a {@link KeyFormatException} naming the source, never the secret.
 *
 * <pre>{@code
 * SigningKey key = KeySource.signingKey("env:DENT_SIGNING_KEY");
 * SigningKey key = KeySource.signingKey("file:/etc/dent/bpp.key");
 * }</pre>
 */
public final class KeySource {
  private static final Logger log = LoggerFactory.getLogger(KeySource.class);
  private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private KeySource() {}

  /** A signing key from {@code source} (see the class comment). */
  public static SigningKey signingKey(String source) {
    return parse(source, SigningKey::parse, System.getenv());
  }

  /**
   * The secret text {@code source} names, trimmed of surrounding whitespace.
   *
   * @throws KeyFormatException when the variable is unset or empty, or the file cannot be read
   */
  public static String read(String source) {
    return read(source, System.getenv());
  }

  /** As {@link #signingKey} with {@code parser} and an explicit environment (tests). */
  static <T> T parse(String source, Function<String, T> parser, Map<String, String> env) {
    String text = read(source, env);
    try {
      return parser.apply(text);
    } catch (KeyFormatException e) {
      throw new KeyFormatException(describe(source) + ": " + e.getMessage());
    }
  }

  static String read(String source, Map<String, String> env) {
    Objects.requireNonNull(source, "source");
    if (source.startsWith("env:")) {
      String name = source.substring(4);
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        throw new KeyFormatException("environment variable " + name + " is not set");
      }
      return value.trim();
    }
    Path file = fileOf(source);
    if (file == null) {
      return source.trim();
    }
    warnIfShared(file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("cannot read key file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The permissions of {@code file} beyond its owner's, logged as one WARN line when there are any. Empty on
   * file systems without POSIX permissions, or when the file cannot be inspected.
   */
  public static Set<PosixFilePermission> warnIfShared(Path file) {
    Set<PosixFilePermission> extra;
    try {
      extra = EnumSet.noneOf(PosixFilePermission.class);
      extra.addAll(Files.getPosixFilePermissions(file));
      extra.retainAll(NOT_OWNER);
    } catch (UnsupportedOperationException | IOException e) {
      return Set.of();
    }
    if (!extra.isEmpty()) {
      log.warn("key file {} is accessible to group or others ({}): restrict it to its owner (chmod 600)", file,
          extra);
    }
    return Set.copyOf(extra);
  }

  /** {@code env:NAME}, {@code file:PATH} or a file name; never the secret itself. */
  static String describe(String source) {
    if (source.startsWith("env:")) {
      return "environment variable " + source.substring(4);
    }
    Path file = fileOf(source);
    return file != null ? "key file " + file : "key text";
  }

  private static Path fileOf(String source) {
    if (source.startsWith("file:")) {
      return Path.of(source.substring(5));
    }
    if (source.startsWith("@")) {
      return Path.of(source.substring(1));
    }
    return null;
  }
}
