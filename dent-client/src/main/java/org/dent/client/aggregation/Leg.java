package org.dent.client.aggregation;

import java.util.Objects;
import org.dent.client.bap.BppTarget;
import org.dent.core.profile.view.Bill;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;

/**
 * One confirmed reservation of a {@link Portfolio}: its own transaction at one BPP.
 *
 * @param offer the offer it reserves
 * @param target the BPP and the leg's transaction
 * @param orderId the order id the BPP assigned at confirm
 * @param energy reserved energy
 * @param window the storage window
 * @param quote the price quoted at confirm
 */
public record Leg(PortfolioOffer offer, BppTarget target, String orderId, Energy energy, TimeWindow window,
    Bill quote) {
  public Leg {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(quote, "quote");
  }

  /** A short name for people and reports: {@code bppId/itemId}. */
  public String name() {
    return offer.bppId() + "/" + offer.offer().itemId();
  }

  /** This leg with another reserved energy, window and quote (after a modification). */
  public Leg modified(Energy newEnergy, TimeWindow newWindow, Bill newQuote) {
    return new Leg(offer, target, orderId, newEnergy, newWindow, newQuote);
  }
}
