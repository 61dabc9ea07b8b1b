package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Decimals;
import org.dent.core.units.QuantityException;

/**
 * A GPS coordinate as Beckn writes it ({@code "12.9716,77.5946"}): latitude in [-90, 90], longitude in
 * [-180, 180], exact decimals with the scale they were written with.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {
  private static final Pattern GPS = Pattern.compile("([^,]*),\\s*([^,]*)");
  private static final BigDecimal NINETY = BigDecimal.valueOf(90);
  private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

  /**
   * Validates the ranges.
   *
   * @throws ProfileException (pointer {@code ""}) outside the ranges
   */
  public GeoPoint {
    Objects.requireNonNull(latitude, "latitude");
    Objects.requireNonNull(longitude, "longitude");
    if (latitude.abs().compareTo(NINETY) > 0) {
      throw new ProfileException("", "latitude must be in [-90, 90], not " + latitude.toPlainString());
    }
    if (longitude.abs().compareTo(ONE_EIGHTY) > 0) {
      throw new ProfileException("", "longitude must be in [-180, 180], not " + longitude.toPlainString());
    }
  }

  /**
   * Reads {@code "<lat>,<lon>"} (spaces after the comma allowed).
   *
   * @throws ProfileException (pointer {@code ""}) when malformed or out of range
   */
  public static GeoPoint parse(String gps) {
    Matcher m = GPS.matcher(gps);
    if (gps.length() > 2 * Decimals.MAX_LENGTH + 8 || !m.matches()) {
      throw new ProfileException("", "gps must be \"<latitude>,<longitude>\", e.g. \"12.9716,77.5946\"");
    }
    try {
      return new GeoPoint(Decimals.parse(m.group(1)), Decimals.parse(m.group(2)));
    } catch (QuantityException e) {
      throw new ProfileException("", "gps must be \"<latitude>,<longitude>\", e.g. \"12.9716,77.5946\"");
    }
  }

  /** {@code "<lat>,<lon>"} with plain decimals, e.g. {@code "12.9716,77.5946"}. */
  public String format() {
    return latitude.toPlainString() + "," + longitude.toPlainString();
  }

  @Override
  public String toString() {
    return format();
  }

  /** Mean Earth radius used for distances, in km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle (haversine) distance to {@code other}, in km. */
  public double distanceKm(GeoPoint other) {
    double lat1 = Math.toRadians(latitude.doubleValue());
    double lat2 = Math.toRadians(other.latitude.doubleValue());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude.doubleValue() - longitude.doubleValue());
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
