package org.dent.core.profile;

import static org.dent.core.profile.Presence.ABSENT;

import tools.jackson.databind.JsonNode;

/**
 * The fields the storage profile requires per action (DESIGN.md §3 table). A requirement is reported only when
 * the field is {@linkplain Presence#ABSENT absent}; a wrong JSON type on its path is the schema's to report.
 * Callbacks that carry an {@code error} are exempt: they may have no order at all.
 */
final class ActionRules {
  private static final String ORDER = "/message/order";

  private ActionRules() {}

  /** {@code order.status}, where present, is one of {@link StorageProfile#ORDER_STATUSES}. */
  static void orderStatus(JsonNode message, Findings out) {
    String status = Findings.text(message.get("order"), "status");
    if (status != null && !StorageProfile.ORDER_STATUSES.contains(status)) {
      out.add(ORDER + "/status", "order status is " + Findings.joinOr(StorageProfile.ORDER_STATUSES));
    }
  }

  static void check(String action, JsonNode message, Findings out) {
    switch (action) {
      case "search" -> search(message, out);
      case "on_search" -> onSearch(message, out);
      case "select", "on_select", "init", "on_init", "confirm", "on_confirm" -> reservation(action, message, out);
      case "update" -> update(message, out);
      default -> {
        // status, track, cancel, rating, support and their callbacks: nothing beyond the value rules
      }
    }
  }

  private static void search(JsonNode message, Findings out) {
    if (Presence.of(message, "intent", "category", "descriptor") == ABSENT) {
      out.add("/message/intent/category", "a storage search names category " + StorageProfile.CATEGORY);
    } else {
      String code = Findings.descriptorCode(message.path("intent").path("category"));
      if (code != null && !code.equals(StorageProfile.CATEGORY)) {
        out.add("/message/intent/category/descriptor/code",
            "a storage search names category " + StorageProfile.CATEGORY);
      }
    }
    if (Presence.of(message, "intent", "item", "quantity", "selected", "measure") == ABSENT) {
      out.add("/message/intent/item", "a storage search states the energy to store");
    }
    if (Presence.of(message, "intent", "fulfillment", "stops", 0, "time", "range") == ABSENT) {
      out.add("/message/intent/fulfillment", "a storage search states the storage window");
    }
  }

  private static void onSearch(JsonNode message, Findings out) {
    JsonNode providers = message.path("catalog").path("providers");
    for (int i = 0; providers.isArray() && i < providers.size(); i++) {
      JsonNode items = providers.get(i).path("items");
      for (int j = 0; items.isArray() && j < items.size(); j++) {
        JsonNode item = items.get(j);
        if (item.isObject()) {
          offer(item, "/message/catalog/providers/" + i + "/items/" + j, out);
        }
      }
    }
  }

  private static void offer(JsonNode item, String p, Findings out) {
    JsonNode categories = item.get("category_ids");
    if (categories == null || categories.isArray() && !containsString(categories, StorageProfile.CATEGORY)) {
      out.add(p, "a storage offer lists category " + StorageProfile.CATEGORY);
    }
    if (Presence.of(item, "time", "range") == ABSENT) {
      out.add(p, "a storage offer states its availability window");
    }
    if (Presence.of(item, "quantity", "available", "measure") == ABSENT) {
      out.add(p, "a storage offer states its free energy");
    }
    for (TagGroup g : new TagGroup[] {TagGroup.STORAGE_SPEC, TagGroup.PRICING}) {
      if (Presence.ofGroup(item, g) == ABSENT) {
        out.add(p, "a storage offer carries tag group " + g.code());
      }
    }
  }

  /** select … on_confirm: items with the energy to reserve, a window on some fulfillment stop, and more per step. */
  private static void reservation(String action, JsonNode message, Findings out) {
    JsonNode order = message.get("order");
    if (order != null && !order.isObject()) {
      return;
    }
    JsonNode items = order == null ? null : order.get("items");
    if (items == null || items.isArray() && items.isEmpty()) {
      out.add(ORDER + "/items", "a storage order names the item to reserve");
    } else {
      requireEnergyPerItem(items, out);
    }
    if (window(order) == ABSENT) {
      out.add(ORDER + "/fulfillments", "a storage order states its window");
    }
    if (action.startsWith("on_") && Presence.of(message, "order", "quote") == ABSENT) {
      out.add(ORDER + "/quote", "the answer to " + action.substring(3) + " carries a quote");
    }
    if (action.endsWith("init") || action.endsWith("confirm")) {
      if (Presence.of(message, "order", "billing") == ABSENT) {
        out.add(ORDER + "/billing", "a storage order names its billing party");
      }
      JsonNode payments = order == null ? null : order.get("payments");
      if (payments == null || payments.isArray() && payments.isEmpty()) {
        out.add(ORDER + "/payments", "a storage order states its payment terms");
      }
    }
    if (action.equals("on_confirm") && order != null && (order.get("id") == null || order.get("status") == null)) {
      out.add(ORDER, "a confirmed order has an id and a status");
    }
  }

  private static Presence window(JsonNode order) {
    JsonNode fulfillments = order == null ? null : order.get("fulfillments");
    if (fulfillments == null) {
      return ABSENT;
    }
    if (!fulfillments.isArray()) {
      return Presence.WRONG_TYPE;
    }
    Presence result = ABSENT;
    for (JsonNode f : fulfillments) {
      result = result.or(Presence.ofStopWindow(f));
    }
    return result;
  }

  private static void update(JsonNode message, Findings out) {
    JsonNode order = message.get("order");
    if (order == null || !order.isObject()) {
      return;
    }
    if (order.get("id") == null) {
      out.add(ORDER, "an update names its order");
    }
    String target = Findings.text(message, "update_target");
    if (target == null) {
      return;
    }
    if (target.contains("order.items") && order.get("items") != null) {
      requireEnergyPerItem(order.get("items"), out);
    }
    JsonNode fulfillments = order.get("fulfillments");
    if (target.contains("order.fulfillments") && fulfillments != null && fulfillments.isArray()) {
      for (int i = 0; i < fulfillments.size(); i++) {
        JsonNode f = fulfillments.get(i);
        if (f.isObject() && Presence.ofStopWindow(f).or(Presence.ofGroup(f, TagGroup.TRANSFER_REQUEST)) == ABSENT) {
          out.add(ORDER + "/fulfillments/" + i, "an order.fulfillments update states a new window or a transfer-request");
        }
      }
    }
  }

  private static void requireEnergyPerItem(JsonNode items, Findings out) {
    for (int i = 0; items.isArray() && i < items.size(); i++) {
      if (Presence.of(items.get(i), "quantity", "selected", "measure") == ABSENT) {
        out.add(ORDER + "/items/" + i, "a storage order states the energy to reserve");
      }
    }
  }

  private static boolean containsString(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.isString() && value.equals(n.stringValue())) {
        return true;
      }
    }
    return false;
  }
}
