package org.dent.server.spi;

import org.dent.core.error.ErrorCode;
import org.dent.core.model.Action;

/** Thrown by the SPI's default methods: the operator does not offer this action ({@code 40001}). */
public class NotImplementedException extends BusinessException {
  private static final long serialVersionUID = 1L;

  public NotImplementedException(Action action) {
    super(ErrorCode.NOT_IMPLEMENTED, action.wireName() + " is not offered by this provider");
  }

  /** Part of an action the operator does not offer, e.g. contract modification within {@code update}. */
  public NotImplementedException(Action action, String what) {
    super(ErrorCode.NOT_IMPLEMENTED, what + " is not offered by this provider (" + action.wireName() + ")");
  }
}
