package org.dent.server.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.transport.NackException;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.view.StorageOffer;
import org.dent.core.profile.view.StorageRequirement;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.dent.server.engine.BppEngine;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.junit.jupiter.api.Test;

/** docs/BPP-GUIDE.md's minimal operator: the guide shows this very file, and it answers a search over loopback. */
class MinimalOperatorTest {
  static final Path SOURCE = Path.of("src/test/java/org/dent/server/guide/MinimalOperator.java");
  static final Path GUIDE = Path.of("../docs/BPP-GUIDE.md");

  @Test
  void theGuideShowsTheMinimalOperatorVerbatim() throws Exception {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String body = source.substring(source.indexOf("/** One 100 kWh battery"));
    assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(body.strip());
    assertThat(source.lines().count()).isLessThanOrEqualTo(45); // one screen
  }

  @Test
  void itAnswersASearchOverLoopback() throws Exception {
    SigningKey bppKey = SigningKey.generate();
    SigningKey bapKey = SigningKey.generate();
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bpp.minimal", "k1", bppKey.publicKey())
        .add("bap.example", "k1", bapKey.publicKey()).build();
    try (BppEngine engine = BppEngine.builder().subscriberId("bpp.minimal").uniqueKeyId("k1").signingKey(bppKey)
            .keyResolver(keys).operator(new MinimalOperator()).build();
        DentClient bap = DentClient.builder().subscriberId("bap.example").uniqueKeyId("k1").signingKey(bapKey)
            .keyResolver(keys).domain(StorageProfile.DOMAIN).ttl(Duration.ofSeconds(10)).build()) {
      TimeWindow window = TimeWindow.parse("2030-01-01T10:00:00Z", "2030-01-01T18:00:00Z");
      OnSearchCallback found = bap.search(StorageRequirement.of(Energy.ofKwh("50"), window).toIntent(),
          List.of(engine.bppUri())).first().get(10, TimeUnit.SECONDS);
      List<StorageOffer> offers = StorageOffer.fromCatalog(found.message().catalog());
      assertThat(offers).extracting(StorageOffer::itemId).containsExactly("battery-1");
      assertThat(offers.get(0).freeEnergy()).isEqualTo(Energy.ofKwh("100"));
      OnSearchCallback none = bap.search(StorageRequirement.of(Energy.ofKwh("500"), window).toIntent(),
          List.of(engine.bppUri())).first().get(10, TimeUnit.SECONDS);
      assertThat(StorageOffer.fromCatalog(none.message().catalog())).isEmpty();
      Order order = Order.builder().items(List.of(Item.builder().id("battery-1").quantity(ItemQuantity.builder()
          .selected(QuantityValue.builder().measure(Scalar.builder().value("50").unit("kWh").build()).build())
          .build()).build())).fulfillments(List.of(Fulfillment.builder().stops(List.of(Stop.builder().time(
          Time.builder().range(TimeRange.builder().start("2030-01-01T10:00:00Z").end("2030-01-01T18:00:00Z")
          .build()).build()).build())).build())).build();
      assertThatThrownBy(() -> bap.select(BppTarget.of(found), order).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(NackException.class,
              e -> assertThat(e.code()).isEqualTo("40001")); // select is not offered
    }
  }
}
