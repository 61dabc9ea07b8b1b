package org.dent.core.profile.view;

import java.math.BigDecimal;
import java.util.Objects;
import org.dent.core.model.Circle;
import org.dent.core.model.Scalar;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Decimals;
import org.jspecify.annotations.Nullable;

/**
 * Where a storage search looks: a circle around a point, as Beckn's {@code location.circle{gps, radius{value,
 * unit "km"}}}. The radius is in kilometres, the only unit the profile writes and reads.
 *
 * @param center the circle's centre
 * @param radiusKm the radius in kilometres, positive
 */
public record SearchArea(GeoPoint center, BigDecimal radiusKm) {
  /** Unit of {@code radius} on the wire. */
  public static final String KM = "km";

  /**
   * Validates.
   *
   * @throws ProfileException at {@code /radius/value} unless the radius is positive
   */
  public SearchArea {
    Objects.requireNonNull(center, "center");
    Objects.requireNonNull(radiusKm, "radiusKm");
    Wire.check(radiusKm.signum() > 0, "/radius/value", "search radius must be positive");
  }

  /**
   * Reads a circle; pointers relative to it.
   *
   * @throws ProfileException when gps or radius is missing or malformed, or the radius is not in km
   */
  public static SearchArea from(Circle circle) {
    String gps = Wire.require(circle.gps(), "/gps", "a search area needs gps");
    GeoPoint center = Wire.at("/gps", () -> GeoPoint.parse(gps));
    Scalar radius = Wire.require(circle.radius(), "/radius", "a search area needs a radius");
    String value = Wire.require(radius.value(), "/radius/value", "a search radius needs a value");
    @Nullable String unit = radius.unit();
    Wire.check(KM.equals(unit), "/radius/unit", "search radius unit is km");
    BigDecimal km = Wire.at("/radius/value", () -> Decimals.parse(value));
    return Wire.at("", () -> new SearchArea(center, km));
  }

  /** The circle {@code {gps, radius{value, unit "km"}}}. */
  public Circle toCircle() {
    return Circle.builder().gps(center.format())
        .radius(Scalar.builder().value(radiusKm.toPlainString()).unit(KM).build()).build();
  }
}
