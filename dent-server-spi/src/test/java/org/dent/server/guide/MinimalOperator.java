package org.dent.server.guide;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.PricingModel;
import org.dent.core.profile.view.PricingTerms;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.profile.view.StorageSpec;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;

/** One 100 kWh battery, always free, for a flat fee; it only answers search (everything else gets 40001). */
public final class MinimalOperator implements StorageOperator {
  static final StorageSpec SPEC = new StorageSpec("LFP", Energy.ofKwh("100"), Power.ofKw("25"), Power.ofKw("25"),
      new BigDecimal("0.90"), null, null, null, Duration.ofMinutes(15));
  static final PricingTerms PRICE = new PricingTerms(Set.of(PricingModel.FIXED), Money.currency("INR"),
      null, null, null, new BigDecimal("10.00"), null);

  @Override
  public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
    StorageRequirement want = StorageRequirement.from(request.message().intent()); // 30000 if malformed
    List<StorageOffer> offers = want.energy().compareTo(SPEC.usableCapacity()) > 0 ? List.of()
        : List.of(new StorageOffer("battery-1", "minimal", "site-1", GeoPoint.parse("12.97,77.59"),
            want.window(), SPEC.usableCapacity(), null, Money.parse("10.00", "INR"), SPEC, PRICE, List.of(), null));
    return new OnSearchCallback.Message(StorageOffer.toCatalog(offers));
  }
}
