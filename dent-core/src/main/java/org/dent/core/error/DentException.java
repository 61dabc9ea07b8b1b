package org.dent.core.error;

import java.util.List;

/**
 * Root of every exception the SDK throws. Unchecked. Each carries the Beckn error code ({@code error.code} on the
 * wire) and, where they apply, the JSON pointers or header fields that locate the problem.
 */
public class DentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final List<String> paths;

  public DentException(String code, String message) {
    this(code, message, List.of(), null);
  }

  public DentException(ErrorCode code, String message) {
    this(code.code(), message, List.of(), null);
  }

  public DentException(String code, String message, List<String> paths, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.paths = List.copyOf(paths);
  }

  /** The Beckn error code, e.g. {@code 30000} or {@code AUT_SIGNATURE_INVALID}. */
  public String code() {
    return code;
  }

  /** JSON pointers (RFC 6901) or header field names locating the problem; empty when none apply. */
  public List<String> paths() {
    return paths;
  }
}
