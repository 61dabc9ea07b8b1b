package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.TagReader;
import org.dent.core.units.Decimals;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.QuantityException;
import org.dent.core.units.StateOfCharge;
import org.jspecify.annotations.Nullable;

/**
 * A crossed threshold or an event: tag group {@code alert} on a fulfillment (worked message
 * {@code 13-on_status_push}). The code is upper case; the known ones are constants here, others may appear.
 *
 * @param code what happened, e.g. {@link #SOC_HIGH}
 * @param threshold the threshold crossed; null when not stated
 * @param value the value that crossed it, or the event's figure; null when not stated
 */
public record Alert(String code, @Nullable Level threshold, @Nullable Level value) implements TagView {
  /** State of charge rose above the contract's {@code soc-high}. */
  public static final String SOC_HIGH = "SOC_HIGH";
  /** State of charge fell below the contract's {@code soc-low}. */
  public static final String SOC_LOW = "SOC_LOW";
  /** A transfer finished; {@code value} is the stored energy. */
  public static final String TRANSFER_COMPLETE = "TRANSFER_COMPLETE";
  /** The asset cannot serve the contract. */
  public static final String ASSET_FAULT = "ASSET_FAULT";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /**
   * Validates.
   *
   * @throws ProfileException (pointer {@code ""}, the group) unless the code is an upper-case code
   */
  public Alert {
    Objects.requireNonNull(code, "code");
    Wire.check(CODE.matcher(code).matches(), "", "alert code must be an upper-case code such as SOC_HIGH");
  }

  /** An alert with a code only. */
  public static Alert of(String code) {
    return new Alert(code, null, null);
  }

  /** {@code SOC_HIGH} at {@code value}, threshold {@code threshold}. */
  public static Alert socHigh(StateOfCharge threshold, StateOfCharge value) {
    return new Alert(SOC_HIGH, Level.of(threshold.value()), Level.of(value.value()));
  }

  /** {@code SOC_LOW} at {@code value}, threshold {@code threshold}. */
  public static Alert socLow(StateOfCharge threshold, StateOfCharge value) {
    return new Alert(SOC_LOW, Level.of(threshold.value()), Level.of(value.value()));
  }

  /** {@code TRANSFER_COMPLETE} with the energy stored afterwards. */
  public static Alert transferComplete(Energy storedEnergy) {
    return new Alert(TRANSFER_COMPLETE, null, Level.of(storedEnergy));
  }

  /**
   * Reads the group; pointers relative to it.
   *
   * @throws ProfileException when the group breaks a rule of the table
   */
  public static Alert from(org.dent.core.model.TagGroup group) {
    return Wire.group(TagGroup.ALERT, group, Alert::read);
  }

  /**
   * Reads the first {@code alert} group of {@code tags}; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when that group breaks a rule of the table
   */
  public static Optional<Alert> in(@Nullable List<org.dent.core.model.TagGroup> tags) {
    return Wire.first(tags, TagGroup.ALERT, Alert::read);
  }

  /**
   * Reads every {@code alert} group of {@code tags}, in order; pointers {@code /tags/<i>/…}.
   *
   * @throws ProfileException when one breaks a rule of the table
   */
  public static List<Alert> allIn(@Nullable List<org.dent.core.model.TagGroup> tags) {
    List<Alert> out = new ArrayList<>();
    for (int i = 0; tags != null && i < tags.size(); i++) {
      org.dent.core.model.TagGroup g = tags.get(i);
      if (g != null && g.descriptor() != null && TagGroup.ALERT.code().equals(g.descriptor().code())) {
        out.add(Wire.at("/tags/" + i, () -> from(g)));
      }
    }
    return List.copyOf(out);
  }

  private static Alert read(TagReader r) {
    String t = r.text("threshold");
    String v = r.text("value");
    return new Alert(r.text("code"), t == null ? null : new Level(t), v == null ? null : new Level(v));
  }

  @Override
  public TagGroup group() {
    return TagGroup.ALERT;
  }

  @Override
  public org.dent.core.model.TagGroup toTagGroup() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", code);
    v.put("threshold", threshold == null ? null : threshold.text());
    v.put("value", value == null ? null : value.text());
    return ProfileTags.group(TagGroup.ALERT, v);
  }

  /**
   * An alert's threshold or value: a plain decimal (a fraction, a count), an energy or a power, kept as its
   * canonical wire text ({@code "0.9"}, {@code "38.367 kWh"}, {@code "20 kW"}); equality is by that text.
   *
   * @param text the canonical wire text
   */
  public record Level(String text) {
    /**
     * Validates and canonicalises (unit aliases become their symbol).
     *
     * @throws ProfileException (pointer {@code ""}) unless a decimal, an energy or a power
     */
    public Level {
      Objects.requireNonNull(text, "text");
      try {
        text = text.indexOf(' ') < 0 ? Decimals.parse(text).toPlainString() : quantity(text);
      } catch (QuantityException e) {
        throw new ProfileException("", "alert value must be a decimal or \"<decimal> <unit>\": " + e.getMessage());
      }
    }

    /** A plain decimal. */
    public static Level of(BigDecimal value) {
      return new Level(value.toPlainString());
    }

    /** An energy. */
    public static Level of(Energy value) {
      return new Level(value.format());
    }

    /** A power. */
    public static Level of(Power value) {
      return new Level(value.format());
    }

    /** The plain decimal, empty when this is an energy or a power. */
    public Optional<BigDecimal> decimal() {
      return text.indexOf(' ') < 0 ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** The energy, empty when this is a decimal or a power. */
    public Optional<Energy> energy() {
      try {
        return text.indexOf(' ') < 0 ? Optional.empty() : Optional.of(Energy.parse(text));
      } catch (QuantityException e) {
        return Optional.empty();
      }
    }

    /** The power, empty when this is a decimal or an energy. */
    public Optional<Power> power() {
      try {
        return text.indexOf(' ') < 0 ? Optional.empty() : Optional.of(Power.parse(text));
      } catch (QuantityException e) {
        return Optional.empty();
      }
    }

    private static String quantity(String text) {
      try {
        return Energy.parse(text).format();
      } catch (QuantityException e) {
        if (e.reason() == QuantityException.Reason.ENERGY_IN_POWER_UNIT) {
          return Power.parse(text).format();
        }
        throw e;
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
