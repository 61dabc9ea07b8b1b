package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoPointDistanceTest {
  @Test
  void knownDistances() {
    GeoPoint mgRoad = GeoPoint.parse("12.9716,77.5946");
    GeoPoint koramangala = GeoPoint.parse("12.9352,77.6245");
    assertThat(mgRoad.distanceKm(koramangala)).isCloseTo(5.18, within(0.05));
    // one degree of latitude is about 111.2 km anywhere
    assertThat(GeoPoint.parse("0,0").distanceKm(GeoPoint.parse("1,0"))).isCloseTo(111.195, within(0.01));
    assertThat(GeoPoint.parse("0,179.5").distanceKm(GeoPoint.parse("0,-179.5"))).isCloseTo(111.195, within(0.01));
  }

  @Test
  void symmetricNonNegativeAndZeroOnlyForTheSamePoint() {
    long seed = 42;
    Random r = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      GeoPoint a = GeoPoint.parse(String.format(java.util.Locale.ROOT, "%.4f,%.4f", r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180));
      GeoPoint b = GeoPoint.parse(String.format(java.util.Locale.ROOT, "%.4f,%.4f", r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180));
      assertThat(a.distanceKm(b)).as("seed %d", seed).isCloseTo(b.distanceKm(a), within(1e-9))
          .isBetween(0.0, Math.PI * GeoPoint.EARTH_RADIUS_KM + 1e-6);
      assertThat(a.distanceKm(a)).isZero();
    }
  }
}
