package org.dent.core.profile.view;

import java.util.Arrays;

/** Which way energy moves in a transfer: {@code charge} (into storage) or {@code discharge} (out of it). */
public enum TransferDirection {
  /** Into storage; {@code "charge"}. */
  CHARGE("charge"),
  /** Out of storage; {@code "discharge"}. */
  DISCHARGE("discharge");

  private final String code;

  TransferDirection(String code) {
    this.code = code;
  }

  /** The wire value. */
  public String code() {
    return code;
  }

  /**
   * The direction with wire value {@code code}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static TransferDirection fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("transfer direction is charge or discharge: " + code));
  }
}
