package org.dent.client.aggregation;

import java.net.URI;
import java.util.Objects;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.view.StorageOffer;

/**
 * A storage offer and the BPP that made it: what the {@link Planner} chooses from and the {@link Aggregator}
 * reserves at.
 *
 * @param bppId the BPP's subscriber id
 * @param bppUri the BPP's base URL
 * @param offer the offer as the BPP's {@code on_search} described it
 */
public record PortfolioOffer(String bppId, URI bppUri, StorageOffer offer) {
  public PortfolioOffer {
    Objects.requireNonNull(bppId, "bppId");
    Objects.requireNonNull(bppUri, "bppUri");
    Objects.requireNonNull(offer, "offer");
  }

  /** Every storage offer of an {@code on_search}, with the BPP that sent it. */
  public static java.util.List<PortfolioOffer> from(OnSearchCallback answer) {
    String bppId = answer.context().bppId();
    URI uri = URI.create(answer.context().bppUri());
    if (answer.message() == null || answer.message().catalog() == null) {
      return java.util.List.of();
    }
    return StorageOffer.fromCatalog(answer.message().catalog()).stream()
        .map(o -> new PortfolioOffer(bppId, uri, o)).toList();
  }

  /** A key naming this offer uniquely in a search: {@code bppId/providerId/itemId}. */
  public String key() {
    return bppId + "/" + offer.providerId() + "/" + offer.itemId();
  }

  /** This offer with its free energy replaced (a partial grant learnt at {@code select}). */
  public PortfolioOffer withFreeEnergy(org.dent.core.units.Energy free) {
    StorageOffer o = offer;
    return new PortfolioOffer(bppId, bppUri, new StorageOffer(o.itemId(), o.providerId(), o.locationId(),
        o.location(), o.availability(), free, o.maximumEnergy(), o.estimatedPrice(), o.spec(), o.pricing(),
        o.cancellationTerms(), o.descriptor()));
  }
}
