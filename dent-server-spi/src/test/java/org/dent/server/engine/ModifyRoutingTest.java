package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.correlation.CallbackErrorException;
import org.dent.client.transport.NackException;
import org.dent.core.model.Action;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * {@link org.dent.server.spi.TransferHandler#modify}: an operator that implements only {@code modify} is offered
 * {@code update} and gets the modifications (read into the view), transfers answer {@code 40001}; an operator with
 * neither is NACKed {@code 40001}. Over loopback with signatures.
 */
class ModifyRoutingTest {
  final SigningKey bppKey = SigningKey.generate();
  final SigningKey bapKey = SigningKey.generate();
  final StaticKeyResolver keys = StaticKeyResolver.builder().add("bpp.modify", "k1", bppKey.publicKey())
      .add("bap.example", "k1", bapKey.publicKey()).build();

  BppEngine engine(StorageOperator operator) {
    return BppEngine.builder().subscriberId("bpp.modify").uniqueKeyId("k1").signingKey(bppKey).keyResolver(keys)
        .operator(operator).build();
  }

  DentClient bap() {
    return DentClient.builder().subscriberId("bap.example").uniqueKeyId("k1").signingKey(bapKey).keyResolver(keys)
        .domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(10)).build();
  }

  static Order transfer(String id) {
    TransferRequest t = new TransferRequest(TransferDirection.CHARGE, Energy.ofKwh("10"), Power.ofKw("10"),
        java.time.Instant.parse("2030-01-01T10:00:00Z"));
    return Order.builder().id(id).fulfillments(List.of(Fulfillment.builder().id("f1").tags(List.of(t.toTagGroup()))
        .build())).build();
  }

  @Test
  void anOperatorWithOnlyModifyGetsModificationsAndAnswers40001ToTransfers() throws Exception {
    List<ContractModification> seen = new CopyOnWriteArrayList<>();
    StorageOperator modifyOnly = new StorageOperator() {
      @Override
      public OnUpdateCallback.Message modify(ContractModification m, RequestContext context) {
        seen.add(m);
        return new OnUpdateCallback.Message(m.toMessage().order());
      }
    };
    try (BppEngine engine = engine(modifyOnly); DentClient bap = bap()) {
      assertThat(engine.offers(Action.UPDATE)).isTrue();
      BppTarget t = new BppTarget("bpp.modify", engine.bppUri(), bap.newTransactionId());
      UpdateRequest.Message grow = ContractModification.ofEnergy("o-1", "battery-1", Energy.ofKwh("60"))
          .toMessage();
      Order answered = bap.update(t, grow.updateTarget(), grow.order()).get(10, TimeUnit.SECONDS).message().order();
      assertThat(answered.id()).isEqualTo("o-1");
      assertThat(seen).containsExactly(ContractModification.ofEnergy("o-1", "battery-1", Energy.ofKwh("60")));
      assertThatThrownBy(() -> bap.update(t, "order.fulfillments", transfer("o-1")).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(CallbackErrorException.class,
              e -> assertThat(e.code()).isEqualTo("40001"));
      assertThatThrownBy(() -> bap.update(t, "order.quote", grow.order()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(CallbackErrorException.class,
              e -> assertThat(e.code()).isEqualTo("30012"));
    }
  }

  @Test
  void anOperatorWithoutUpdateOrModifyIsNacked40001() throws Exception {
    try (BppEngine engine = engine(new StorageOperator() { }); DentClient bap = bap()) {
      assertThat(engine.offers(Action.UPDATE)).isFalse();
      BppTarget t = new BppTarget("bpp.modify", engine.bppUri(), bap.newTransactionId());
      UpdateRequest.Message grow = ContractModification.ofEnergy("o-1", null, Energy.ofKwh("60")).toMessage();
      assertThatThrownBy(() -> bap.update(t, grow.updateTarget(), grow.order()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(NackException.class,
              e -> assertThat(e.code()).isEqualTo("40001"));
    }
  }
}
