package org.dent.core.profile.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.dent.core.error.DentException;
import org.dent.core.model.UpdateRequest;
import org.dent.core.profile.ProfileException;
import org.dent.core.profile.view.ContractModification.Target;
import org.dent.core.units.Energy;
import org.dent.core.units.TimeWindow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ContractModificationTest {
  static final TimeWindow WINDOW = TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T20:00:00Z");

  /** The message over the wire: written, re-read, validated against the profile, bound. */
  static UpdateRequest.Message wire(ContractModification m) {
    ObjectNode payload = (ObjectNode) Worked.json(m.toMessage());
    UpdateRequest u = Worked.viaWire("update", payload);
    return u.message();
  }

  @Test
  void energyAndWindowChangesRoundTripThroughAValidUpdate() {
    ContractModification grow = ContractModification.ofEnergy("vv-ord-1", "vv-bess-01", Energy.parse("100 kWh"));
    UpdateRequest.Message m = wire(grow);
    assertThat(m.updateTarget()).isEqualTo("order.items");
    assertThat(ContractModification.isModification(m)).isTrue();
    assertThat(ContractModification.from(m)).isEqualTo(grow);
    assertThat(grow.newEnergy()).contains(Energy.parse("100 kWh"));
    assertThat(grow.newWindow()).isEmpty();

    ContractModification extend = ContractModification.ofWindow("vv-ord-1", "f1", WINDOW);
    assertThat(ContractModification.from(wire(extend))).isEqualTo(extend);
    assertThat(wire(extend).order().fulfillments().get(0).stops().get(0).time().range().end())
        .isEqualTo("2026-12-01T20:00:00Z");

    ContractModification both = new ContractModification("vv-ord-1", Set.of(Target.FULFILLMENTS, Target.ITEMS),
        "vv-bess-01", Energy.parse("0.08 MWh"), WINDOW, "f1");
    assertThat(wire(both).updateTarget()).isEqualTo("order.items,order.fulfillments");
    assertThat(ContractModification.from(wire(both))).isEqualTo(both);
  }

  @Test
  void theWorkedTransferRequestIsNotAModification() {
    UpdateRequest worked = Worked.message("09-update");
    assertThat(ContractModification.isModification(worked.message())).isFalse();
  }

  @Test
  void targetsAreParsedStrictly() {
    assertThat(Target.parse(" order.fulfillments , order.items")).containsExactlyInAnyOrder(Target.ITEMS,
        Target.FULFILLMENTS);
    for (String bad : new String[] {null, "", "order.quote", "order.items,", "order.items;order.fulfillments"}) {
      assertThatThrownBy(() -> Target.parse(bad)).isInstanceOfSatisfying(DentException.class, e -> {
        assertThat(e.code()).isEqualTo("30012");
        assertThat(e.paths()).containsExactly("/update_target");
      });
    }
  }

  @Test
  void aTargetedValueMustBeStatedWithItsPointer() {
    UpdateRequest.Message noEnergy = new UpdateRequest.Message("order.items",
        ContractModification.ofWindow("o", "f1", WINDOW).toMessage().order());
    assertThatThrownBy(() -> ContractModification.from(noEnergy)).isInstanceOfSatisfying(ProfileException.class,
        e -> assertThat(e.paths()).containsExactly("/order/items"));
    UpdateRequest.Message noWindow = new UpdateRequest.Message("order.fulfillments",
        ContractModification.ofEnergy("o", "i", Energy.parse("1 kWh")).toMessage().order());
    assertThatThrownBy(() -> ContractModification.from(noWindow)).isInstanceOfSatisfying(ProfileException.class,
        e -> assertThat(e.paths()).containsExactly("/order/fulfillments"));
    UpdateRequest.Message noId = new UpdateRequest.Message("order.items",
        ContractModification.ofEnergy("o", "i", Energy.parse("1 kWh")).toMessage().order().toBuilder().id(null)
            .build());
    assertThatThrownBy(() -> ContractModification.from(noId)).isInstanceOfSatisfying(ProfileException.class,
        e -> assertThat(e.paths()).containsExactly("/order/id"));
    assertThatThrownBy(() -> ContractModification.ofEnergy("o", "i", Energy.parse("0 kWh")))
        .isInstanceOf(ProfileException.class);
  }

  @Test
  void anUntargetedValueMayBeRepeatedButNotChanged() {
    ContractModification both = new ContractModification("o", Set.of(Target.ITEMS), "i", Energy.parse("50 kWh"),
        WINDOW, "f1");
    both.requireWithinTarget(Energy.parse("10 kWh"), WINDOW); // energy targeted, window repeated
    TimeWindow other = TimeWindow.parse("2026-12-01T10:00:00Z", "2026-12-01T18:00:00Z");
    assertThatThrownBy(() -> both.requireWithinTarget(Energy.parse("10 kWh"), other))
        .isInstanceOfSatisfying(DentException.class, e -> assertThat(e.code()).isEqualTo("30013"));
    ContractModification window = new ContractModification("o", Set.of(Target.FULFILLMENTS), "i",
        Energy.parse("0.05 MWh"), WINDOW, "f1");
    window.requireWithinTarget(Energy.parse("50 kWh"), other); // same energy, other unit
    assertThatThrownBy(() -> window.requireWithinTarget(Energy.parse("40 kWh"), other))
        .isInstanceOfSatisfying(DentException.class, e -> assertThat(e.code()).isEqualTo("30013"));
  }
}
