package org.dent.server.admin;

import java.util.Locale;

/** What an admin token may do; each role includes the ones before it. */
public enum AdminRole {
  /** Reads assets, utilisation and the audit log. */
  VIEWER,
  /** Also changes assets, prices and terms, and marks faults. */
  OPERATOR,
  /** Also creates, lists and revokes tokens. */
  ADMIN;

  /** Whether this role includes {@code needed}. */
  public boolean allows(AdminRole needed) {
    return ordinal() >= needed.ordinal();
  }

  /** {@code viewer}, {@code operator}, {@code admin}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code code}, case-insensitive.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static AdminRole fromCode(String code) {
    for (AdminRole r : values()) {
      if (r.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("role is one of viewer, operator, admin: " + code);
  }
}
