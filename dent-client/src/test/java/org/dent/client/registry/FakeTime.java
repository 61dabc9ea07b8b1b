package org.dent.client.registry;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A Caffeine ticker and a clock that move together, only when told. */
final class FakeTime implements Ticker {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();

  FakeTime(Instant start) {
    this.start = start;
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  Instant now() {
    return start.plusNanos(nanos.get());
  }

  @Override
  public long read() {
    return nanos.get();
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }
}
