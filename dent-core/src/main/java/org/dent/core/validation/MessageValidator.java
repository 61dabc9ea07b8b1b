package org.dent.core.validation;

import java.util.ArrayList;
import java.util.List;
import org.dent.core.error.ValidationException;
import org.dent.core.error.Violation;
import org.dent.core.model.Action;
import org.dent.core.profile.StorageProfileValidator;
import tools.jackson.databind.JsonNode;

/**
 * Everything that can be checked on one message tree without state: the envelope ({@code context},
 * {@code context.action}), the Beckn core 1.1.0 schema of its action and, for the storage domain, the storage
 * profile. Violations come back sorted by pointer, each with code {@code 30000}.
 *
 * <p>Create once ({@link #create()} compiles every schema, which takes a moment) and share: thread-safe.
 */
public final class MessageValidator {
  private final SchemaValidator schema;
  private final StorageProfileValidator profile = new StorageProfileValidator();

  private MessageValidator(SchemaValidator schema) {
    this.schema = schema;
  }

  /** The process-wide validator, compiled on first use. */
  public static MessageValidator standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final MessageValidator STANDARD = create();
  }

  /** A validator with the bundled schema and the storage profile. */
  public static MessageValidator create() {
    return new MessageValidator(SchemaValidator.create());
  }

  /** The action a tree declares, or null when {@code context.action} is missing or not one of the 20. */
  public static Action declaredAction(JsonNode message) {
    JsonNode action = message.path("context").path("action");
    return action.isString() ? Action.fromWireName(action.asString()) : null;
  }

  /** Every violation in the message; empty when it is valid. */
  public List<Violation> validate(JsonNode message) {
    if (!message.isObject()) {
      return List.of(Violation.of("", "a DENT message is a JSON object"));
    }
    JsonNode context = message.get("context");
    if (context == null || !context.isObject()) {
      return List.of(Violation.of("/context", "the message has no context object"));
    }
    JsonNode actionNode = context.get("action");
    Action action = declaredAction(message);
    if (action == null) {
      String what = actionNode == null ? "context.action is missing"
          : "context.action '" + (actionNode.isString() ? actionNode.asString() : actionNode.toString())
              + "' is not a DENT action";
      return List.of(Violation.of("/context/action", what));
    }
    return validate(message, action);
  }

  /** Every violation in the message, validated as {@code action} (the endpoint it arrived on). */
  public List<Violation> validate(JsonNode message, Action action) {
    List<Violation> fromSchema = schema.validate(message, action);
    List<Violation> fromProfile = profile.validate(message);
    if (fromProfile.isEmpty()) {
      return fromSchema;
    }
    List<Violation> out = new ArrayList<>(fromSchema.size() + fromProfile.size());
    out.addAll(fromSchema);
    for (Violation v : fromProfile) {
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Validates and throws when anything is wrong.
   *
   * @throws ValidationException carrying every violation
   */
  public void check(JsonNode message) {
    List<Violation> violations = validate(message);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
