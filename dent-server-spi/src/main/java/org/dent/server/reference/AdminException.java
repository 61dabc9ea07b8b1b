package org.dent.server.reference;

import java.util.List;
import org.dent.core.error.DentException;

/**
 * An operator admin change was refused. Codes are stable: {@link #NOT_FOUND}, {@link #EXISTS}, {@link #IN_USE},
 * {@link #INVALID}. Nothing changed when this is thrown.
 */
public final class AdminException extends DentException {
  private static final long serialVersionUID = 1L;

  /** No asset in service (or, for {@code clearFault}, no faulted asset) has this id. */
  public static final String NOT_FOUND = "ADMIN_ASSET_NOT_FOUND";
  /** An asset with this id is already in the fleet (in service or faulted). */
  public static final String EXISTS = "ADMIN_ASSET_EXISTS";
  /** The asset has live contracts: it cannot be retired, nor its physics or site changed, until they end. */
  public static final String IN_USE = "ADMIN_ASSET_IN_USE";
  /** The change itself is not valid (a field, the id). */
  public static final String INVALID = "ADMIN_INVALID";

  public AdminException(String code, String message) {
    super(code, message, List.of(), null);
  }
}
