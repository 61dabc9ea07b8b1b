package org.dent.core.profile.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dent.core.model.Category;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Intent;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Location;
import org.dent.core.model.Price;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Stop;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.Power;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * What a BAP looks for in a storage {@code search} (DESIGN.md §3): how much energy to store, during which window,
 * where, for how much at most, and with which minimum charge and discharge power. Maps to and from the search
 * {@link Intent}: {@code category.descriptor.code "energy-storage"}, {@code item.quantity.selected.measure},
 * {@code item.price{currency, maximum_value}}, tag group {@code storage-requirement} on the item, and
 * {@code fulfillment.stops[0]{type "start", location.circle, time.range}}. Members of the intent outside these are
 * not part of the view. Constructor problems point into the intent {@link #toIntent()} writes.
 *
 * @param area where to look; null searches everywhere
 * @param window the storage window, half-open
 * @param energy energy to store, positive
 * @param budget most the BAP pays for the whole window; null when not stated; not negative
 * @param minChargePower least charge power needed; null when not stated; not negative
 * @param minDischargePower least discharge power needed; null when not stated; not negative
 */
public record StorageRequirement(@Nullable SearchArea area, TimeWindow window, Energy energy, @Nullable Money budget,
    @Nullable Power minChargePower, @Nullable Power minDischargePower) {
  private static final String MEASURE = "/item/quantity/selected/measure";

  /**
   * Validates.
   *
   * @throws ProfileException when the energy is not positive, the budget or a power is negative, or the window
   *     is outside the years 0000 to 9999
   */
  public StorageRequirement {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(energy, "energy");
    Wire.writable(window, "/fulfillment/stops/0/time/range", "storage window");
    Wire.check(energy.isPositive(), MEASURE + "/value", "energy to store must be positive");
    Wire.check(budget == null || !budget.isNegative(), "/item/price/maximum_value", "budget must not be negative");
    Wire.check(minChargePower == null || !minChargePower.isNegative(), "/item/tags",
        "min-charge-power must not be negative");
    Wire.check(minDischargePower == null || !minDischargePower.isNegative(), "/item/tags",
        "min-discharge-power must not be negative");
  }

  /** A requirement with only what a search must state: the energy and the window. */
  public static StorageRequirement of(Energy energy, TimeWindow window) {
    return new StorageRequirement(null, window, energy, null, null, null);
  }

  /**
   * Reads a search intent; pointers are relative to the intent ({@code /item/quantity/selected/measure/value}).
   *
   * @throws ProfileException when the category is not {@code energy-storage}, the energy or window is missing, or
   *     any value is malformed or out of range
   */
  public static StorageRequirement from(Intent intent) {
    Category category = intent.category();
    String code = category == null || category.descriptor() == null ? null : category.descriptor().code();
    Wire.check(StorageProfile.CATEGORY.equals(code), category == null ? "/category" : "/category/descriptor/code",
        "a storage search names category " + StorageProfile.CATEGORY);
    Item item = Wire.require(intent.item(), "/item", "a storage search states the energy to store");
    ItemQuantity q = item.quantity();
    QuantityValue selected = q == null ? null : q.selected();
    Energy energy = Wire.require(Wire.energy(selected == null ? null : selected.measure(), MEASURE, "energy to store"),
        "/item", "a storage search states the energy to store");
    Price price = item.price();
    Money budget = Wire.money(price, price == null ? null : price.maximumValue(), "/item/price", "maximum_value",
        "budget");
    TagReader filters = Wire.at("/item", () -> ProfileTags.read(item.tags(), TagGroup.STORAGE_REQUIREMENT))
        .orElse(null);
    Power minCharge = filters == null ? null : filters.power("min-charge-power");
    Power minDischarge = filters == null ? null : filters.power("min-discharge-power");
    Fulfillment f = Wire.require(intent.fulfillment(), "/fulfillment", "a storage search states the storage window");
    List<Stop> stops = f.stops();
    Stop stop = Wire.require(stops == null || stops.isEmpty() ? null : stops.get(0), "/fulfillment/stops/0",
        "a storage search states the storage window");
    TimeWindow window = Wire.window(stop.time(), "/fulfillment/stops/0/time", "storage window");
    Location loc = stop.location();
    SearchArea area = loc == null || loc.circle() == null ? null
        : Wire.at("/fulfillment/stops/0/location/circle", () -> SearchArea.from(loc.circle()));
    return Wire.at("", () -> new StorageRequirement(area, window, energy, budget, minCharge, minDischarge));
  }

  /** The search intent, exactly as the worked {@code 01-search} writes it. */
  public Intent toIntent() {
    Item.Builder item = Item.builder()
        .quantity(ItemQuantity.builder()
            .selected(QuantityValue.builder().measure(Wire.measure(energy)).build()).build());
    if (budget != null) {
      item.price(Price.builder().currency(budget.currency().getCurrencyCode()).maximumValue(budget.value()).build());
    }
    if (minChargePower != null || minDischargePower != null) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("min-charge-power", minChargePower == null ? null : minChargePower.format());
      values.put("min-discharge-power", minDischargePower == null ? null : minDischargePower.format());
      item.tags(List.of(ProfileTags.group(TagGroup.STORAGE_REQUIREMENT, values)));
    }
    Stop.Builder stop = Stop.builder().type("start").time(Wire.time(window));
    if (area != null) {
      stop.location(Location.builder().circle(area.toCircle()).build());
    }
    return Intent.builder()
        .category(Category.builder().descriptor(Descriptor.builder().code(StorageProfile.CATEGORY).build()).build())
        .item(item.build())
        .fulfillment(Fulfillment.builder().stops(List.of(stop.build())).build())
        .build();
  }
}
