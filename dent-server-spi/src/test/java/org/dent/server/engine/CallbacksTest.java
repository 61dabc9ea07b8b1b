package org.dent.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.model.BecknError;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.profile.StorageProfile;
import org.dent.core.validation.MessageValidator;
import org.junit.jupiter.api.Test;

/** Every error callback the engine can produce is a valid message (a BAP NACKs invalid ones and never sees them). */
class CallbacksTest {
  @Test
  void everyErrorCallbackIsValid() {
    MessageValidator validator = MessageValidator.standard();
    for (Action action : Arrays.stream(Action.values()).filter(Action::isCallback).toList()) {
      Context c = Context.builder().domain(StorageProfile.DOMAIN).action(action.wireName()).version("1.1.0")
          .bapId("bap.example").bapUri("https://bap.example/dent").bppId("bpp.example")
          .bppUri("https://bpp.example/dent").transactionId(UUID.randomUUID().toString())
          .messageId(UUID.randomUUID().toString()).timestamp("2026-11-30T09:00:00.000Z").ttl("PT30S").build();
      BecknMessage m = Callbacks.withError(Callbacks.empty(action, c), new BecknError("30010",
          "/message/order_id", "order x not found", Map.of()));
      assertThat(validator.validate(DentCodec.standard().toTree(m))).as(action.wireName()).isEmpty();
    }
  }
}
