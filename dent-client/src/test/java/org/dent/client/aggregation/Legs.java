package org.dent.client.aggregation;

import java.util.List;
import org.dent.client.bap.BppTarget;
import org.dent.core.profile.view.Bill;
import org.dent.core.units.Energy;

/** Confirmed legs for tests that need no BPP. */
final class Legs {
  private Legs() {}

  /** A leg {@code order-<id>} reserving {@code kwh} at an offer rated {@code kw} both ways, efficiency 0.81. */
  static Leg leg(String id, String kwh, String kw) {
    PortfolioOffer o = Offers.offer(id, kwh, kw, kw, "1.00", null, null, null, null, "0.81");
    return new Leg(o, new BppTarget(o.bppId(), o.bppUri(), "tx-" + id), "order-" + id, Energy.parse(kwh + " kWh"),
        Offers.WINDOW, Bill.of(List.of(), Offers.INR));
  }
}
