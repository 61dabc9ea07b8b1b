package org.dent.server.reference;

import java.util.List;
import java.util.Map;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Billing;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.BusinessException;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code select}/{@code init}/{@code confirm} order asks for: one item (asset) of this provider, the energy
 * to reserve, the window, and the BAP's billing, payments and alert thresholds. Refusals carry the pointer of the
 * field at fault.
 */
record OrderRequest(AssetSpec asset, Energy energy, TimeWindow window, String fulfillmentId,
    @Nullable Billing billing, List<Payment> payments, AlertThresholds thresholds, boolean thresholdsGiven) {
  private static final String ORDER = "/message/order";

  /**
   * Reads the order.
   *
   * @throws BusinessException {@code 30001}, {@code 30004} or {@code 30000} (also a {@link ProfileException})
   */
  static OrderRequest read(@Nullable Order order, Fleet fleet, Map<String, AssetSpec> assets) {
    if (order == null) {
      throw invalid("a storage order is required", ORDER);
    }
    if (order.provider() != null && order.provider().id() != null
        && !order.provider().id().equals(fleet.providerId())) {
      throw new BusinessException(ErrorCode.PROVIDER_NOT_FOUND, "provider " + order.provider().id()
          + " not found", List.of(ORDER + "/provider/id"));
    }
    List<Item> items = order.items();
    if (items == null || items.size() != 1 || items.get(0) == null) {
      throw invalid("a storage order has exactly one item", ORDER + "/items");
    }
    Item item = items.get(0);
    AssetSpec asset = item.id() == null ? null : assets.get(item.id());
    if (asset == null) {
      throw new BusinessException(ErrorCode.ITEM_NOT_FOUND, "item " + item.id() + " not found",
          List.of(ORDER + "/items/0/id"));
    }
    Scalar m = item.quantity() == null || item.quantity().selected() == null ? null
        : item.quantity().selected().measure();
    Energy energy = energy(m, ORDER + "/items/0/quantity/selected/measure");
    String fulfillmentId = "f1";
    TimeWindow window = null;
    List<Fulfillment> fs = order.fulfillments() == null ? List.of() : order.fulfillments();
    for (int i = 0; i < fs.size() && window == null; i++) {
      Fulfillment f = fs.get(i);
      if (f == null || f.stops() == null) {
        continue;
      }
      for (int j = 0; j < f.stops().size() && window == null; j++) {
        window = window(f.stops().get(j), ORDER + "/fulfillments/" + i + "/stops/" + j + "/time/range");
        if (window != null && f.id() != null) {
          fulfillmentId = f.id();
        }
      }
    }
    if (window == null) {
      throw invalid("a storage order states its window", ORDER + "/fulfillments");
    }
    AlertThresholds thresholds;
    try {
      thresholds = AlertThresholds.in(order.tags()).orElse(null);
    } catch (ProfileException e) {
      throw e.under(ORDER);
    }
    return new OrderRequest(asset, energy, window, fulfillmentId, order.billing(),
        order.payments() == null ? List.of() : order.payments(),
        thresholds == null ? AlertThresholds.DEFAULTS : thresholds, thresholds != null);
  }

  Terms terms() {
    return new Terms(asset, fulfillmentId, energy, window, billing, payments, thresholds, thresholdsGiven);
  }

  static Energy energy(@Nullable Scalar m, String path) {
    if (m == null || m.value() == null || m.unit() == null) {
      throw invalid("the energy to reserve is required", path);
    }
    try {
      Energy e = Energy.parse(m.value(), m.unit());
      if (!e.isPositive()) {
        throw invalid("the energy to reserve must be positive", path);
      }
      return e;
    } catch (DentException e) {
      throw e instanceof BusinessException b ? b : invalid(e.getMessage(), path);
    }
  }

  static @Nullable TimeWindow window(@Nullable Stop stop, String path) {
    if (stop == null || stop.time() == null || stop.time().range() == null) {
      return null;
    }
    try {
      return TimeWindow.parse(stop.time().range().start(), stop.time().range().end());
    } catch (DentException | NullPointerException e) {
      throw invalid("window: " + e.getMessage(), path);
    }
  }

  static BusinessException invalid(String message, String path) {
    return new BusinessException(ErrorCode.INVALID_REQUEST, message, List.of(path));
  }
}
