package org.dent.server.spi;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * A handler refuses a request for a business reason: the engine answers with a callback carrying
 * {@code error{code, message, paths}} (DESIGN.md §2: {@code 30001} provider not found, {@code 30010} order not
 * found, {@code 40002} capacity gone, {@code 40003} quote expired, {@code 50002} transfer refused, ...).
 */
public class BusinessException extends DentException {
  private static final long serialVersionUID = 1L;

  public BusinessException(ErrorCode code, String message) {
    super(code.code(), message, List.of(), null);
  }

  public BusinessException(ErrorCode code, String message, List<String> paths) {
    super(code.code(), message, paths, null);
  }

  /** {@code 30010}: the order does not exist or belongs to another BAP (the two are indistinguishable). */
  public static BusinessException orderNotFound(String orderId) {
    return new BusinessException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found",
        List.of("/message/order_id"));
  }

  /** {@code 50002} with the reason token first, e.g. {@code INSUFFICIENT_STORED_ENERGY}. */
  public static BusinessException transferRefused(String reasonToken, String detail, String path) {
    return new BusinessException(ErrorCode.TRANSFER_REFUSED, reasonToken + ": " + detail, List.of(path));
  }
}
