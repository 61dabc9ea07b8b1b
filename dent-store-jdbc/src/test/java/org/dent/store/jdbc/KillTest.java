package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.core.model.Order;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.Telemetry;
import org.dent.core.model.Descriptor;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real thing: a BPP in its own JVM on PostgreSQL, killed with SIGKILL in the middle of a charge and started
 * again on the same database; the order, its reservation, the energy metered so far and, at the end, its bill are
 * all there, and the charge runs to completion in the new process. Simulated time runs 120× wall time.
 */
class KillTest {
  static final double SCALE = 120;
  final SigningKey bppKey = SigningKey.generate();
  final SigningKey bapKey = SigningKey.generate();
  final Instant origin = Instant.now();
  Process bpp;

  @AfterEach
  void kill() {
    if (bpp != null) {
      bpp.destroyForcibly();
    }
  }

  Instant simulatedNow() {
    return origin.plusNanos((long) (Duration.between(origin, Instant.now()).toNanos() * SCALE));
  }

  URI start(String url, String keys) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    bpp = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        BppProcess.class.getName(), url, keys, Base64.getEncoder().encodeToString(bppKey.exportSeedUnsafe()),
        bapKey.publicKey().toBase64(), String.valueOf(origin.toEpochMilli()), String.valueOf(SCALE))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(bpp.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("READY ")) {
            return line.substring(6);
          }
        }
        throw new IllegalStateException("the BPP process ended before it was ready");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return URI.create(ready.get(120, TimeUnit.SECONDS));
  }

  static Telemetry telemetry(Order o) {
    return Telemetry.in(o.fulfillments().get(0).tags()).orElseThrow();
  }

  @Test
  void killedMidChargeAndStartedAgainOnTheSameDatabase() throws Exception {
    String url = Pg.freshDatabase();
    String keys = DataKeys.generate("k1");
    StaticKeyResolver resolver = StaticKeyResolver.builder().add(Orders.BPP, "k1", bppKey.publicKey()).build();
    try (DentClient client = DentClient.builder().subscriberId(Orders.BAP).uniqueKeyId("k1").signingKey(bapKey)
        .keyResolver(resolver).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30)).build()) {
      URI first = start(url, keys);
      // the next 15-minute slot at least two simulated minutes ahead (≤ 9 s of wall time)
      long slot = Duration.ofMinutes(15).toSeconds();
      Instant windowStart = Instant.ofEpochSecond((simulatedNow().plusSeconds(120).getEpochSecond() / slot + 1)
          * slot);
      String start = windowStart.toString();
      String end = windowStart.plus(Duration.ofHours(4)).toString();
      BppTarget t = new BppTarget(Orders.BPP, first, client.newTransactionId());
      Order o = Orders.withTerms(Orders.order("vv-bess-01", "50", start, end));
      client.select(t, o).get(30, TimeUnit.SECONDS);
      client.init(t, o).get(30, TimeUnit.SECONDS);
      String id = client.confirm(t, o).get(30, TimeUnit.SECONDS).message().order().id();
      // 20 kWh at 40 kW: 30 simulated minutes, 15 s of wall time, from the next slot (however long booking took)
      Instant transferStart = Instant.ofEpochSecond((simulatedNow().plusSeconds(120).getEpochSecond() / slot + 1)
          * slot);
      client.update(t, "order.fulfillments", Orders.transfer(id, "charge", "20 kWh", "40 kW",
          transferStart.toString())).get(30, TimeUnit.SECONDS);
      await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> telemetry(
          client.status(t, id).get(30, TimeUnit.SECONDS).message().order()).storedEnergy().value()
          .compareTo(new BigDecimal("2")) > 0);
      Order before = client.status(t, id).get(30, TimeUnit.SECONDS).message().order();
      assertThat(before.fulfillments().get(0).state().descriptor().code()).isEqualTo("CHARGING");
      BigDecimal storedBefore = telemetry(before).storedEnergy().value();

      bpp.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
      assertThat(bpp.waitFor(30, TimeUnit.SECONDS)).isTrue();

      URI second = start(url, keys);
      BppTarget t2 = new BppTarget(Orders.BPP, second, t.transactionId());
      Order after = client.status(t2, id).get(30, TimeUnit.SECONDS).message().order();
      assertThat(after.status()).isEqualTo("ACTIVE");
      assertThat(after.billing().email()).isEqualTo(Orders.EMAIL);
      assertThat(telemetry(after).storedEnergy().value()).isGreaterThanOrEqualTo(storedBefore);
      // the reservation holds: only 450 − 50 kWh can be granted to someone else
      Order granted = client.select(new BppTarget(Orders.BPP, second, client.newTransactionId()),
          Orders.order("vv-bess-01", "450", start, end)).get(30, TimeUnit.SECONDS).message().order();
      assertThat(granted.items().get(0).quantity().selected().measure().value()).isEqualTo("400");

      await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> "HOLDING".equals(
          client.status(t2, id).get(30, TimeUnit.SECONDS).message().order().fulfillments().get(0).state()
          .descriptor().code()));
      Order cancelled = client.cancel(t2, id, "buyer-terminates", Descriptor.builder().shortDesc("done").build())
          .get(30, TimeUnit.SECONDS).message().order();
      Bill bill = Bill.from(cancelled.quote());
      bill.requireBalanced();
      // every kWh metered in by both processes is billed: 20 kWh × 0.50 INR
      assertThat(bill.amount(BillLineKind.ENERGY_IN).value()).isEqualTo("10.00");
      Order whole = client.status(t2, id).get(30, TimeUnit.SECONDS).message().order();
      assertThat(whole.status()).isEqualTo("CANCELLED");
      assertThat(Bill.from(whole.quote())).isEqualTo(bill);
    }
  }
}
