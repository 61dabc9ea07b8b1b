package org.dent.server.spi;

import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.ContractModification;

/** Reads a {@link ContractModification} from an {@code update} with pointers rooted at the request (for handlers). */
public final class ModificationRequests {
  private ModificationRequests() {}

  /**
   * The modification {@code message} asks for.
   *
   * @throws BusinessException {@code 30012}, {@code 30013} or {@code 30000} with pointers under {@code /message}
   */
  public static ContractModification read(UpdateRequest.Message message) {
    try {
      return ContractModification.from(message);
    } catch (ProfileException e) {
      throw e.under("/message");
    } catch (DentException e) {
      throw under(e);
    }
  }

  /** {@code e} (a {@code 30012}/{@code 30013} from the view) as a business error with pointers under /message. */
  public static BusinessException under(DentException e) {
    ErrorCode code = ErrorCode.fromCode(e.code());
    return new BusinessException(code == null ? ErrorCode.INVALID_REQUEST : code, e.getMessage(),
        e.paths().stream().map(p -> "/message" + p).toList());
  }
}
