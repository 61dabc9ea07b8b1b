package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Order;
import org.dent.core.model.SelectRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;

class StorageOrderTest {
  final DentCodec codec = DentCodec.standard();

  Order workedSelectOrder() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/examples/dent-energy-storage/03-select.json")) {
      return ((SelectRequest) codec.decode(in.readAllBytes())).message().order();
    }
  }

  @Test
  void readsAndWritesTheWorkedSelectExactly() throws Exception {
    Order worked = workedSelectOrder();
    StorageOrder order = StorageOrder.from(worked);
    assertThat(order.providerId()).isEqualTo("voltvault");
    assertThat(order.itemId()).isEqualTo("vv-bess-01");
    assertThat(order.energy()).isEqualTo(Energy.parse("50 kWh"));
    assertThat(order.window()).isEqualTo(TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z"));
    assertThat(codec.toTree(order.toOrder())).isEqualTo(codec.toTree(worked));
  }

  @Test
  void partialGrantIsLessEnergyOrAShorterWindow() throws Exception {
    StorageOrder asked = StorageOrder.from(workedSelectOrder());
    StorageOrder less = new StorageOrder("voltvault", "vv-bess-01", Energy.parse("40 kWh"), asked.window(), "f1");
    TimeWindow shorter = new TimeWindow(asked.window().start(), asked.window().end().minus(Duration.ofHours(1)));
    StorageOrder shorterWindow = new StorageOrder("voltvault", "vv-bess-01", asked.energy(), shorter, "f1");
    assertThat(asked.isPartiallyGrantedBy(asked)).isFalse();
    assertThat(asked.isPartiallyGrantedBy(less)).isTrue();
    assertThat(asked.isPartiallyGrantedBy(shorterWindow)).isTrue();
  }

  @Test
  void missingPiecesAreNamedByPointer() throws Exception {
    Order worked = workedSelectOrder();
    assertThatThrownBy(() -> StorageOrder.from(worked.toBuilder().items(List.of()).build()))
        .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.paths()).containsExactly("/items"));
    assertThatThrownBy(() -> StorageOrder.from(worked.toBuilder().fulfillments(null).build()))
        .isInstanceOfSatisfying(ProfileException.class,
            e -> assertThat(e.paths()).containsExactly("/fulfillments"));
    assertThatThrownBy(() -> new StorageOrder("p", "i", Energy.parse("0 kWh"),
        TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z"), null))
        .isInstanceOf(ProfileException.class);
  }
}
