package org.dent.core.profile.view;

import java.util.List;
import java.util.Objects;
import java.util.Map;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Stop;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * The reservation an order asks for (worked messages {@code 03-select}, {@code 05-init}, {@code 07-confirm}): which
 * offer ({@code provider.id}, {@code items[0].id}), how much energy ({@code items[0].quantity.selected.measure}) and
 * for which window ({@code fulfillments[0].stops[type=start].time.range}). On {@code on_select} the same places
 * carry what the BPP grants, so comparing the asked and the granted {@code StorageOrder} shows a partial grant.
 *
 * @param providerId the provider
 * @param itemId the storage offer (item)
 * @param energy reserved energy, positive
 * @param window the storage window
 * @param fulfillmentId the fulfillment's id ({@code f1} in the worked messages); null to leave it out
 */
public record StorageOrder(String providerId, String itemId, Energy energy, TimeWindow window,
    @Nullable String fulfillmentId) {
  /** The fulfillment type the profile uses. */
  public static final String FULFILLMENT_TYPE = "energy-storage";

  /**
   * Validates.
   *
   * @throws ProfileException when an id is blank or the energy is not positive
   */
  public StorageOrder {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(window, "window");
    Wire.check(!providerId.isBlank(), "/provider/id", "an order names its provider");
    Wire.check(!itemId.isBlank(), "/items/0/id", "an order names its storage item");
    Wire.check(energy.isPositive(), "/items/0/quantity/selected/measure/value", "reserved energy must be positive");
  }

  /** An order for this offer with the fulfillment id {@code f1}. */
  public static StorageOrder of(StorageOffer offer, Energy energy, TimeWindow window) {
    return new StorageOrder(offer.providerId(), offer.itemId(), energy, window, "f1");
  }

  /**
   * Reads the reservation of an order; pointers are relative to the order.
   *
   * @throws ProfileException naming what is missing
   */
  public static StorageOrder from(Order order) {
    Provider provider = Wire.require(order.provider(), "/provider", "an order names its provider");
    String providerId = Wire.require(provider.id(), "/provider/id", "an order names its provider");
    List<Item> items = order.items();
    Item item = Wire.require(items == null || items.isEmpty() ? null : items.get(0), "/items",
        "an order has a storage item");
    String itemId = Wire.require(item.id(), "/items/0/id", "an order names its storage item");
    ItemQuantity q = item.quantity();
    QuantityValue selected = q == null ? null : q.selected();
    Energy energy = Wire.require(Wire.energy(selected == null ? null : selected.measure(),
        "/items/0/quantity/selected/measure", "reserved energy"), "/items/0/quantity/selected",
        "an order states the energy to reserve");
    List<Fulfillment> fulfillments = order.fulfillments();
    Fulfillment f = Wire.require(fulfillments == null || fulfillments.isEmpty() ? null : fulfillments.get(0),
        "/fulfillments", "a storage order states its window");
    List<Stop> stops = f.stops() == null ? List.of() : f.stops();
    int at = -1;
    for (int i = 0; i < stops.size(); i++) {
      if (stops.get(i) != null && "start".equals(stops.get(i).type())) {
        at = i;
        break;
      }
    }
    Wire.check(at >= 0, "/fulfillments/0/stops", "a storage order has a start stop with the window");
    TimeWindow window = Wire.window(stops.get(at).time(), "/fulfillments/0/stops/" + at + "/time", "storage window");
    return new StorageOrder(providerId, itemId, energy, window, f.id());
  }

  /** The order as the worked {@code 03-select} carries it; add billing and payments for init and confirm. */
  public Order toOrder() {
    return Order.builder()
        .provider(Provider.builder().id(providerId).build())
        .items(List.of(Item.builder().id(itemId).quantity(ItemQuantity.builder()
            .selected(QuantityValue.builder().measure(Wire.measure(energy)).build()).build()).build()))
        .fulfillments(List.of(Fulfillment.builder().id(fulfillmentId).type(FULFILLMENT_TYPE)
            .stops(List.of(Stop.builder().type("start").time(Wire.time(window)).build())).build()))
        .build();
  }

  /**
   * The order as {@code init} and {@code confirm} carry it (worked {@code 05-init}): {@link #toOrder()} plus billing,
   * one {@code POST-FULFILLMENT} payment collected by the BPP with {@code payment-terms.method}, and the BAP's alert
   * thresholds when given.
   *
   * @param paymentMethod {@code UPI}, {@code CARD}, {@code BANK-TRANSFER} or {@code INVOICE}
   */
  public Order toOrder(Billing billing, String paymentMethod, @Nullable AlertThresholds thresholds) {
    Payment payment = Payment.builder().type("POST-FULFILLMENT").collectedBy("BPP")
        .tags(List.of(ProfileTags.group(TagGroup.PAYMENT_TERMS, Map.of("method", paymentMethod)))).build();
    return toOrder().toBuilder()
        .billing(billing)
        .payments(List.of(payment))
        .tags(thresholds == null ? null : List.of(thresholds.toTagGroup()))
        .build();
  }

  /** True when {@code granted} gives less energy or a shorter window than this order asked for. */
  public boolean isPartiallyGrantedBy(StorageOrder granted) {
    return granted.energy.compareTo(energy) < 0 || !granted.window.contains(window);
  }
}
