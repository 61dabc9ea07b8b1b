package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dent.core.error.DentException;
import org.dent.core.model.Catalog;
import org.dent.core.model.City;
import org.dent.core.model.Country;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Intent;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Location;
import org.dent.core.model.Price;
import org.dent.core.model.Provider;
import org.dent.core.model.Stop;
import org.dent.core.profile.StorageProfile;
import org.dent.core.units.Decimals;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.Power;
import org.dent.core.units.PowerUnit;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * Answers a storage {@code search}: one offer per asset that passes every filter of the intent (great-circle
 * distance from the requested point within the radius, a window on the asset's slot grid that has not ended, free
 * energy throughout the window at least the requested energy, charge and discharge ratings at least the required
 * powers, and the price estimated for the request from the asset's tariff within the budget, in its currency). A
 * window off an asset's slot grid filters that asset out (search never errs over granularity).
 */
final class CatalogSearch {
  private static final String INTENT = "/message/intent";
  private final OperatorState state;

  CatalogSearch(OperatorState state) {
    this.state = state;
  }

  Catalog search(@Nullable Intent intent) {
    Query q = Query.read(intent);
    Instant now = state.now();
    Map<String, Location> sites = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    boolean ours = q.providerId == null || q.providerId.equals(state.fleet.providerId());
    for (AssetBook book : ours ? state.books.values() : List.<AssetBook>of()) {
      AssetSpec a = book.spec;
      if (q.gps != null && a.site().distanceKm(q.gps[0], q.gps[1]) > q.radiusKm
          || a.maxChargeKw().compareTo(q.minChargeKw) < 0 || a.maxDischargeKw().compareTo(q.minDischargeKw) < 0
          || !q.window.isAlignedTo(a.slotGranularity()) || !q.window.end().isAfter(now)) {
        continue;
      }
      BigDecimal free = OperatorState.locked(book, () -> book.freeKwh(q.window));
      if (free.compareTo(q.energyKwh) < 0) {
        continue;
      }
      Terms terms = new Terms(a, "f1", q.energy, q.window, null, List.of(), Terms.DEFAULT_SOC_HIGH,
          Terms.DEFAULT_SOC_LOW, false);
      Invoice estimate = terms.estimate();
      if (q.budgetCurrency != null && (!q.budgetCurrency.equals(a.tariff().currency().getCurrencyCode())
          || estimate.total().amount().compareTo(q.budget) > 0)) {
        continue;
      }
      sites.putIfAbsent(a.site().id(), location(a.site()));
      items.add(offer(a, free, q.window, estimate));
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

  private static Item offer(AssetSpec a, BigDecimal free, TimeWindow window, Invoice estimate) {
    return Item.builder().id(a.id()).descriptor(Descriptor.builder().name(a.name()).code("battery-storage").build())
        .categoryIds(List.of(StorageProfile.CATEGORY)).locationIds(List.of(a.site().id()))
        .time(OrderWire.range(window))
        .quantity(ItemQuantity.builder().available(OrderWire.measure(WireText.exactKwh(free)))
            .maximum(OrderWire.measure(WireText.exactKwh(a.usableKwh()))).build())
        .price(Price.builder().currency(estimate.currency().getCurrencyCode())
            .estimatedValue(estimate.total().value()).build())
        .cancellationTerms(OrderWire.cancellationTerms(a, window))
        .tags(List.of(OrderWire.spec(a), OrderWire.pricing(a.tariff()))).build();
  }

  static Location location(Site s) {
    return Location.builder().id(s.id()).gps(s.gps()).address(s.address())
        .city(s.cityName() == null && s.cityCode() == null ? null
            : City.builder().name(s.cityName()).code(s.cityCode()).build())
        .country(s.countryCode() == null ? null : Country.builder().code(s.countryCode()).build()).build();
  }

  /** The filters of one intent. */
  private record Query(Energy energy, BigDecimal energyKwh, TimeWindow window, double @Nullable [] gps,
      double radiusKm, BigDecimal minChargeKw, BigDecimal minDischargeKw, @Nullable String budgetCurrency,
      @Nullable BigDecimal budget, @Nullable String providerId) {

    static Query read(@Nullable Intent intent) {
      if (intent == null || intent.item() == null) {
        throw OrderRequest.invalid("a storage search states the energy to store", INTENT + "/item");
      }
      var quantity = intent.item().quantity();
      Energy energy = OrderRequest.energy(quantity == null || quantity.selected() == null ? null
          : quantity.selected().measure(), INTENT + "/item/quantity/selected/measure");
      List<Stop> stops = intent.fulfillment() == null || intent.fulfillment().stops() == null ? List.of()
          : intent.fulfillment().stops();
      Stop stop = stops.isEmpty() ? null : stops.get(0);
      TimeWindow window = OrderRequest.window(stop, INTENT + "/fulfillment/stops/0/time/range");
      if (window == null) {
        throw OrderRequest.invalid("a storage search states the storage window", INTENT + "/fulfillment");
      }
      double[] gps = null;
      double radius = Double.POSITIVE_INFINITY;
      if (stop.location() != null && stop.location().circle() != null) {
        var circle = stop.location().circle();
        String path = INTENT + "/fulfillment/stops/0/location/circle";
        try {
          gps = Site.parseGps(circle.gps());
          if (circle.radius() != null && circle.radius().value() != null) {
            double r = Decimals.parse(circle.radius().value()).doubleValue();
            String unit = circle.radius().unit() == null ? "km" : circle.radius().unit();
            radius = switch (unit) {
              case "km" -> r;
              case "m" -> r / 1000;
              default -> throw OrderRequest.invalid("radius unit is km or m, not " + unit, path + "/radius/unit");
            };
          }
        } catch (IllegalArgumentException | DentException e) {
          throw e instanceof DentException d ? d : OrderRequest.invalid(e.getMessage(), path + "/gps");
        }
      }
      Map<String, String> req = Tags.values(Tags.find(intent.item().tags(), "storage-requirement"));
      BigDecimal minCharge = kw(req.get("min-charge-power"));
      BigDecimal minDischarge = kw(req.get("min-discharge-power"));
      Price price = intent.item().price();
      String currency = price == null || price.maximumValue() == null ? null : price.currency();
      BigDecimal budget = currency == null ? null : Decimals.parse(price.maximumValue());
      String provider = intent.provider() == null ? null : intent.provider().id();
      return new Query(energy, energy.in(EnergyUnit.KWH), window, gps, radius, minCharge, minDischarge, currency,
          budget, provider);
    }

    private static BigDecimal kw(@Nullable String power) {
      return power == null ? BigDecimal.ZERO : Power.parse(power).in(PowerUnit.KW);
    }
  }
}
