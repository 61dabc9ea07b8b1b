package org.dent.core.error;

import java.util.Objects;

/**
 * One thing wrong with a message: where ({@code pointer}, an RFC 6901 JSON pointer, {@code ""} for the whole
 * document), the Beckn error code ({@code 30000} family) and a readable message.
 */
public record Violation(String pointer, String code, String message) implements Comparable<Violation> {
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A violation with the generic invalid-request code {@code 30000}. */
  public static Violation of(String pointer, String message) {
    return new Violation(pointer, ErrorCode.INVALID_REQUEST.code(), message);
  }

  @Override
  public int compareTo(Violation o) {
    int c = pointer.compareTo(o.pointer);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return pointer + " " + code + " " + message;
  }
}
