package org.dent.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dent.core.error.DentException;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.ContractModification;
import org.dent.core.units.Energy;
import org.dent.core.units.EnergyUnit;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.spi.ModificationRequests;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The modification scenarios pass against the reference operator, are skipped (and pass) against BPPs that answer
 * {@code 40001} for modification, and fail against BPPs that break exactly what they check.
 */
class ModificationScenariosTest {
  static final String PREFIX = "storage.modification-";
  static final String APPLIED = "storage.modification-applied";
  static final String REFUSED = "storage.modification-capacity-refused";
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  List<ScenarioResult> run(StorageOperator operator) {
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bpp.storage", "k1", bppKey.publicKey())
        .add("bap.storage", "k1", bapKey.publicKey()).build();
    BppEngine engine = BppEngine.builder().subscriberId("bpp.storage").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).build();
    closing.add(engine);
    ConformanceContext context = ConformanceContext.builder().bpp(engine.bppUri(), "bpp.storage")
        .identity("bap.storage", "k1", bapKey).keyResolver(keys).ttl(Duration.ofSeconds(15)).build();
    closing.add(context);
    List<ScenarioResult> results = ConformanceSuite.standard().only(n -> n.startsWith(PREFIX)).run(context, r -> { });
    assertThat(results).extracting(ScenarioResult::name).containsExactly(APPLIED, REFUSED);
    return results;
  }

  ReferenceOperator reference() {
    ReferenceOperator op = ReferenceOperator.builder().build();
    closing.add(op);
    return op;
  }

  static ScenarioResult result(List<ScenarioResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void bothPassAgainstTheReferenceOperator() {
    List<ScenarioResult> results = run(reference());
    assertThat(results).allSatisfy(r -> {
      assertThat(r.passed()).as(r.line()).isTrue();
      assertThat(r.skipped()).as(r.line()).isFalse();
    });
  }

  @Test
  void aBppWithoutUpdateIsSkippedNotFailed() {
    List<ScenarioResult> results = run(new NoUpdate(reference()));
    assertThat(results).allSatisfy(r -> {
      assertThat(r.passed()).as(r.line()).isTrue();
      assertThat(r.skipped()).as(r.line()).isTrue();
      assertThat(r.line()).startsWith("SKIP ").contains("40001");
    });
  }

  @Test
  void aBppWithTransfersButNoModificationIsSkippedNotFailed() {
    // update is offered (transfers); the SPI's default modify answers 40001 in on_update
    List<ScenarioResult> results = run(new StorageScenariosTest.Delegating(reference()) {
      @Override
      public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
        if (ContractModification.isModification(request.message())) {
          return modify(ModificationRequests.read(request.message()), context);
        }
        return delegate.update(request, context);
      }
    });
    assertThat(results).allSatisfy(r -> assertThat(r.skipped()).as(r.line()).isTrue());
  }

  @Test
  void aBppThatAnswersTheChangeWithoutMakingItFailsBoth() {
    List<ScenarioResult> results = run(new StorageScenariosTest.Delegating(reference()) {
      @Override
      public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
        if (!ContractModification.isModification(request.message())) {
          return delegate.update(request, context);
        }
        ContractModification m = ModificationRequests.read(request.message());
        Order now = delegate.status(new StatusRequest(request.context(), new StatusRequest.Message(m.orderId())),
            context).order();
        Order claimed = now;
        if (m.newEnergy().isPresent()) {
          claimed = now.toBuilder().items(List.of(now.items().get(0).toBuilder().quantity(
              ContractModification.ofEnergy(m.orderId(), null, m.newEnergy().get()).toMessage().order().items()
                  .get(0).quantity()).build())).build();
        }
        return new OnUpdateCallback.Message(claimed);
      }
    });
    assertThat(result(results, APPLIED).passed()).isFalse();
    assertThat(result(results, APPLIED).reason()).contains("after growing to 20 kWh");
    assertThat(result(results, REFUSED).passed()).isFalse();
    assertThat(result(results, REFUSED).reason()).contains("double booking");
  }

  @Test
  void aBppThatRefusesButChangesTheContractAnywayFailsCapacityRefused() {
    List<ScenarioResult> results = run(new StorageScenariosTest.Delegating(reference()) {
      @Override
      public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
        try {
          return delegate.update(request, context);
        } catch (DentException refused) {
          // "refuses", but first applies another change (half the asked energy) and leaves it in place
          ContractModification m = ModificationRequests.read(request.message());
          Energy half = m.newEnergy().orElseThrow().times(new java.math.BigDecimal("0.5")).to(EnergyUnit.KWH);
          delegate.update(new UpdateRequest(request.context(), ContractModification.ofEnergy(m.orderId(),
              m.itemId(), half).toMessage()), context);
          throw refused;
        }
      }
    });
    assertThat(result(results, APPLIED).passed()).as(result(results, APPLIED).line()).isTrue();
    assertThat(result(results, REFUSED).passed()).isFalse();
    assertThat(result(results, REFUSED).reason()).contains("the refused change altered the contract");
  }

  /** Sells reservations but not update at all: the engine NACKs update with 40001. */
  static final class NoUpdate implements StorageOperator {
    final StorageOperator delegate;

    NoUpdate(StorageOperator delegate) {
      this.delegate = delegate;
    }

    @Override
    public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
      return delegate.search(request, context);
    }

    @Override
    public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
      return delegate.select(request, context);
    }

    @Override
    public OnInitCallback.Message init(InitRequest request, RequestContext context) {
      return delegate.init(request, context);
    }

    @Override
    public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
      return delegate.confirm(request, context);
    }

    @Override
    public OnCancelCallback.Message cancel(CancelRequest request, RequestContext context) {
      return delegate.cancel(request, context);
    }

    @Override
    public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
      return delegate.status(request, context);
    }
  }
}
