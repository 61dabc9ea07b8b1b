package org.dent.server.reference;

import java.util.List;
import java.util.Map;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.Billing;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.AlertThresholds;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.spi.BusinessException;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code select}/{@code init}/{@code confirm} order asks for, read through the {@link StorageOrder} and
 * {@link AlertThresholds} views: one item (asset) of this provider, the energy to reserve, the window, and the
 * BAP's billing, payments and alert thresholds. Refusals carry the pointer of the field at fault.
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
    if (order.items() != null && order.items().size() > 1) {
      throw invalid("a storage order has exactly one item", ORDER + "/items");
    }
    StorageOrder asked;
    AlertThresholds thresholds;
    try {
      asked = StorageOrder.from(order);
      thresholds = AlertThresholds.in(order.tags()).orElse(null);
    } catch (ProfileException e) {
      throw e.under(ORDER);
    }
    if (!asked.providerId().equals(fleet.providerId())) {
      throw new BusinessException(ErrorCode.PROVIDER_NOT_FOUND, "provider " + asked.providerId() + " not found",
          List.of(ORDER + "/provider/id"));
    }
    AssetSpec asset = assets.get(asked.itemId());
    if (asset == null) {
      throw new BusinessException(ErrorCode.ITEM_NOT_FOUND, "item " + asked.itemId() + " not found",
          List.of(ORDER + "/items/0/id"));
    }
    Energy energy = asked.energy();
    TimeWindow window = asked.window();
    String fulfillmentId = asked.fulfillmentId() == null ? "f1" : asked.fulfillmentId();
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
