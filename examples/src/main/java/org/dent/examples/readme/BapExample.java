package org.dent.examples.readme;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.core.model.Billing;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageOrder;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.signing.SigningKey;

/** The README's BAP example: find the cheapest storage and reserve it (kept in sync by a test). */
public final class BapExample {
  private BapExample() {}

  // README:BAP
  public static OnConfirmCallback reserveCheapest(SigningKey key, URI registry, URI bpp) throws Exception {
    try (DentClient client = DentClient.builder()
        .subscriberId("bap.example").uniqueKeyId("k1").signingKey(key).registry(registry).build()) {
      Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(34));
      TimeWindow window = new TimeWindow(start, start.plus(Duration.ofHours(8)));
      StorageRequirement need = StorageRequirement.of(Energy.parse("50 kWh"), window);
      OnSearchCallback offers = client.search(need.toIntent(), List.of(bpp)).first().get(10, TimeUnit.SECONDS);
      StorageOffer cheapest = StorageOffer.fromCatalog(offers.message().catalog()).stream()
          .min(Comparator.comparing(o -> o.estimatedPrice().amount())).orElseThrow();
      StorageOrder order = StorageOrder.of(cheapest, need.energy(), window);
      BppTarget target = BppTarget.of(offers);               // same BPP, same transaction
      client.select(target, order.toOrder()).get(10, TimeUnit.SECONDS);
      var terms = order.toOrder(Billing.builder().name("Sunfield Solar Co-op").build(), "BANK-TRANSFER", null);
      client.init(target, terms).get(10, TimeUnit.SECONDS);
      return client.confirm(target, terms).get(10, TimeUnit.SECONDS);
    }
  }
  // README:END
}
