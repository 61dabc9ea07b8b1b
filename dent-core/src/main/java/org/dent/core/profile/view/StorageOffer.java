package org.dent.core.profile.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.model.CancellationTerm;
import org.dent.core.model.Catalog;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Location;
import org.dent.core.model.Price;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.StorageProfile;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * One storage offer of an {@code on_search} catalog (DESIGN.md §3, worked message {@code 02-on_search}): a catalog
 * {@link Item} with {@code category_ids ["energy-storage"]}, its availability {@code time.range}, the free energy
 * ({@code quantity.available.measure}), the estimated price of the request, the {@link StorageSpec} and
 * {@link PricingTerms} tag groups and the cancellation terms, plus the provider's id and the gps of the item's
 * location. Constructor problems point into the item {@link #toItem()} writes.
 *
 * @param itemId the item's id
 * @param providerId the provider's id
 * @param locationId the first of the item's {@code location_ids}; null when it lists none
 * @param location gps of that provider location; null when unknown (then {@code locationId} may still be set)
 * @param availability when the capacity is available
 * @param freeEnergy energy free for the searched window, not negative
 * @param maximumEnergy most one contract may reserve ({@code quantity.maximum.measure}); null when not stated
 * @param estimatedPrice estimated total for the request ({@code price.estimated_value}); null when not stated
 * @param spec the asset
 * @param pricing the price terms
 * @param cancellationTerms the item's cancellation terms, as Beckn objects; empty when none
 * @param descriptor the item's descriptor (name, code), kept for display; null when absent
 */
public record StorageOffer(String itemId, String providerId, @Nullable String locationId,
    @Nullable GeoPoint location, TimeWindow availability, Energy freeEnergy, @Nullable Energy maximumEnergy,
    @Nullable Money estimatedPrice, StorageSpec spec, PricingTerms pricing, List<CancellationTerm> cancellationTerms,
    @Nullable Descriptor descriptor) {
  /**
   * Validates and copies.
   *
   * @throws ProfileException when an id is blank, a location has no id, an energy or the price is negative, or
   *     the availability is outside the years 0000 to 9999
   */
  public StorageOffer {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(freeEnergy, "freeEnergy");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(pricing, "pricing");
    cancellationTerms = List.copyOf(cancellationTerms);
    Wire.writable(availability, "/time/range", "availability");
    Wire.check(!itemId.isBlank(), "/id", "a storage offer needs an item id");
    Wire.check(!providerId.isBlank(), "", "a storage offer needs a provider id");
    Wire.check(location == null || locationId != null, "/location_ids", "a located offer names its location id");
    Wire.check(!freeEnergy.isNegative(), "/quantity/available/measure/value", "free energy must not be negative");
    Wire.check(maximumEnergy == null || !maximumEnergy.isNegative(), "/quantity/maximum/measure/value",
        "maximum energy must not be negative");
    Wire.check(estimatedPrice == null || !estimatedPrice.isNegative(), "/price/estimated_value",
        "estimated price must not be negative");
  }

  /**
   * Reads every storage item of a catalog (items without category {@code energy-storage} are skipped), provider
   * by provider; pointers relative to the catalog ({@code /providers/0/items/1/…}).
   *
   * @throws ProfileException when a storage item cannot be read
   */
  public static List<StorageOffer> fromCatalog(Catalog catalog) {
    List<StorageOffer> out = new ArrayList<>();
    List<Provider> providers = catalog.providers() == null ? List.of() : catalog.providers();
    for (int i = 0; i < providers.size(); i++) {
      Provider p = Wire.require(providers.get(i), "/providers/" + i, "a provider is an object");
      out.addAll(Wire.at("/providers/" + i, () -> from(p)));
    }
    return List.copyOf(out);
  }

  /**
   * Reads every storage item of a provider (others are skipped); pointers relative to the provider.
   *
   * @throws ProfileException when a storage item cannot be read
   */
  public static List<StorageOffer> from(Provider provider) {
    List<StorageOffer> out = new ArrayList<>();
    List<Item> items = provider.items() == null ? List.of() : provider.items();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item != null && item.categoryIds() != null && item.categoryIds().contains(StorageProfile.CATEGORY)) {
        out.add(read(provider, item, i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Reads one item of {@code provider}; pointers relative to the provider ({@code /items/<i>/…}, {@code /id},
   * {@code /locations/<k>/gps}).
   *
   * @throws IllegalArgumentException when {@code item} is not one of the provider's items
   * @throws ProfileException when the item is not a readable storage offer
   */
  public static StorageOffer from(Provider provider, Item item) {
    int i = provider.items() == null ? -1 : provider.items().indexOf(item);
    if (i < 0) {
      throw new IllegalArgumentException("item " + item.id() + " is not one of the provider's items");
    }
    return read(provider, item, i);
  }

  private static StorageOffer read(Provider provider, Item item, int index) {
    String providerId = Wire.require(provider.id(), "/id", "a storage offer's provider needs an id");
    String base = "/items/" + index;
    String itemId = Wire.require(item.id(), base + "/id", "a storage offer needs an item id");
    Wire.check(item.categoryIds() != null && item.categoryIds().contains(StorageProfile.CATEGORY),
        base + "/category_ids", "a storage offer lists category " + StorageProfile.CATEGORY);
    String locationId = item.locationIds() == null || item.locationIds().isEmpty() ? null
        : item.locationIds().get(0);
    GeoPoint gps = locationId == null ? null : gps(provider, locationId, base);
    TimeWindow availability = Wire.window(item.time(), base + "/time", "availability");
    ItemQuantity q = item.quantity();
    QuantityValue available = q == null ? null : q.available();
    QuantityValue maximum = q == null ? null : q.maximum();
    Energy free = Wire.require(Wire.energy(available == null ? null : available.measure(),
        base + "/quantity/available/measure", "free energy"), base, "a storage offer states its free energy");
    Energy max = Wire.energy(maximum == null ? null : maximum.measure(), base + "/quantity/maximum/measure",
        "maximum energy");
    Price price = item.price();
    Money estimate = Wire.money(price, price == null ? null : price.estimatedValue(), base + "/price",
        "estimated_value", "estimated price");
    StorageSpec spec = Wire.at(base, () -> StorageSpec.in(item.tags()))
        .orElseThrow(() -> new ProfileException(base, "a storage offer carries tag group storage-spec"));
    PricingTerms pricing = Wire.at(base, () -> PricingTerms.in(item.tags()))
        .orElseThrow(() -> new ProfileException(base, "a storage offer carries tag group pricing"));
    List<CancellationTerm> terms = item.cancellationTerms() == null ? List.of()
        : item.cancellationTerms().stream().filter(Objects::nonNull).toList();
    return Wire.at(base, () -> new StorageOffer(itemId, providerId, locationId, gps, availability, free, max,
        estimate, spec, pricing, terms, item.descriptor()));
  }

  private static @Nullable GeoPoint gps(Provider provider, String locationId, String base) {
    List<Location> locations = provider.locations() == null ? List.of() : provider.locations();
    for (int k = 0; k < locations.size(); k++) {
      Location l = locations.get(k);
      if (l != null && locationId.equals(l.id())) {
        return l.gps() == null ? null : Wire.at("/locations/" + k + "/gps", () -> GeoPoint.parse(l.gps()));
      }
    }
    throw new ProfileException(base + "/location_ids/0", "names no location of the provider");
  }

  /** The catalog item, exactly as the worked {@code 02-on_search} writes it. */
  public Item toItem() {
    ItemQuantity.Builder q = ItemQuantity.builder()
        .available(QuantityValue.builder().measure(Wire.measure(freeEnergy)).build());
    if (maximumEnergy != null) {
      q.maximum(QuantityValue.builder().measure(Wire.measure(maximumEnergy)).build());
    }
    Item.Builder b = Item.builder().id(itemId).descriptor(descriptor).categoryIds(List.of(StorageProfile.CATEGORY))
        .locationIds(locationId == null ? null : List.of(locationId)).time(Wire.time(availability)).quantity(q.build())
        .cancellationTerms(cancellationTerms.isEmpty() ? null : cancellationTerms)
        .tags(List.of(spec.toTagGroup(), pricing.toTagGroup()));
    if (estimatedPrice != null) {
      b.price(Price.builder().currency(estimatedPrice.currency().getCurrencyCode())
          .estimatedValue(estimatedPrice.value()).build());
    }
    return b.build();
  }

  /** The provider location {@code {id, gps}} the item points to; null when the offer names none. */
  public @Nullable Location toLocation() {
    return locationId == null ? null
        : Location.builder().id(locationId).gps(location == null ? null : location.format()).build();
  }

  /**
   * A minimal catalog of {@code offers}: one provider per {@link #providerId()} (in first-seen order) with the
   * locations its offers name and its items.
   *
   * @throws IllegalArgumentException when two offers of a provider give one location id different gps
   */
  public static Catalog toCatalog(List<StorageOffer> offers) {
    Map<String, Map<String, Location>> locations = new LinkedHashMap<>();
    Map<String, List<Item>> items = new LinkedHashMap<>();
    for (StorageOffer o : offers) {
      items.computeIfAbsent(o.providerId, k -> new ArrayList<>()).add(o.toItem());
      Map<String, Location> mine = locations.computeIfAbsent(o.providerId, k -> new LinkedHashMap<>());
      Location l = o.toLocation();
      if (l != null && !l.equals(mine.getOrDefault(l.id(), l))) {
        throw new IllegalArgumentException("location " + l.id() + " of provider " + o.providerId + " has two gps");
      }
      if (l != null) {
        mine.put(l.id(), l);
      }
    }
    List<Provider> providers = new ArrayList<>();
    items.forEach((id, list) -> providers.add(Provider.builder().id(id)
        .locations(locations.get(id).isEmpty() ? null : List.copyOf(locations.get(id).values()))
        .items(list).build()));
    return Catalog.builder().providers(providers).build();
  }
}
