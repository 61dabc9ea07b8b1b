package org.dent.server.reference;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's admin audit trail: the last {@code capacity} entries in memory, each also written as one INFO
 * line on logger {@code org.dent.server.audit} ({@code admin audit actor=… action=… target=… outcome=… detail=…}),
 * so a log pipeline keeps the full history. Thread-safe.
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger("org.dent.server.audit");

  private final Clock clock;
  private final int capacity;
  private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

  /** An audit log keeping the last {@code capacity} entries, timed by {@code clock}. */
  public AuditLog(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = Math.max(1, capacity);
  }

  /** Records one action and logs it. */
  public AuditEntry record(String actor, String action, String target, String detail, String outcome) {
    AuditEntry e = new AuditEntry(clock.instant(), actor, action, target, detail, outcome);
    synchronized (entries) {
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(e);
    }
    log.info("admin audit actor={} action={} target={} outcome={} detail={}", actor, action, target, outcome,
        detail);
    return e;
  }

  /** The entries kept, oldest first. */
  public List<AuditEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
