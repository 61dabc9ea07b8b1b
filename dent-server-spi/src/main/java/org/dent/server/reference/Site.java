package org.dent.server.reference;

import java.util.Objects;
import org.dent.core.profile.view.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * Where an asset stands: a catalog {@code location} with its {@code gps} (decimal degrees, WGS 84).
 *
 * @param id the location id items refer to ({@code location_ids})
 * @param latitude degrees north, in [-90, 90]
 * @param longitude degrees east, in [-180, 180]
 * @param address a postal address, or null
 * @param cityName the city's name, or null
 * @param cityCode the city's code (e.g. {@code std:080}), or null
 * @param countryCode the ISO 3166-1 alpha-3 country code, or null
 */
public record Site(String id, double latitude, double longitude, @Nullable String address,
    @Nullable String cityName, @Nullable String cityCode, @Nullable String countryCode) {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  /**
   * Validates the coordinates.
   *
   * @throws IllegalArgumentException outside the valid ranges
   */
  public Site {
    Objects.requireNonNull(id, "id");
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("gps out of range: " + latitude + "," + longitude);
    }
  }

  /**
   * Reads a Beckn {@code gps} value {@code "lat,lon"} (through {@link GeoPoint#parse}) as {@code {lat, lon}}.
   *
   * @throws IllegalArgumentException when malformed or out of range
   */
  public static double[] parseGps(String gps) {
    try {
      GeoPoint p = GeoPoint.parse(gps);
      return new double[] {p.latitude().doubleValue(), p.longitude().doubleValue()};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("gps is \"lat,lon\" in range, not " + gps + ": " + e.getMessage(), e);
    }
  }

  /** The {@code gps} text, e.g. {@code 12.9352,77.6245}. */
  public String gps() {
    return strip(latitude) + "," + strip(longitude);
  }

  /**
   * Great-circle (haversine) distance in km from this site to a point; the same formula as
   * {@link GeoPoint#distanceKm}, on doubles, because search runs it for every asset.
   */
  public double distanceKm(double lat, double lon) {
    return distanceKm(latitude, longitude, lat, lon);
  }

  /** Great-circle (haversine) distance in km between two points given in decimal degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static String strip(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
