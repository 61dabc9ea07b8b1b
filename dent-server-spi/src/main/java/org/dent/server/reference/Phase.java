package org.dent.server.reference;

/** Fulfillment states of a storage contract; the wire value is the name. */
enum Phase {
  RESERVED, CHARGING, HOLDING, DISCHARGING, COMPLETED, CANCELLED;

  boolean ended() {
    return this == COMPLETED || this == CANCELLED;
  }

  boolean transferring() {
    return this == CHARGING || this == DISCHARGING;
  }
}
