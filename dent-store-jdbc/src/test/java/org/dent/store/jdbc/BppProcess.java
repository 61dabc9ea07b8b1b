package org.dent.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.VerificationKey;

/**
 * A BPP in a process of its own, for {@link KillTest}: reference operator + engine on a {@link JdbcStore}, the
 * simulator running. Its business clock is {@link OriginClock} (simulated time continuous across restarts). Prints
 * {@code READY <bpp uri>} and runs until killed.
 *
 * <p>Arguments: jdbc-url, data keys line, BPP seed (base64), BAP public key (base64), origin (epoch millis), scale.
 */
public final class BppProcess {
  private BppProcess() {}

  public static void main(String[] args) throws Exception {
    DataKeys keys = DataKeys.parse(args[1]);
    JdbcStore store = JdbcStore.builder().url(args[0]).user("postgres").password("postgres").keys(keys).build();
    OriginClock clock = new OriginClock(Instant.ofEpochMilli(Long.parseLong(args[4])), Double.parseDouble(args[5]));
    ReferenceOperator operator = ReferenceOperator.builder().clock(clock).store(store)
        .telemetryInterval(Duration.ofMillis(500)).build();
    BppEngine engine = BppEngine.builder().subscriberId(Orders.BPP).uniqueKeyId("k1")
        .signingKey(SigningKey.parse(args[2])).keyResolver(StaticKeyResolver.builder()
            .add(Orders.BAP, "k1", VerificationKey.parse(args[3])).build())
        .operator(operator).store(store).build();
    operator.attach(engine::pushStatus);
    operator.startSimulation();
    System.out.println("READY " + engine.bppUri());
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }

  /** {@code origin + (now − origin) × scale}: the same simulated time in every process given the same origin. */
  static final class OriginClock extends Clock {
    private final Instant origin;
    private final double scale;

    OriginClock(Instant origin, double scale) {
      this.origin = origin;
      this.scale = scale;
    }

    @Override
    public Instant instant() {
      long elapsed = Duration.between(origin, Instant.now()).toNanos();
      return origin.plusNanos((long) (elapsed * scale));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
