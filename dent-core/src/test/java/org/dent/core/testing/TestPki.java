package org.dent.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The test-only TLS material under {@code org/dent/core/testing/tls/} (see the README there): copied to files,
 * because key stores and PEM files are configured by path. Every password is {@link #PASSWORD}.
 */
public final class TestPki {
  /** The password of every test key store. */
  public static final String PASSWORD = "dent-test-only";

  private TestPki() {}

  /** Copies resource {@code name} (e.g. {@code server.p12}) into {@code dir} and returns the file. */
  public static Path file(Path dir, String name) {
    try (InputStream in = TestPki.class.getResourceAsStream("tls/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test TLS resource " + name);
      }
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The password as a fresh char array. */
  public static char[] password() {
    return PASSWORD.toCharArray();
  }
}
