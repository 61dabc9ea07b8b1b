package org.dent.core.profile;

import tools.jackson.databind.JsonNode;

/**
 * The fields the storage profile requires per action (DESIGN.md §3 table). A requirement is reported only when
 * the field is absent; when something on its path has the wrong JSON type the schema reports that instead.
 * Callbacks that carry an {@code error} are exempt: they may have no order at all.
 */
final class ActionRules {
  private static final int ABSENT = 0;
  private static final int PRESENT = 1;

  private ActionRules() {}

  static void check(String action, JsonNode message, Findings out) {
    String order = "/message/order";
    switch (action) {
      case "search" -> search(message, out);
      case "on_search" -> onSearch(message, out);
      case "select", "on_select", "init", "on_init", "confirm", "on_confirm" -> {
        JsonNode o = message.get("order");
        if (o != null && !o.isObject()) {
          return;
        }
        reservation(o, out);
        if (action.startsWith("on_") && presence(message, "order", "quote") == ABSENT) {
          out.add(order + "/quote", "the answer to " + action.substring(3) + " carries a quote");
        }
        if (action.endsWith("init") || action.endsWith("confirm")) {
          if (presence(message, "order", "billing") == ABSENT) {
            out.add(order + "/billing", "a storage order names its billing party");
          }
          JsonNode payments = o == null ? null : o.get("payments");
          if (payments == null || payments.isNull() || payments.isArray() && payments.isEmpty()) {
            out.add(order + "/payments", "a storage order states its payment terms");
          }
        }
        if (action.equals("on_confirm") && o != null && (Findings.absent(o, "id") || Findings.absent(o, "status"))) {
          out.add(order, "a confirmed order has an id and a status");
        }
      }
      case "update" -> update(message, out);
      default -> {
        // status, track, cancel, rating, support and their callbacks: nothing beyond the value rules
      }
    }
  }

  /** {@code order.status}, where present, is one of {@link StorageProfile#ORDER_STATUSES}. */
  static void orderStatus(JsonNode message, Findings out) {
    String status = Findings.text(message.get("order"), "status");
    if (status != null && !StorageProfile.ORDER_STATUSES.contains(status)) {
      out.add("/message/order/status", "order status is " + Findings.joinOr(StorageProfile.ORDER_STATUSES));
    }
  }

  private static void search(JsonNode message, Findings out) {
    if (presence(message, "intent", "category", "descriptor") == ABSENT) {
      out.add("/message/intent/category", "a storage search names category " + StorageProfile.CATEGORY);
    } else {
      String code = Findings.descriptorCode(message.path("intent").path("category"));
      if (code != null && !code.equals(StorageProfile.CATEGORY)) {
        out.add("/message/intent/category/descriptor/code",
            "a storage search names category " + StorageProfile.CATEGORY);
      }
    }
    if (presence(message, "intent", "item", "quantity", "selected", "measure") == ABSENT) {
      out.add("/message/intent/item", "a storage search states the energy to store");
    }
    if (presence(message, "intent", "fulfillment", "stops", 0, "time", "range") == ABSENT) {
      out.add("/message/intent/fulfillment", "a storage search states the storage window");
    }
  }

  private static void onSearch(JsonNode message, Findings out) {
    JsonNode providers = message.path("catalog").path("providers");
    for (int i = 0; providers.isArray() && i < providers.size(); i++) {
      JsonNode items = providers.get(i).path("items");
      for (int j = 0; items.isArray() && j < items.size(); j++) {
        JsonNode item = items.get(j);
        if (!item.isObject()) {
          continue;
        }
        String p = "/message/catalog/providers/" + i + "/items/" + j;
        JsonNode categories = item.get("category_ids");
        if (categories == null || categories.isArray() && !containsString(categories, StorageProfile.CATEGORY)) {
          out.add(p, "a storage offer lists category " + StorageProfile.CATEGORY);
        }
        if (presence(item, "time", "range") == ABSENT) {
          out.add(p, "a storage offer states its availability window");
        }
        if (presence(item, "quantity", "available", "measure") == ABSENT) {
          out.add(p, "a storage offer states its free energy");
        }
        for (TagGroup g : new TagGroup[] {TagGroup.STORAGE_SPEC, TagGroup.PRICING}) {
          JsonNode tags = item.get("tags");
          if (tags == null || tags.isArray() && !hasGroup(tags, g)) {
            out.add(p, "a storage offer carries tag group " + g.code());
          }
        }
      }
    }
  }

