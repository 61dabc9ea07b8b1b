package org.dent.client.bap;

import java.net.URI;
import java.util.Objects;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;

/**
 * Where a follow-up request goes: the BPP's subscriber id and URL, and the transaction it continues.
 *
 * @param bppId the BPP's subscriber id ({@code context.bpp_id})
 * @param bppUri the BPP's base URL ({@code context.bpp_uri}); actions are POSTed to {@code bppUri/action}
 * @param transactionId the transaction the request belongs to
 */
public record BppTarget(String bppId, URI bppUri, String transactionId) {
  public BppTarget {
    Objects.requireNonNull(bppId, "bppId");
    Objects.requireNonNull(bppUri, "bppUri");
    Objects.requireNonNull(transactionId, "transactionId");
  }

  /** The BPP that sent this callback, in its transaction. */
  public static BppTarget of(BecknMessage callback) {
    Context c = callback.context();
    return new BppTarget(c.bppId(), URI.create(c.bppUri()), c.transactionId());
  }
}
