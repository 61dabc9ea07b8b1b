package org.dent.core.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dent.core.error.Violation;
import org.dent.core.model.Action;
import org.dent.core.validation.internal.MailboxFormat;
import tools.jackson.databind.JsonNode;

/**
 * Validates message trees against the Beckn core 1.1.0 schema bundled with the SDK (OpenAPI 3.0 dialect, formats
 * {@code date-time}, {@code uri}, {@code uuid}, {@code email} asserted).
 *
 * <p>Each action's request schema is compiled once, when the validator is created; {@link #validate(JsonNode,
 * Action)} is then thread-safe and allocation-light. Every violation has an RFC 6901 pointer into the message and
 * code {@code 30000}.
 */
public final class SchemaValidator {
  /**
   * Classpath location of the bundled schema: the JSON form of {@code beckn-core-1.1.0.yaml} beside it (see the
   * README there for origin and licence; a test keeps the two identical). JSON because it loads in a fraction of
   * the time YAML takes.
   */
  public static final String SCHEMA_RESOURCE = "org/dent/core/validation/beckn-core-1.1.0.json";

  private static final String SCHEMA_IRI = "urn:dent:beckn-core-1.1.0.json";

  private static final Set<String> NON_STANDARD_FORMATS =
      Set.of("phone", "alpha", "alphanumeric", "color", "style", "utc-millisec", "ip-address");

  private final Map<Action, Schema> schemas;

  private SchemaValidator(Map<Action, Schema> schemas) {
    this.schemas = schemas;
  }

  /** Compiles the request schema of all 20 actions from the bundled file. */
  public static SchemaValidator create() {
    String document = bundledSchema();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .cacheRefs(true)
        .build();
    // networknt also knows pattern "formats" that no JSON Schema or OpenAPI specification defines (phone,
    // alpha, color, ...). Beckn declares format: phone on support numbers; an unknown format is an annotation,
    // not an assertion, so those are dropped and only standard formats are checked.
    Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
        .formats(formats -> formats.keySet().removeAll(NON_STANDARD_FORMATS))
        .format(new MailboxFormat())
        .build();
    // The document is read once and served from memory under a fixed IRI; nothing is ever fetched remotely.
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, b -> b
        .schemaRegistryConfig(config)
        .schemas(Map.of(SCHEMA_IRI, document))
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    Map<Action, Schema> schemas = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_IRI + "#/paths/~1" + action.wireName()
          + "/post/requestBody/content/application~1json/schema"));
      schema.initializeValidators();
      schemas.put(action, schema);
    }
    return new SchemaValidator(schemas);
  }

  private static String bundledSchema() {
    try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates a message tree against the schema of {@code action}; empty when valid. */
  public List<Violation> validate(JsonNode message, Action action) {
    List<Error> errors = schemas.get(action).validate(message);
    if (errors.isEmpty()) {
      return List.of();
    }
    Set<Violation> out = new LinkedHashSet<>();
    for (Error e : errors) {
      String pointer = e.getInstanceLocation().toString();
      out.add(Violation.of(pointer, describe(e, pointer)));
    }
    List<Violation> list = new ArrayList<>(out);
    list.sort(null);
    return list;
  }

  private static String describe(Error e, String pointer) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    JsonNode value = e.getInstanceNode();
    switch (keyword) {
      case "format":
        return quote(value) + " is not a valid " + e.getSchemaNode().asString("") + " (format)";
      case "enum":
        return quote(value) + " is not one of " + e.getSchemaNode() + " (enum)";
      case "pattern":
        return quote(value) + " does not match " + e.getSchemaNode().asString("") + " (pattern)";
      default:
        String text = e.getMessage();
        // networknt prefixes its message with the instance location; the pointer is reported on its own.
        if (text.startsWith(pointer + ": ")) {
          text = text.substring(pointer.length() + 2);
        } else if (text.startsWith(": ")) {
          text = text.substring(2);
        }
        return keyword.isEmpty() ? text : text + " (" + keyword + ")";
    }
  }

  private static String quote(JsonNode value) {
    if (value == null) {
      return "value";
    }
    String text = value.isString() ? "'" + value.asString() + "'" : value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "...'" : text;
  }
}
