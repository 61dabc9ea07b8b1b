package org.dent.core.profile.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Stop;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * A change of a confirmed contract (DESIGN.md §3, "Modify"): an {@code update} whose {@code update_target} is
 * {@code order.items} (the new reserved energy in {@code order.items[0].quantity.selected.measure}) and/or
 * {@code order.fulfillments} (the new window in {@code order.fulfillments[0].stops[type=start].time.range}), with no
 * {@code transfer-request} tag group (that is a transfer, {@link TransferRequest}).
 *
 * <p>{@link #energy()} and {@link #window()} are what the message states, targeted or not: an update may repeat an
 * untargeted value unchanged, and {@link #requireWithinTarget} tells that apart from a change beyond the target
 * ({@code 30013}). Read pointers are relative to the update's {@code message}.
 *
 * @param orderId the contract's order id
 * @param targets what the update changes, never empty
 * @param itemId the storage item named, or null
 * @param energy the reserved energy stated, or null; required when {@code order.items} is targeted
 * @param window the window stated, or null; required when {@code order.fulfillments} is targeted
 * @param fulfillmentId the fulfillment id named, or null
 */
public record ContractModification(String orderId, Set<Target> targets, @Nullable String itemId,
    @Nullable Energy energy, @Nullable TimeWindow window, @Nullable String fulfillmentId) {

  /** The two parts of an order a modification may change. */
  public enum Target {
    /** {@code order.items}: the reserved energy. */
    ITEMS("order.items"),
    /** {@code order.fulfillments}: the window. */
    FULFILLMENTS("order.fulfillments");

    private final String wireName;

    Target(String wireName) {
      this.wireName = wireName;
    }

    /** The spelling in {@code update_target}. */
    public String wireName() {
      return wireName;
    }

    /**
     * Reads {@code update_target}: one target, or both joined by a comma.
     *
     * @throws DentException {@code 30012} (pointer {@code /update_target}) when absent or naming anything else
     */
    public static Set<Target> parse(@Nullable String updateTarget) {
      Set<Target> out = EnumSet.noneOf(Target.class);
      for (String part : updateTarget == null ? new String[0] : updateTarget.split(",", -1)) {
        String t = part.trim();
        Target found = null;
        for (Target candidate : values()) {
          if (candidate.wireName.equals(t)) {
            found = candidate;
          }
        }
        if (found == null) {
          throw invalidTarget("update_target is order.items and/or order.fulfillments, not " + updateTarget);
        }
        out.add(found);
      }
      if (out.isEmpty()) {
        throw invalidTarget("update_target is required");
      }
      return out;
    }

    /** The {@code update_target} text of {@code targets}: items first. */
    public static String format(Set<Target> targets) {
      List<String> out = new ArrayList<>();
      for (Target t : values()) {
        if (targets.contains(t)) {
          out.add(t.wireName);
        }
      }
      return String.join(",", out);
    }
  }

  /**
   * Validates.
   *
   * @throws ProfileException when a targeted value is missing or the energy is not positive
   */
  public ContractModification {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(targets, "targets");
    targets = targets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(targets));
    Wire.check(!orderId.isBlank(), "/order/id", "an update names its order");
    Wire.check(!targets.isEmpty(), "/update_target", "a modification changes order.items or order.fulfillments");
    Wire.check(!targets.contains(Target.ITEMS) || energy != null, "/order/items",
        "an order.items update states the new reserved energy");
    Wire.check(!targets.contains(Target.FULFILLMENTS) || window != null, "/order/fulfillments",
        "an order.fulfillments update states the new window");
    Wire.check(energy == null || energy.isPositive(), "/order/items/0/quantity/selected/measure/value",
        "reserved energy must be positive");
  }

  /** A change of the reserved energy to {@code energy}. */
  public static ContractModification ofEnergy(String orderId, @Nullable String itemId, Energy energy) {
    return new ContractModification(orderId, Set.of(Target.ITEMS), itemId, energy, null, null);
  }

  /** A change of the window to {@code window}. */
  public static ContractModification ofWindow(String orderId, @Nullable String fulfillmentId, TimeWindow window) {
    return new ContractModification(orderId, Set.of(Target.FULFILLMENTS), null, null, window, fulfillmentId);
  }

  /** True when {@code message} is a modification: no fulfillment carries a {@code transfer-request}. */
  public static boolean isModification(UpdateRequest.@Nullable Message message) {
    Order order = message == null ? null : message.order();
    if (order == null || order.fulfillments() == null) {
      return true;
    }
    for (Fulfillment f : order.fulfillments()) {
      if (f != null && ProfileTags.indexOf(f.tags(), TagGroup.TRANSFER_REQUEST) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a modification; pointers are relative to the update's {@code message}.
   *
   * @throws DentException {@code 30012} for a missing or unknown {@code update_target}
   * @throws ProfileException ({@code 30000}) when the order, its id or a targeted value is missing or malformed
   */
  public static ContractModification from(UpdateRequest.Message message) {
    Objects.requireNonNull(message, "message");
    Order order = Wire.require(message.order(), "/order", "an update names its order");
    String orderId = Wire.require(order.id(), "/order/id", "an update names its order");
    Set<Target> targets = Target.parse(message.updateTarget());
    String itemId = null;
    Energy energy = null;
    if (order.items() != null && !order.items().isEmpty()) {
      Item item = Wire.require(order.items().get(0), "/order/items/0", "a storage item");
      Wire.check(order.items().size() == 1, "/order/items", "a storage order has exactly one item");
      itemId = item.id();
      QuantityValue selected = item.quantity() == null ? null : item.quantity().selected();
      energy = Wire.energy(selected == null ? null : selected.measure(),
          "/order/items/0/quantity/selected/measure", "reserved energy");
    }
    String fulfillmentId = null;
    TimeWindow window = null;
    List<Fulfillment> fs = order.fulfillments() == null ? List.of() : order.fulfillments();
    if (!fs.isEmpty() && fs.get(0) != null) {
      Fulfillment f = fs.get(0);
      fulfillmentId = f.id();
      List<Stop> stops = f.stops() == null ? List.of() : f.stops();
      for (int i = 0; i < stops.size() && window == null; i++) {
        Stop s = stops.get(i);
        if (s != null && (s.type() == null || "start".equals(s.type())) && s.time() != null) {
          window = Wire.window(s.time(), "/order/fulfillments/0/stops/" + i + "/time", "storage window");
        }
      }
    }
    return new ContractModification(orderId, targets, itemId, energy, window, fulfillmentId);
  }

  /** The new reserved energy, when {@code order.items} is targeted. */
  public java.util.Optional<Energy> newEnergy() {
    return java.util.Optional.ofNullable(targets.contains(Target.ITEMS) ? energy : null);
  }

  /** The new window, when {@code order.fulfillments} is targeted. */
  public java.util.Optional<TimeWindow> newWindow() {
    return java.util.Optional.ofNullable(targets.contains(Target.FULFILLMENTS) ? window : null);
  }

  /**
   * Checks that a value the update states but does not target equals the contract's.
   *
   * @throws DentException {@code 30013} (pointer {@code /update_target}) when it changes more than its target
   */
  public void requireWithinTarget(Energy currentEnergy, TimeWindow currentWindow) {
    boolean energyChanged = !targets.contains(Target.ITEMS) && energy != null
        && energy.compareTo(currentEnergy) != 0;
    boolean windowChanged = !targets.contains(Target.FULFILLMENTS) && window != null
        && !window.equals(currentWindow);
    if (energyChanged || windowChanged) {
      throw new DentException(ErrorCode.UPDATE_BEYOND_TARGET.code(), "the update changes "
          + (energyChanged ? "the reserved energy" : "the window") + ", beyond update_target "
          + Target.format(targets), List.of("/update_target"), null);
    }
  }

  /** The {@code update} message: {@code update_target} and the order with only the targeted parts. */
  public UpdateRequest.Message toMessage() {
    Order.Builder order = Order.builder().id(orderId);
    if (targets.contains(Target.ITEMS)) {
      order.items(List.of(Item.builder().id(itemId).quantity(ItemQuantity.builder()
          .selected(QuantityValue.builder().measure(Wire.measure(energy)).build()).build()).build()));
    }
    if (targets.contains(Target.FULFILLMENTS)) {
      order.fulfillments(List.of(Fulfillment.builder().id(fulfillmentId)
          .stops(List.of(Stop.builder().type("start").time(Wire.time(window)).build())).build()));
    }
    return new UpdateRequest.Message(Target.format(targets), order.build());
  }

  private static DentException invalidTarget(String message) {
    return new DentException(ErrorCode.INVALID_UPDATE_TARGET.code(), message, List.of("/update_target"), null);
  }
}
