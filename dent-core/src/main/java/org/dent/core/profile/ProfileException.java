package org.dent.core.profile;

import java.util.List;
import org.dent.core.error.ValidationException;
import org.dent.core.error.Violation;

/**
 * A Beckn object could not be read as (or a typed view could not be built into) a structure of the
 * energy-storage profile: a required piece is missing, a value is malformed or out of its range, or two values
 * contradict each other. Code {@code 30000}. The {@linkplain #pointer() pointer} is an RFC 6901 JSON pointer
 * relative to the object that was being read (each reader documents what it is relative to); {@link #under(String)}
 * re-roots it when the object sits deeper in a message.
 *
 * <p>A profile problem is a validation failure, so this is a {@link ValidationException}: code that turns
 * validation failures into a NACK handles it without a special case.
 */
public final class ProfileException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem at one place.
   *
   * @param pointer RFC 6901 pointer relative to the object being read, {@code ""} for the object itself
   * @param message readable description
   */
  public ProfileException(String pointer, String message) {
    this(List.of(Violation.of(pointer, message)));
  }

  /**
   * Several problems found together, e.g. by checking a whole tag group.
   *
   * @throws IllegalArgumentException when {@code violations} is empty
   */
  public ProfileException(List<Violation> violations) {
    super(requireSome(violations));
  }

  /** Where the (first) problem is, relative to the object being read. */
  public String pointer() {
    return violations().get(0).pointer();
  }

  /** The same problems with {@code prefix} (a JSON pointer, {@code ""} for none) put in front of every pointer. */
  public ProfileException under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    return new ProfileException(violations().stream()
        .map(v -> new Violation(prefix + v.pointer(), v.code(), v.message()))
        .toList());
  }

  private static List<Violation> requireSome(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ProfileException needs at least one violation");
    }
    return violations;
  }
}
