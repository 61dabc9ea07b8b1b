package org.dent.client.correlation;

import java.util.List;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Fulfillment;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.Order;
import org.dent.core.model.Tag;
import org.dent.core.model.TagGroup;

/** Reads the storage profile's telemetry {@code seq} from a status or update callback. */
final class Telemetry {
  private Telemetry() {}

  /** The {@code storage-telemetry.seq} of the message, or -1 when it carries none. */
  static long seq(BecknMessage message) {
    Order order = null;
    if (message instanceof OnStatusCallback s && s.message() != null) {
      order = s.message().order();
    } else if (message instanceof OnUpdateCallback u && u.message() != null) {
      order = u.message().order();
    }
    if (order == null || order.fulfillments() == null) {
      return -1;
    }
    for (Fulfillment f : order.fulfillments()) {
      if (f == null || f.tags() == null) {
        continue;
      }
      for (TagGroup group : f.tags()) {
        if (group == null || group.descriptor() == null || !"storage-telemetry".equals(group.descriptor().code())) {
          continue;
        }
        List<Tag> list = group.list();
        for (Tag tag : list == null ? List.<Tag>of() : list) {
          if (tag != null && tag.descriptor() != null && "seq".equals(tag.descriptor().code())) {
            try {
              return Long.parseLong(tag.value());
            } catch (NumberFormatException e) {
              return -1;
            }
          }
        }
      }
    }
    return -1;
  }
}
