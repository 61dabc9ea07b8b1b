package org.dent.signing;

import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * Key material could not be decoded: wrong length, wrong algorithm, broken DER/PEM/base64, or a private key whose
 * embedded public key does not belong to it. The message says which check failed and never contains key bytes.
 *
 * <p>This is a local configuration or registry-data problem, not a wire error; its code is the generic
 * {@code 30000} only because every {@link DentException} carries one. A receiver that fails to decode a peer's
 * registered key should report the peer's key as unknown instead.
 */
public final class KeyFormatException extends DentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, without any key bytes */
  public KeyFormatException(String message) {
    super(ErrorCode.INVALID_REQUEST, message);
  }
}
