package org.dent.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.validation.MessageValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents the benchmarks send and validate, generated in memory from the worked storage messages (copied
 * unchanged from {@code dent-core/src/test/resources/examples/dent-energy-storage/}) so no large file is committed.
 * Every generated document is checked against {@link MessageValidator} before it is handed out: a benchmark of a
 * document that fails validation would measure the error path.
 */
public final class Fixtures {
  private static final String EXAMPLES = "org/dent/benchmarks/examples/";
  private static final DentCodec CODEC = DentCodec.standard();
  /** Items per provider in generated catalogs; a new provider is started after this many. */
  private static final int ITEMS_PER_PROVIDER = 8;

  private Fixtures() {}

  /** A worked example as a tree. */
  public static ObjectNode example(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(EXAMPLES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + EXAMPLES + name);
      }
      return (ObjectNode) CODEC.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact UTF-8 bytes of a tree, as a sender puts them on the wire. */
  public static byte[] compact(JsonNode tree) {
    return CODEC.encode(tree);
  }

  /**
   * An {@code on_search} of at least {@code minBytes} compact bytes: the worked example's provider and item
   * replicated with unique provider, location and item ids ({@value #ITEMS_PER_PROVIDER} items per provider), stopping
   * at the first document that reaches the size.
   */
  public static byte[] onSearch(int minBytes) {
    ObjectNode doc = example("02-on_search.json");
    ArrayNode providers = (ArrayNode) doc.path("message").path("catalog").path("providers");
    ObjectNode providerTemplate = (ObjectNode) providers.get(0).deepCopy();
    ObjectNode itemTemplate = (ObjectNode) providerTemplate.path("items").get(0).deepCopy();
    providers.removeAll();
    int items = 0;
    byte[] bytes = compact(doc);
    ArrayNode currentItems = null;
    while (bytes.length < minBytes) {
      if (currentItems == null || currentItems.size() == ITEMS_PER_PROVIDER) {
        int p = providers.size();
        ObjectNode provider = providerTemplate.deepCopy();
        provider.put("id", "voltvault-" + p);
        ((ObjectNode) provider.path("locations").get(0)).put("id", "vv-site-" + p);
        currentItems = (ArrayNode) provider.path("items");
        currentItems.removeAll();
        providers.add(provider);
      }
      int p = providers.size() - 1;
      ObjectNode item = itemTemplate.deepCopy();
      item.put("id", "vv-bess-" + p + "-" + items++);
      ArrayNode locationIds = (ArrayNode) item.path("location_ids");
      locationIds.removeAll();
      locationIds.add("vv-site-" + p);
      currentItems.add(item);
      bytes = compact(doc);
    }
    return requireValid(bytes, Action.ON_SEARCH);
  }

  /**
   * A profile-valid {@code search} of at least {@code minBytes}: the worked {@code 01-search.json} with an unknown
   * extension member {@code message.intent["x-padding"]} (an array of small objects) that the codec keeps and the
   * core schema allows. Searches are small by nature; the padding stands in for a richer intent.
   */
  public static ObjectNode paddedSearch(int minBytes) {
    ObjectNode doc = example("01-search.json");
    ObjectNode intent = (ObjectNode) doc.path("message").path("intent");
    ArrayNode padding = intent.putArray("x-padding");
    int i = 0;
    while (compact(doc).length < minBytes) {
      ObjectNode entry = padding.addObject();
      entry.put("code", "pad-" + i);
      entry.put("value", "padding entry " + i + " to bring the search to its benchmark size");
      i++;
    }
    requireValid(compact(doc), Action.SEARCH);
    return doc;
  }

  /**
   * The smallest storage search the profile accepts (category, energy to store, window), with short ids; about
   * 400 bytes compact with real UUIDs and a millisecond timestamp in the context.
   */
  public static ObjectNode compactSearch() {
    String json = """
        {"context":{"domain":"dent:energy-storage:0.1.0","action":"search","version":"1.1.0",\
        "bap_id":"bap.example","bap_uri":"http://127.0.0.1/bap",\
        "transaction_id":"6f1c2a9e-5d4b-4c1e-9a0f-3b2d7e8f9a10",\
        "message_id":"00000000-0000-4000-8000-000000000001","timestamp":"2026-11-30T09:00:00.000Z","ttl":"PT30S"},\
        "message":{"intent":{"category":{"descriptor":{"code":"energy-storage"}},\
        "item":{"quantity":{"selected":{"measure":{"value":"50","unit":"kWh"}}}},\
        "fulfillment":{"stops":[{"time":{"range":{"start":"2026-12-01T10:00:00Z","end":"2026-12-01T18:00:00Z"}}}]}}}}""";
    ObjectNode doc = (ObjectNode) CODEC.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    requireValid(compact(doc), Action.SEARCH);
    return doc;
  }

  /** The worked {@code 07-confirm.json} (about 1.9 KB compact). */
  public static ObjectNode confirm() {
    ObjectNode doc = example("07-confirm.json");
    requireValid(compact(doc), Action.CONFIRM);
    return doc;
  }

  /** Fails fast when {@code bytes} is not a valid message of {@code action}. */
  public static byte[] requireValid(byte[] bytes, Action action) {
    List<Violation> violations = MessageValidator.standard().validate(CODEC.readTree(bytes), action);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("fixture is not valid " + action.wireName() + ": " + violations);
    }
    return bytes;
  }
}
