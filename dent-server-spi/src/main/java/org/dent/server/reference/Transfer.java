package org.dent.server.reference;

import java.math.BigDecimal;
import java.time.Instant;
import org.dent.core.profile.view.Receipt;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.profile.view.TransferSchedule;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.core.units.PowerUnit;

/**
 * One accepted transfer of a contract: a charge (energy metered in) or a discharge (energy metered out) at a
 * constant power from {@code start}, planned to end at {@code start + energy ÷ power}. Mutable progress, guarded by
 * the asset lock.
 */
final class Transfer {
  final TransferRequest request;
  final TransferDirection direction;
  final BigDecimal energyKwh;
  final BigDecimal powerKw;
  final Instant start;
  final Instant plannedEnd;
  /** Grid-side energy moved so far (in for a charge, out for a discharge). */
  BigDecimal doneKwh = BigDecimal.ZERO;
  /** Conversion losses of this transfer so far. */
  BigDecimal lossKwh = BigDecimal.ZERO;

  Transfer(TransferRequest request) {
    this.request = request;
    this.direction = request.direction();
    this.energyKwh = request.energy().in(EnergyUnit.KWH);
    this.powerKw = request.power().in(PowerUnit.KW);
    this.start = request.start();
    this.plannedEnd = request.end();
  }

  boolean charge() {
    return direction == TransferDirection.CHARGE;
  }

  BigDecimal remainingKwh() {
    return energyKwh.subtract(doneKwh);
  }

  /** The accepted schedule ({@code transfer-schedule}). */
  TransferSchedule schedule() {
    return request.toSchedule();
  }

  /** The receipt of this transfer so far, {@code stored} being left in the store. */
  Receipt receipt(BigDecimal stored) {
    Energy moved = request.energy().in(EnergyUnit.KWH).compareTo(doneKwh) == 0 ? request.energy()
        : WireText.energy(doneKwh);
    return charge() ? Receipt.charge(moved, WireText.energy(lossKwh), WireText.energy(stored))
        : Receipt.discharge(moved, WireText.energy(lossKwh), WireText.energy(stored));
  }
}
