package org.dent.server.reference;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator admin action: who did what to which target, when, and how it ended. Holds no secrets (tokens and
 * key material never reach the audit log).
 *
 * @param at when (the admin clock: wall time, never the simulation's scaled time)
 * @param actor who: the admin token's name, or the name given to {@link OperatorAdmin#as(String)}
 * @param action what, e.g. {@code change-asset}, {@code mark-faulted}, {@code create-token}
 * @param target the asset id or token name acted upon
 * @param detail a short description of the change
 * @param outcome {@code OK}, or the error code of a refusal
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail, String outcome) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether the action took effect. */
  public boolean ok() {
    return "OK".equals(outcome);
  }
}
