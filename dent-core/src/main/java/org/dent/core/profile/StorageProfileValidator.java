package org.dent.core.profile;

import java.util.List;
import org.dent.core.error.ValidationException;
import org.dent.core.error.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Checks a parsed DENT message against the energy-storage profile (DESIGN.md §3, docs/STORAGE-PROFILE.md):
 * energy and power in the closed unit set and of the right dimension, fractions in range, windows with start
 * before end, positive transfers, known tag codes in the profile's {@link TagGroup}s, enumerations, decimal money,
 * quotes that add up, and the fields each action must carry. Only messages whose {@code context.domain} is
 * {@value StorageProfile#DOMAIN} are checked; others pass untouched.
 *
 * <p>Every violation has code {@code 30000} and an RFC 6901 pointer into the document given. The validator
 * complements the core-schema validator: a node of the wrong JSON type is skipped silently, since the schema
 * reports it. It never throws on odd input. Instances hold no state and are safe to share between threads; build
 * one and keep it.
 */
public final class StorageProfileValidator {

  /** Creates a validator; cheap, but one per process is enough. */
  public StorageProfileValidator() {}

  /** True when {@code document.context.domain} is the storage profile's domain. */
  public boolean appliesTo(JsonNode document) {
    return document != null && StorageProfile.DOMAIN.equals(Findings.text(document.get("context"), "domain"));
  }

  /**
   * Every profile violation of {@code document} (a whole message: {@code {"context":…, "message":…}}): first the
   * value rules in document order, then the fields the action requires. Empty when the document is valid or is not
   * a storage-profile message.
   */
  public List<Violation> validate(JsonNode document) {
    if (!appliesTo(document)) {
      return List.of();
    }
    Findings out = new Findings();
    JsonNode message = document.get("message");
    if (message == null || !message.isObject()) {
      return List.of(); // absent or mistyped message: the schema's to report
    }
    MessageWalk.walk(message, MessageWalk.Path.of("/message"), "message", 0, out);
    ActionRules.orderStatus(message, out);
    String action = Findings.text(document.get("context"), "action");
    JsonNode error = document.get("error");
    if (action != null && (error == null || error.isNull())) {
      ActionRules.check(action, message, out);
    }
    return out.toList();
  }

  /**
   * Checks and throws when anything is wrong.
   *
   * @throws ValidationException carrying every violation (code {@code 30000})
   */
  public void requireValid(JsonNode document) {
    List<Violation> violations = validate(document);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
