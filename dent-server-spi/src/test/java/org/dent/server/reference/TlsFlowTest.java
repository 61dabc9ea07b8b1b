package org.dent.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.transport.ClientTls;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.ServerTls;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.Order;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.GeoPoint;
import org.dent.core.profile.view.SearchArea;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.testing.MutableClock;
import org.dent.core.testing.TestPki;
import org.dent.core.units.Energy;
import org.dent.core.units.Money;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow (search → select → init → confirm → status → cancel) over HTTPS on loopback both ways: the BPP
 * serves TLS from a PKCS#12 key store, the BAP's callback host from PEM files, and each side's client trusts only the
 * test CA (test-only keys, see {@code org/dent/core/testing/tls/README.md}).
 */
class TlsFlowTest {
  @TempDir Path dir;

  @Test
  void wholeFlowOverHttpsWithATestCa() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    SigningKey bapKey = SigningKey.generate();
    SigningKey bppKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bap.microgrid.example", "k1", bapKey.publicKey())
        .add("bpp.voltvault.example", "k1", bppKey.publicKey()).build();
    OkHttpClient trusting = ClientTls.trustStore(TestPki.file(dir, "truststore.p12"), TestPki.password())
        .apply(OutboundSender.defaultHttpClient());
    try (ReferenceOperator operator = ReferenceOperator.builder().clock(clock).build();
        BppEngine engine = BppEngine.builder().subscriberId("bpp.voltvault.example").uniqueKeyId("k1")
            .signingKey(bppKey).keyResolver(keys).operator(operator).clock(clock)
            .tls(ServerTls.keyStore(TestPki.file(dir, "server.p12"), TestPki.password()))
            .httpClient(trusting).build();
        DentClient client = DentClient.builder().subscriberId("bap.microgrid.example").uniqueKeyId("k1")
            .signingKey(bapKey).keyResolver(keys).clock(clock).domain(StorageProfile.DOMAIN)
            .ttl(Duration.ofSeconds(30)).httpClient(trusting)
            .callbackTls(ServerTls.pem(TestPki.file(dir, "server-chain.pem"), TestPki.file(dir, "server-key.pem")))
            .build()) {
      operator.attach(engine::pushStatus);
      assertThat(engine.bppUri().getScheme()).isEqualTo("https");
      assertThat(client.callbackUrl().getScheme()).isEqualTo("https");

      StorageRequirement want = new StorageRequirement(new SearchArea(GeoPoint.parse("12.9716,77.5946"),
          BigDecimal.TEN), TimeWindow.parse(LoopbackTest.START, LoopbackTest.END), Energy.ofKwh("50"),
          Money.parse("1500.00", "INR"), null, null);
      OnSearchCallback found = client.search(want.toIntent(), List.of(engine.bppUri())).first()
          .get(10, TimeUnit.SECONDS);
      BppTarget t = BppTarget.of(found);
      Order o = Harness.withTerms(Harness.order("vv-bess-01", "50", LoopbackTest.START, LoopbackTest.END));
      LoopbackTest.get(client.select(t, o));
      LoopbackTest.get(client.init(t, o));
      String id = LoopbackTest.get(client.confirm(t, o)).message().order().id();
      Order status = LoopbackTest.get(client.status(t, id)).message().order();
      assertThat(status.fulfillments().get(0).state().descriptor().code()).isEqualTo("RESERVED");
      assertThat(LoopbackTest.get(client.cancel(t, id, null, null)).message().order().status())
          .isEqualTo("CANCELLED");
      assertThat(engine.undelivered()).isEmpty();
    }
  }
}
