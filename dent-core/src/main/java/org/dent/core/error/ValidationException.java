package org.dent.core.error;

import java.util.List;

/** A message broke the core schema or the storage profile; {@link #violations()} says everything that is wrong. */
public class ValidationException extends DentException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(ErrorCode.INVALID_REQUEST.code(), summary(violations),
        violations.stream().map(Violation::pointer).distinct().toList(), null);
    this.violations = List.copyOf(violations);
  }

  /** Every violation found, in document order of their pointers. */
  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "invalid message";
    }
    Violation first = violations.get(0);
    String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
    return first.pointer() + ": " + first.message() + more;
  }
}
