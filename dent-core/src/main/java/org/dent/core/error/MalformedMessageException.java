package org.dent.core.error;

import java.util.List;

/**
 * The bytes are not a readable DENT message: not JSON, invalid UTF-8, too large, too deep, duplicate keys, a
 * missing {@code context} or an unknown {@code action}. Carries the position (line, column; 0 when unknown) and,
 * when known, the JSON pointer of the offending member. Code {@code 30000}.
 */
public class MalformedMessageException extends DentException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;

  public MalformedMessageException(String message, String pointer, long line, long column, Throwable cause) {
    super(ErrorCode.INVALID_REQUEST.code(), message, pointer == null ? List.of() : List.of(pointer), cause);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the problem, 0 when not positional. */
  public long line() {
    return line;
  }

  /** 1-based column of the problem, 0 when not positional. */
  public long column() {
    return column;
  }
}
