package org.dent.core.profile.view;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.dent.core.model.Descriptor;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.FulfillmentState;
import org.dent.core.units.WireTime;
import org.jspecify.annotations.Nullable;

/**
 * The fulfillment states of a storage contract ({@code fulfillments[].state.descriptor.code}), in lifecycle
 * order: RESERVED → CHARGING → HOLDING → DISCHARGING → … → COMPLETED, or CANCELLED. The same closed set as
 * {@link org.dent.core.profile.StorageProfile#FULFILLMENT_STATES}.
 */
public enum StorageState {
  /** Capacity reserved, nothing stored yet. */
  RESERVED,
  /** A charge transfer is running. */
  CHARGING,
  /** Energy stored, no transfer running. */
  HOLDING,
  /** A discharge transfer is running. */
  DISCHARGING,
  /** The window ended and the contract is settled. */
  COMPLETED,
  /** The contract was cancelled. */
  CANCELLED;

  /** The wire value (the constant's name). */
  public String code() {
    return name();
  }

  /** True for {@link #COMPLETED} and {@link #CANCELLED}: no transfer can follow. */
  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED;
  }

  /** The state with wire value {@code code}, empty for anything else. */
  public static Optional<StorageState> fromCode(@Nullable String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }

  /** The state of {@code fulfillment}, empty when it states none or one outside the profile. */
  public static Optional<StorageState> of(Fulfillment fulfillment) {
    FulfillmentState s = fulfillment.state();
    return s == null || s.descriptor() == null ? Optional.empty() : fromCode(s.descriptor().code());
  }

  /**
   * {@code state{descriptor{code}, updated_at}} as the worked messages write it.
   *
   * @throws org.dent.core.profile.ProfileException when {@code updatedAt} is outside the years 0000 to 9999
   */
  public FulfillmentState toState(Instant updatedAt) {
    Wire.writable(updatedAt, "/updated_at", "updated_at");
    return FulfillmentState.builder().descriptor(Descriptor.builder().code(code()).build())
        .updatedAt(WireTime.format(updatedAt)).build();
  }
}