  /** select … on_confirm: items with the energy to reserve and a window on some fulfillment stop. */
  private static void reservation(JsonNode order, Findings out) {
    JsonNode items = order == null ? null : order.get("items");
    if (items == null || items.isNull() || items.isArray() && items.isEmpty()) {
      out.add("/message/order/items", "a storage order names the item to reserve");
    } else {
      requireEnergyPerItem(items, out);
    }
    JsonNode fulfillments = order == null ? null : order.get("fulfillments");
    if (fulfillments != null && !fulfillments.isNull() && !fulfillments.isArray()) {
      return;
    }
    boolean window = false;
    for (int i = 0; fulfillments != null && i < fulfillments.size(); i++) {
      window |= hasStopWindow(fulfillments.get(i));
    }
    if (!window) {
      out.add("/message/order/fulfillments", "a storage order states its window");
    }
  }

  private static void update(JsonNode message, Findings out) {
    JsonNode order = message.get("order");
    if (order == null || !order.isObject()) {
      return;
    }
    if (Findings.absent(order, "id")) {
      out.add("/message/order", "an update names its order");
    }
    String target = Findings.text(message, "update_target");
    if (target == null) {
      return;
    }
    if (target.contains("order.items") && order.get("items") != null && order.get("items").isArray()) {
      requireEnergyPerItem(order.get("items"), out);
    }
    JsonNode fulfillments = order.get("fulfillments");
    if (target.contains("order.fulfillments") && fulfillments != null && fulfillments.isArray()) {
      for (int i = 0; i < fulfillments.size(); i++) {
        JsonNode f = fulfillments.get(i);
        if (f.isObject() && !hasStopWindow(f) && !(f.get("tags") != null && f.get("tags").isArray()
            && hasGroup(f.get("tags"), TagGroup.TRANSFER_REQUEST))) {
          out.add("/message/order/fulfillments/" + i,
              "an order.fulfillments update states a new window or a transfer-request");
        }
      }
    }
  }

  private static void requireEnergyPerItem(JsonNode items, Findings out) {
    for (int i = 0; items.isArray() && i < items.size(); i++) {
      if (items.get(i).isObject() && presence(items.get(i), "quantity", "selected", "measure") == ABSENT) {
        out.add("/message/order/items/" + i, "a storage order states the energy to reserve");
      }
    }
  }

  private static boolean hasStopWindow(JsonNode fulfillment) {
    JsonNode stops = fulfillment.path("stops");
    for (int i = 0; stops.isArray() && i < stops.size(); i++) {
      if (presence(stops.get(i), "time", "range") == PRESENT) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasGroup(JsonNode tags, TagGroup group) {
    for (JsonNode g : tags) {
      if (group.code().equals(Findings.descriptorCode(g))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsString(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.isString() && value.equals(n.stringValue())) {
        return true;
      }
    }
    return false;
  }

  /** {@link #PRESENT} when the path leads to an object, {@link #ABSENT} when a step is missing, -1 on a wrong type. */
  static int presence(JsonNode start, Object... path) {
    JsonNode node = start;
    for (Object step : path) {
      JsonNode next;
      if (step instanceof Integer index) {
        if (!node.isArray()) {
          return -1;
        }
        next = index < node.size() ? node.get(index) : null;
      } else {
        if (!node.isObject()) {
          return -1;
        }
        next = node.get((String) step);
      }
      if (next == null || next.isNull()) {
        return ABSENT;
      }
      node = next;
    }
    return node.isObject() ? PRESENT : -1;
  }
}
