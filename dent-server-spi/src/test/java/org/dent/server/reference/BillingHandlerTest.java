package org.dent.server.reference;

import org.dent.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dent.core.model.Action;
import org.dent.core.model.Context;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.core.profile.view.Bill;
import org.dent.core.profile.view.BillLine;
import org.dent.core.profile.view.BillLineKind;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.units.Money;
import org.dent.server.spi.BillingHandler;
import org.dent.server.spi.BillingInput;
import org.junit.jupiter.api.Test;

/** An operator's own {@link BillingHandler} prices what the reference operator offers. */
class BillingHandlerTest {
  /** The reference bill plus a flat 10.00 grid-access fee (taxed like any charge is not this test's business). */
  static final class GridAccessBilling implements BillingHandler {
    final BillingHandler reference = new ReferenceBilling();
    final List<String> calls = new ArrayList<>();

    @Override
    public Bill estimate(BillingInput input) {
      calls.add("estimate " + input.itemId());
      return withFee(reference.estimate(input));
    }

    @Override
    public Bill finalBill(BillingInput input) {
      calls.add("final " + input.itemId());
      return withFee(reference.finalBill(input));
    }

    static Bill withFee(Bill bill) {
      List<BillLine> lines = new ArrayList<>(bill.lines());
      lines.add(new BillLine("grid-access", null, Money.of(new java.math.BigDecimal("10.00"),
          bill.total().currency())));
      return Bill.of(lines, bill.total().currency());
    }
  }

  @Test
  void searchQuotesWithTheInstalledBilling() {
    GridAccessBilling billing = new GridAccessBilling();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    ReferenceOperator custom = ReferenceOperator.builder().fleet(Fleet.defaultFleet()).clock(clock)
        .billing(billing).build();
    try (Harness h = new Harness(clock, custom); Harness plain = new Harness(clock.instant())) {
      var need = SearchTest.want("50").toIntent();
      Context c = h.context(Action.SEARCH, UUID.randomUUID().toString());
      OnSearchCallback withFee = h.valid(new OnSearchCallback(h.callbackContext(c),
          h.operator.search(new SearchRequest(c, new SearchRequest.Message(need)), h.rc(c))));
      OnSearchCallback reference = plain.valid(new OnSearchCallback(plain.callbackContext(c),
          plain.operator.search(new SearchRequest(c, new SearchRequest.Message(need)), plain.rc(c))));
      List<StorageOffer> a = StorageOffer.fromCatalog(withFee.message().catalog());
      List<StorageOffer> b = StorageOffer.fromCatalog(reference.message().catalog());
      assertThat(a).hasSameSizeAs(b).isNotEmpty();
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.get(i).estimatedPrice()).isEqualTo(b.get(i).estimatedPrice()
            .plus(Money.parse("10.00", "INR")));
      }
      assertThat(billing.calls).allMatch(s -> s.startsWith("estimate ")).hasSize(a.size());
      assertThat(BillLineKind.ofTitle("grid-access")).isEqualTo(BillLineKind.OTHER);
    }
  }
}
