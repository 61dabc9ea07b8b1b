package org.dent.core.error;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How several JSON pointers travel in {@code error.paths}, which Beckn 1.1.0 types as one string: joined with
 * {@code ", "}. The one place that writes and reads that encoding.
 */
public final class ErrorPaths {
  private ErrorPaths() {}

  /** The {@code error.paths} value for these pointers; null when there are none (the member is then omitted). */
  public static @Nullable String join(List<String> pointers) {
    return pointers.isEmpty() ? null : String.join(", ", pointers);
  }

  /** The pointers of an {@code error.paths} value; empty for null or blank. */
  public static List<String> split(@Nullable String paths) {
    if (paths == null || paths.isBlank()) {
      return List.of();
    }
    return Arrays.stream(paths.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
