package org.dent.core.json;

import java.util.List;
import org.dent.core.error.MalformedMessageException;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON codec for DENT messages: bytes → tree → typed record and back, losing nothing.
 *
 * <p>Reading is strict and bounded, so hostile input fails fast with a {@link MalformedMessageException} that
 * names the position (line, column) or the JSON pointer: documents over {@link Builder#maxBytes(int)}, nesting
 * deeper than {@link Builder#maxDepth(int)}, numbers longer than {@link Builder#maxNumberLength(int)} digits,
 * duplicate keys, trailing content and invalid UTF-8 are refused. Decimal numbers are read as {@code
 * BigDecimal} with their scale kept; values of the wrong JSON type are never coerced (a number where a string
 * belongs fails instead of changing the document when written back).
 *
 * <p>Thread-safe and immutable; build one (or use {@link #standard()}) and share it.
 */
public final class DentCodec {
  /** Default cap on a document: 8 MiB. */
  public static final int DEFAULT_MAX_BYTES = 8 << 20;
  /** Default cap on nesting depth; real DENT messages stay under 20. */
  public static final int DEFAULT_MAX_DEPTH = 128;
  /** Default cap on the characters of one JSON number. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 64;

  private static final DentCodec STANDARD = builder().build();

  private final JsonMapper mapper;
  private final int maxBytes;

  private DentCodec(Builder b) {
    this.maxBytes = b.maxBytes;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxDocumentLength(b.maxBytes)
        .maxNestingDepth(b.maxDepth)
        .maxNumberLength(b.maxNumberLength)
        .maxStringLength(b.maxBytes)
        .build();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .addModule(new RecordCreators())
        .build();
  }

  /** The shared codec with default limits. */
  public static DentCodec standard() {
    return STANDARD;
  }

  /** A builder with the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configured mapper, for callers that need Jackson directly (it is immutable). */
  public JsonMapper mapper() {
    return mapper;
  }

  /** The largest document this codec reads, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Parses bytes into a tree.
   *
   * @throws MalformedMessageException when the bytes are not one well-formed JSON object within the limits
   */
  public JsonNode readTree(byte[] bytes) {
    if (bytes.length > maxBytes) {
      throw new MalformedMessageException(
          "document is " + bytes.length + " bytes, more than the limit of " + maxBytes, "", 0, 0, null);
    }
    JsonNode tree;
    try (JsonParser parser = mapper.createParser(bytes)) {
      try {
        tree = mapper.readTree(parser);
      } catch (JacksonException e) {
        // Constraint violations (length, depth) carry no location of their own: use where the parser stopped.
        throw malformed(e, "not valid JSON", e.getLocation() != null ? e.getLocation() : parser.currentLocation());
      }
    } catch (StackOverflowError e) {
      // Unreachable with the depth limit, kept as a last line of defence.
      throw new MalformedMessageException("document nested too deeply", "", 0, 0, null);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new MalformedMessageException("empty document", "", 1, 1, null);
    }
    if (!tree.isObject()) {
      throw new MalformedMessageException("a DENT message is a JSON object, found " + tree.getNodeType(), "", 1, 1,
          null);
    }
    return tree;
  }

  /** Parses and binds: {@code readTree} then {@link #bind(JsonNode)}. */
  public BecknMessage decode(byte[] bytes) {
    return bind(readTree(bytes));
  }

  /**
   * The action a message tree declares in {@code context.action}.
   *
   * @throws MalformedMessageException when {@code context} or {@code context.action} is missing or unknown
   */
  public Action actionOf(JsonNode tree) {
    JsonNode context = tree.get("context");
    if (context == null || !context.isObject()) {
      throw new MalformedMessageException("message has no context object", "/context", 0, 0, null);
    }
    JsonNode action = context.get("action");
    if (action == null || !action.isString()) {
      throw new MalformedMessageException("context.action is missing", "/context/action", 0, 0, null);
    }
    Action a = Action.fromWireName(action.asString());
    if (a == null) {
      throw new MalformedMessageException("unknown action '" + action.asString() + "'", "/context/action", 0, 0,
          null);
    }
    return a;
  }

  /** Binds a message tree to the record of the action it declares in {@code context.action}. */
  public BecknMessage bind(JsonNode tree) {
    return bind(tree, actionOf(tree).messageType());
  }

  /**
   * Binds a tree to a type.
   *
   * @throws MalformedMessageException naming the JSON pointer of the first member that does not fit the type
   */
  public <T> T bind(JsonNode tree, Class<T> type) {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw malformed(e, "does not fit " + type.getSimpleName(), e.getLocation());
    }
  }

  /** Serialises a message, an ACK/NACK or any model record to UTF-8 JSON bytes. */
  public byte[] encode(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  /** The tree of a model record, as {@link #encode(Object)} would write it. */
  public JsonNode toTree(Object value) {
    return mapper.valueToTree(value);
  }

  private static MalformedMessageException malformed(JacksonException e, String what, TokenStreamLocation loc) {
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    long column = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
    String pointer = pointer(e.getPath());
    String detail = e.getOriginalMessage();
    int cut = detail == null ? -1 : detail.indexOf('\n');
    if (cut >= 0) {
      detail = detail.substring(0, cut);
    }
    return new MalformedMessageException(what + ": " + detail, pointer, line, column, e);
  }

  /** RFC 6901 pointer of a Jackson reference path ({@code ""} for the root). */
  static String pointer(List<JacksonException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : path) {
      sb.append('/');
      if (ref.getPropertyName() != null) {
        sb.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        sb.append(ref.getIndex());
      }
    }
    return sb.toString();
  }

  /** Limits for a {@link DentCodec}. */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;

    private Builder() {}

    /** Largest document in bytes (default 8 MiB). */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** Deepest nesting of arrays and objects (default 128). */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth <= 0) {
        throw new IllegalArgumentException("maxDepth must be positive");
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** Longest JSON number in characters (default 64). */
    public Builder maxNumberLength(int maxNumberLength) {
      if (maxNumberLength <= 0) {
        throw new IllegalArgumentException("maxNumberLength must be positive");
      }
      this.maxNumberLength = maxNumberLength;
      return this;
    }

    /** Builds the codec; the mapper is configured once here. */
    public DentCodec build() {
      return new DentCodec(this);
    }
  }
}
