package org.dent.client.transport;

import java.util.List;
import org.dent.core.error.DentException;

/**
 * A TLS key store, trust store or PEM file could not be used (unreadable, wrong password, no private key, not a
 * certificate). Code {@code TLS_CONFIG}. The message names the file, never a password or key material.
 */
public final class TlsException extends DentException {
  private static final long serialVersionUID = 1L;

  /** Stable code of every TLS configuration error. */
  public static final String CODE = "TLS_CONFIG";

  public TlsException(String message, Throwable cause) {
    super(CODE, message, List.of(), cause);
  }

  public TlsException(String message) {
    super(CODE, message, List.of(), null);
  }
}
