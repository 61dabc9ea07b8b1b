package org.dent.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

/** Fixed keys and a movable clock for tests. */
final class TestKeys {
  /** BECKN-006's example BAP key (public test key). */
  static final SigningKey BAP = SigningKey.fromSeed(
      Base64.getDecoder().decode("lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldg="));
  /** BECKN-006's example gateway key (public test key). */
  static final SigningKey BG = SigningKey.fromSeed(
      Base64.getDecoder().decode("hJ5sCmbe7s9Wateq6QAdBGloVSkLuLHWOXcRkzrMcVI="));

  private TestKeys() {}

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(long epochSecond) {
      this.now = Instant.ofEpochSecond(epochSecond);
    }

    void set(long epochSecond) {
      now = Instant.ofEpochSecond(epochSecond);
    }

    void setMillis(long epochMilli) {
      now = Instant.ofEpochMilli(epochMilli);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
