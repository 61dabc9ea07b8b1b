package org.dent.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.PendingStore;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SelectRequest;
import org.dent.core.profile.StorageProfile;
import org.dent.core.testing.MutableClock;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * A BAP restarted while a confirm is outstanding: the new client, on the same pending store and callback URL,
 * ACKs the {@code on_confirm} that arrives within the ttl and hands it over, instead of NACKing an unknown
 * message_id.
 */
class BapRestartTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  final SigningKey bapKey = SigningKey.generate();
  final SigningKey bppKey = SigningKey.generate();
  final StaticKeyResolver keys = StaticKeyResolver.builder().add(Orders.BAP, "k1", bapKey.publicKey())
      .add(Orders.BPP, "k1", bppKey.publicKey()).build();

  /** The reference operator, except that confirm waits for the test. */
  static final class SlowConfirm implements StorageOperator {
    final ReferenceOperator reference;
    final CountDownLatch go = new CountDownLatch(1);

    SlowConfirm(ReferenceOperator reference) {
      this.reference = reference;
    }

    @Override
    public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
      return reference.select(request, context);
    }

    @Override
    public OnInitCallback.Message init(InitRequest request, RequestContext context) {
      return reference.init(request, context);
    }

    @Override
    public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
      try {
        go.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return reference.confirm(request, context);
    }
  }

  DentClient client(int port, PendingStore store, List<BecknMessage> recovered) {
    return DentClient.builder().subscriberId(Orders.BAP).uniqueKeyId("k1").signingKey(bapKey).keyResolver(keys)
        .clock(clock).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(30)).callbackPort(port)
        .pendingStore(store).onRecovered(recovered::add).build();
  }

  @Test
  void aRestartedBapStillCorrelatesTheCallbackOfAnOutstandingConfirm() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = Pg.freshDatabase();
    try (JdbcStore bapStore = Pg.store(url); ReferenceOperator reference = ReferenceOperator.builder().clock(clock)
        .build()) {
      SlowConfirm operator = new SlowConfirm(reference);
      try (BppEngine bpp = BppEngine.builder().subscriberId(Orders.BPP).uniqueKeyId("k1").signingKey(bppKey)
          .keyResolver(keys).operator(operator).clock(clock).build()) {
        List<BecknMessage> recovered = new CopyOnWriteArrayList<>();
        DentClient first = client(port, bapStore, recovered);
        BppTarget t = new BppTarget(Orders.BPP, bpp.bppUri(), first.newTransactionId());
        Order o = Orders.withTerms(Orders.order("vv-bess-01", "50", StoreContractTest.START, StoreContractTest.END));
        first.select(t, o).get(10, TimeUnit.SECONDS);
        first.init(t, o).get(10, TimeUnit.SECONDS);
        var outstanding = first.confirm(t, o);
        await().atMost(10, TimeUnit.SECONDS).until(() -> first.pendingCount() == 1);
        first.close(); // the BAP goes down with the confirm outstanding
        assertThat(outstanding).isNotDone();

        try (JdbcStore reopened = Pg.store(url); DentClient second = client(port, reopened, recovered)) {
          operator.go.countDown(); // the BPP answers now, to the same callback URL
          await().atMost(10, TimeUnit.SECONDS).until(() -> !recovered.isEmpty());
          assertThat(recovered.get(0)).isInstanceOf(OnConfirmCallback.class);
          assertThat(((OnConfirmCallback) recovered.get(0)).message().order().status()).isEqualTo("ACTIVE");
          assertThat(bpp.undelivered()).isEmpty(); // it was ACKed, not NACKed as unknown
        }
      }
    }
  }
}
