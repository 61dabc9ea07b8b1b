package org.dent.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dent.core.model.Catalog;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.units.TimeWindow;
import java.util.concurrent.ConcurrentHashMap;
import org.dent.core.error.ErrorCode;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.Item;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Quotation;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.units.Money;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.spi.BusinessException;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Storage scenarios pass against the reference operator, and each fails against a BPP broken in exactly the way
 * it checks (operators below delegate to a reference operator and break one rule).
 */
class StorageScenariosTest {
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  /** Runs the storage scenarios against {@code operator} behind a real engine. */
  List<ScenarioResult> run(StorageOperator operator, Duration ttl) {
    return run(operator, ttl, "storage.");
  }

  /** Runs the scenarios whose name starts with {@code prefix}. */
  List<ScenarioResult> run(StorageOperator operator, Duration ttl, String prefix) {
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bpp.storage", "k1", bppKey.publicKey())
        .add("bap.storage", "k1", bapKey.publicKey()).build();
    BppEngine engine = BppEngine.builder().subscriberId("bpp.storage").uniqueKeyId("k1").signingKey(bppKey)
        .keyResolver(keys).operator(operator).build();
    closing.add(engine);
    ConformanceContext context = ConformanceContext.builder().bpp(engine.bppUri(), "bpp.storage")
        .identity("bap.storage", "k1", bapKey).keyResolver(keys).ttl(ttl).build();
    closing.add(context);
    return ConformanceSuite.standard().only(n -> n.startsWith(prefix)).run(context, r -> { });
  }

  ReferenceOperator reference() {
    ReferenceOperator op = ReferenceOperator.builder().build();
    closing.add(op);
    return op;
  }

