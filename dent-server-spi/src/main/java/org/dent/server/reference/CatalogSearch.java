package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.core.model.Catalog;
import org.dent.core.model.City;
import org.dent.core.model.Country;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Intent;
import org.dent.core.model.Item;
import org.dent.core.model.Location;
import org.dent.core.model.Provider;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Money;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * Answers a storage {@code search}: one offer per asset that passes every filter of the intent (great-circle
 * distance from the requested point within the radius, a window on the asset's slot grid that has not ended, free
 * energy throughout the window at least the requested energy, charge and discharge ratings at least the required
 * powers, and the price estimated for the request from the asset's terms within the budget, in its currency). A
 * window off an asset's slot grid filters that asset out: search never errs over granularity.
 */
final class CatalogSearch {
  /** Kilometres per degree of latitude (a lower bound, so the box never drops an asset inside the radius). */
  private static final double KM_PER_DEGREE = 110.5;
  private final OperatorState state;

  CatalogSearch(OperatorState state) {
    this.state = state;
  }

  Catalog search(@Nullable Intent intent) {
    if (intent == null) {
      throw OrderRequest.invalid("a storage search states an intent", "/message/intent");
    }
    StorageRequirement q;
    try {
      q = StorageRequirement.from(intent);
    } catch (ProfileException e) {
      throw e.under("/message/intent");
    }
    String provider = intent.provider() == null ? null : intent.provider().id();
    boolean ours = provider == null || provider.equals(state.fleet.providerId());
    double lat = q.area() == null ? 0 : q.area().center().latitude().doubleValue();
    double lon = q.area() == null ? 0 : q.area().center().longitude().doubleValue();
    double radius = q.area() == null ? Double.POSITIVE_INFINITY : q.area().radiusKm().doubleValue();
    BigDecimal energy = q.energy().in(EnergyUnit.KWH);
    BigDecimal minCharge = q.minChargePower() == null ? BigDecimal.ZERO : q.minChargePower().in(PowerUnit.KW);
    BigDecimal minDischarge = q.minDischargePower() == null ? BigDecimal.ZERO
        : q.minDischargePower().in(PowerUnit.KW);
    Money budget = q.budget();
    TimeWindow window = q.window();
    Instant now = state.now();
    Map<String, Location> sites = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    double latSpan = radius / KM_PER_DEGREE;
    for (AssetBook book : ours ? state.books.values() : List.<AssetBook>of()) {
      AssetSpec a = book.spec;
      if (q.area() != null && (Math.abs(a.site().latitude() - lat) > latSpan // cheap box before the great circle
          || a.site().distanceKm(lat, lon) > radius)
          || book.maxChargeKw.compareTo(minCharge) < 0 || book.maxDischargeKw.compareTo(minDischarge) < 0
          || !window.isAlignedTo(a.slotGranularity()) || !window.end().isAfter(now)
          || budget != null && !budget.currency().equals(a.currency())) {
        continue;
      }
      BigDecimal free = OperatorState.locked(book, () -> book.freeKwh(window));
      if (free.compareTo(energy) < 0) {
        continue;
      }
      Bill estimate = Bills.estimate(state.billing, a, energy, window.duration());
      if (budget != null && estimate.total().compareTo(budget) > 0) {
        continue;
      }
      sites.putIfAbsent(a.site().id(), location(a.site()));
      items.add(offer(book, a, free, window, estimate));
    }
    Catalog.Builder catalog = Catalog.builder().descriptor(Descriptor.builder().name(state.fleet.providerName())
        .build());
    if (items.isEmpty()) {
      return catalog.providers(List.of()).build();
    }
    return catalog.providers(List.of(Provider.builder().id(state.fleet.providerId())
        .descriptor(Descriptor.builder().name(state.fleet.providerName()).build())
        .locations(List.copyOf(sites.values())).items(items).build())).build();
  }

  /** The offer of {@code book} for this search: its catalog item template with the search's figures. */
  private Item offer(AssetBook book, AssetSpec a, BigDecimal free, TimeWindow window, Bill estimate) {
    AssetBook.OfferTemplate cached = book.offerTemplate;
    Item template;
    if (cached != null && cached.spec() == a) {
      template = cached.item();
    } else {
      Site s = a.site();
      template = new StorageOffer(a.id(), state.fleet.providerId(), s.id(),
          new GeoPoint(BigDecimal.valueOf(s.latitude()), BigDecimal.valueOf(s.longitude())), window,
          WireText.exactKwh(free), WireText.exactKwh(a.usableKwh()), estimate.total(), a.spec(), a.pricing(),
          List.of(), Descriptor.builder().name(a.name()).code("battery-storage").build()).toItem();
      book.offerTemplate = new AssetBook.OfferTemplate(a, template);
    }
    return template.toBuilder().time(OrderWire.range(window))
        .quantity(template.quantity().toBuilder().available(OrderWire.measure(WireText.exactKwh(free))).build())
        .price(template.price().toBuilder().estimatedValue(estimate.total().value()).build())
        .cancellationTerms(OrderWire.cancellationTerms(a, window)).build();
  }

  static Location location(Site s) {
    return Location.builder().id(s.id()).gps(s.gps()).address(s.address())
        .city(s.cityName() == null && s.cityCode() == null ? null
            : City.builder().name(s.cityName()).code(s.cityCode()).build())
        .country(s.countryCode() == null ? null : Country.builder().code(s.countryCode()).build()).build();
  }
}
