package org.dent.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dent.core.model.Action;
import org.dent.core.model.Billing;
import org.dent.core.model.Context;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.Item;
import org.dent.core.model.ItemQuantity;
import org.dent.core.model.Order;
import org.dent.core.model.Payment;
import org.dent.core.model.Provider;
import org.dent.core.model.QuantityValue;
import org.dent.core.model.Scalar;
import org.dent.core.model.Stop;
import org.dent.core.model.Time;
import org.dent.core.model.TimeRange;
import org.dent.core.profile.ProfileTags;
import org.dent.core.profile.StorageProfile;
import org.dent.core.profile.TagGroup;
import org.dent.core.profile.view.TransferDirection;
import org.dent.core.profile.view.TransferRequest;
import org.dent.core.units.Energy;
import org.dent.core.units.Power;
import org.dent.core.units.WireTime;
import org.dent.server.spi.RequestContext;

/** Orders and contexts of the default fleet's provider, as a BAP would send them. */
final class Orders {
  static final String BAP = "bap.microgrid.example";
  static final String BPP = "bpp.voltvault.example";
  /** Personal data that must never be stored in the clear. */
  static final String NAME = "Sunfield Solar Co-op";
  static final String EMAIL = "billing@sunfield.example";
  static final String PHONE = "+91-80-5550-1234";
  static final String ADDRESS = "12 Kanakapura Road, Bengaluru";

  private Orders() {}

  static Order order(String asset, String kwh, String start, String end) {
    return Order.builder().provider(Provider.builder().id("voltvault").build())
        .items(List.of(Item.builder().id(asset).quantity(ItemQuantity.builder().selected(QuantityValue.builder()
            .measure(Scalar.builder().value(kwh).unit("kWh").build()).build()).build()).build()))
        .fulfillments(List.of(Fulfillment.builder().id("f1").type("energy-storage").stops(List.of(Stop.builder()
            .type("start").time(Time.builder().range(TimeRange.builder().start(start).end(end).build()).build())
            .build())).build())).build();
  }

  static Order withTerms(Order o) {
    return o.toBuilder().billing(Billing.builder().name(NAME).email(EMAIL).phone(PHONE).address(ADDRESS).build())
        .payments(List.of(Payment.builder().type("POST-FULFILLMENT").collectedBy("BPP")
            .tags(List.of(ProfileTags.group(TagGroup.PAYMENT_TERMS, Map.of("method", "BANK-TRANSFER")))).build()))
        .build();
  }

  static Order transfer(String orderId, String direction, String energy, String power, String start) {
    org.dent.core.model.TagGroup g = new TransferRequest(TransferDirection.fromCode(direction), Energy.parse(energy),
        Power.parse(power), Instant.parse(start)).toTagGroup();
    return Order.builder().id(orderId).fulfillments(List.of(Fulfillment.builder().id("f1").tags(List.of(g))
        .build())).build();
  }

  static Context context(Action action, String txn, Instant now, String bapUri, String bppUri) {
    return Context.builder().domain(StorageProfile.DOMAIN).action(action.wireName()).version("1.1.0")
        .bapId(BAP).bapUri(bapUri).bppId(BPP).bppUri(bppUri).transactionId(txn)
        .messageId(UUID.randomUUID().toString()).timestamp(WireTime.format(now)).ttl("PT30S").build();
  }

  static RequestContext rc(Context c, Instant now) {
    return new RequestContext(Action.fromWireName(c.action()), c.transactionId(), c.messageId(), c.bapId(),
        now.plusSeconds(30), c);
  }

  static String tag(Order o, String group, String code) {
    return ProfileTags.value(o.fulfillments().get(0).tags(), TagGroup.fromCode(group).orElseThrow(), code);
  }
}