  static ScenarioResult result(List<ScenarioResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  static List<String> failed(List<ScenarioResult> results) {
    return results.stream().filter(r -> !r.passed()).map(ScenarioResult::name).toList();
  }

  @Test
  void everyStorageScenarioPassesAgainstTheReferenceOperator() {
    List<ScenarioResult> results = run(reference(), Duration.ofSeconds(15));
    assertThat(results).hasSizeGreaterThanOrEqualTo(9);
    assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.line()).isTrue());
  }

  @Test
  void aBppThatDoubleBooksFailsNoDoubleBooking() {
    List<ScenarioResult> results = run(new PerTransactionLedger(), Duration.ofSeconds(15));
    // it double-books modifications as well, which the modification scenario catches
    assertThat(failed(results)).containsExactly("storage.no-double-booking", "storage.modification-capacity-refused");
    assertThat(result(results, "storage.modification-capacity-refused").reason()).contains("double booking");
    assertThat(result(results, "storage.no-double-booking").reason()).contains("double booking");
  }

  @Test
  void aBppWhoseBillDoesNotAddUpFailsTheHappyPath() {
    // the client refuses the invalid on_confirm, so the scenario ends when the (short) ttl does; every scenario
    // that confirms fails the same way, so only this one is run
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
        Order o = delegate.confirm(request, context).order();
        return new OnConfirmCallback.Message(o.toBuilder().quote(alter(o.quote(), false)).build());
      }
    }, Duration.ofSeconds(2), "storage.happy-path-reconciles");
    assertThat(failed(results)).containsExactly("storage.happy-path-reconciles");
    assertThat(result(results, "storage.happy-path-reconciles").reason()).contains("no valid on_confirm")
        .contains("refused invalid callbacks").contains("30000");
  }

  @Test
  void aBppThatMispricesCapacityFailsTheHappyPath() {
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
        Order o = delegate.confirm(request, context).order();
        return new OnConfirmCallback.Message(o.toBuilder().quote(alter(o.quote(), true)).build());
      }
    }, Duration.ofSeconds(15));
    assertThat(failed(results)).containsExactly("storage.happy-path-reconciles");
    assertThat(result(results, "storage.happy-path-reconciles").reason())
        .startsWith("on_confirm capacity-reservation");
  }

  @Test
  void aBppThatClaimsAFullGrantFailsPartialGrant() {
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
        Order asked = request.message().order();
        Order granted = delegate.select(request, context).order();
        Item item = granted.items().get(0).toBuilder().quantity(asked.items().get(0).quantity()).build();
        return new OnSelectCallback.Message(granted.toBuilder().items(List.of(item)).build());
      }
    }, Duration.ofSeconds(15));
    assertThat(failed(results)).containsExactly("storage.partial-grant-surfaced");
    assertThat(result(results, "storage.partial-grant-surfaced").reason()).contains("claims to grant");
  }

  @Test
  void aBppThatAcceptsEveryTransferFailsOverWithdrawalAndOverPower() {
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
        try {
          return delegate.update(request, context);
        } catch (BusinessException e) {
          if (!ErrorCode.TRANSFER_REFUSED.code().equals(e.code())) {
            throw e;
          }
          Order now = delegate.status(new StatusRequest(request.context(),
              new StatusRequest.Message(request.message().order().id())), context).order();
          return new OnUpdateCallback.Message(now);
        }
      }
    }, Duration.ofSeconds(15));
    assertThat(failed(results)).containsExactlyInAnyOrder("storage.over-withdrawal-rejected",
        "storage.over-power-rejected");
  }

  @Test
  void aBppThatQuotesOffGridWindowsFailsOffGranularity() {
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
        StorageOrder asked = StorageOrder.from(request.message().order());
        long grid = Duration.ofMinutes(30).getSeconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(asked.window().start().getEpochSecond(), grid) * grid);
        StorageOrder snapped = new StorageOrder(asked.providerId(), asked.itemId(), asked.energy(),
            TimeWindow.of(start, asked.window().duration()), asked.fulfillmentId());
        return delegate.select(new SelectRequest(request.context(), new SelectRequest.Message(snapped.toOrder())),
            context);
      }
    }, Duration.ofSeconds(15), "storage.off-granularity-rejected");
    assertThat(failed(results)).containsExactly("storage.off-granularity-rejected");
    assertThat(result(results, "storage.off-granularity-rejected").reason()).contains("but select was quoted");
  }

  @Test
  void aBppThatTreatsAbuttingWindowsAsOverlappingFailsBackToBack() {
    List<StorageOrder> booked = new CopyOnWriteArrayList<>();
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
        StorageOrder o = StorageOrder.from(request.message().order());
        for (StorageOrder b : booked) {
          if (b.itemId().equals(o.itemId()) && (b.window().end().equals(o.window().start())
              || b.window().start().equals(o.window().end()))) {
            throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "windows overlap at their boundary");
          }
        }
        OnConfirmCallback.Message m = delegate.confirm(request, context);
        booked.add(o);
        return m;
      }
    }, Duration.ofSeconds(15));
    assertThat(failed(results)).containsExactly("storage.back-to-back-windows");
  }

  @Test
  void aBppThatRefusesARepeatedConfirmFailsDuplicateConfirm() {
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
        if (!confirmed.add(context.transactionId())) {
          throw new BusinessException(ErrorCode.CAPACITY_UNAVAILABLE, "already reserved");
        }
        return delegate.confirm(request, context);
      }
    }, Duration.ofSeconds(15));
    assertThat(failed(results)).containsExactly("storage.duplicate-confirm-idempotent");
  }

  @Test
  void aBppThatAnswersInUnitAliasesFailsUnitAliases() {
    List<ScenarioResult> results = run(new Delegating(reference()) {
      @Override
      public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
        Catalog catalog = delegate.search(request, context).catalog();
        List<Provider> providers = new ArrayList<>();
        for (Provider p : catalog.providers()) {
          List<Item> items = new ArrayList<>();
          for (Item i : p.items()) {
            QuantityValue free = i.quantity().available();
            items.add(i.toBuilder().quantity(i.quantity().toBuilder().available(free.toBuilder()
                .measure(free.measure().toBuilder().unit("KWH").build()).build()).build()).build());
          }
          providers.add(p.toBuilder().items(items).build());
        }
        return new OnSearchCallback.Message(catalog.toBuilder().providers(providers).build());
      }
    }, Duration.ofSeconds(15), "storage.unit-aliases-normalised");
    assertThat(failed(results)).containsExactly("storage.unit-aliases-normalised");
    assertThat(result(results, "storage.unit-aliases-normalised").reason()).contains("KWH");
  }

  /** Changes the first capacity line by 1.00: with the total unchanged (unbalanced) or moved along (balanced). */
  static Quotation alter(Quotation quote, boolean balanced) {
    Bill bill = Bill.from(quote);
    List<BillLine> lines = new ArrayList<>();
    for (BillLine l : bill.lines()) {
      lines.add(l.kind() == BillLineKind.CAPACITY_RESERVATION ? new BillLine(l.title(), l.itemId(),
          l.amount().plus(Money.of(BigDecimal.ONE, l.amount().currency()))) : l);
    }
    Bill changed = balanced ? Bill.of(lines, bill.currency()) : new Bill(lines, bill.total());
    return changed.toQuotation(quote.ttl() == null ? null : Duration.parse(quote.ttl()));
  }

  /** Forwards every action to a delegate; subclasses break one. */
  static class Delegating implements StorageOperator {
    final StorageOperator delegate;

    Delegating(StorageOperator delegate) {
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
    public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
      return delegate.update(request, context);
    }

    @Override
    public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
      return delegate.status(request, context);
    }

    @Override
    public OnTrackCallback.Message track(TrackRequest request, RequestContext context) {
      return delegate.track(request, context);
    }
  }

  /** Double-books: every transaction gets its own empty ledger, so every confirm "fits". */
  final class PerTransactionLedger implements StorageOperator {
    final ReferenceOperator catalog = reference();
    final Map<String, ReferenceOperator> ledgers = new ConcurrentHashMap<>();

    ReferenceOperator of(RequestContext context) {
      return ledgers.computeIfAbsent(context.transactionId(), t -> reference());
    }

    @Override
    public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
      return catalog.search(request, context);
    }

    @Override
    public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
      return of(context).select(request, context);
    }

    @Override
    public OnInitCallback.Message init(InitRequest request, RequestContext context) {
      return of(context).init(request, context);
    }

    @Override
    public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
      return of(context).confirm(request, context);
    }

    @Override
    public OnCancelCallback.Message cancel(CancelRequest request, RequestContext context) {
      return of(context).cancel(request, context);
    }

    @Override
    public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
      return of(context).update(request, context);
    }

    @Override
    public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
      return of(context).status(request, context);
    }
  }
}
