package org.dent.server.reference;

import java.math.BigDecimal;

/**
 * Cumulative meters of a contract in kWh (scale 9): {@code stored = in − chargeLoss − out − dischargeLoss −
 * selfDischarge − boughtBack}, exactly.
 */
record Meters(BigDecimal inKwh, BigDecimal outKwh, BigDecimal chargeLossKwh, BigDecimal dischargeLossKwh,
    BigDecimal selfDischargeKwh, BigDecimal boughtBackKwh) {}
