package org.dent.benchmarks.core;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dent.benchmarks.Fixtures;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.profile.StorageProfileValidator;
import org.dent.core.validation.MessageValidator;
import org.dent.core.validation.SchemaValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3: parse + schema-validate + profile-validate an {@code on_search}, against the floor of a bare Jackson
 * tree parse plus bare networknt validation of the same bytes. {@code floor}, {@code ours} and {@code
 * oursFullDecode} are the headline numbers; the {@code part*} benchmarks split each side into its stages on a
 * tree parsed once in setup, so a gap can be attributed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  /** Compact size of the generated {@code on_search}, at least this many bytes. */
  @Param({"10240", "102400"})
  public int size;

  private static final String ON_SEARCH_SCHEMA = "classpath:" + SchemaValidator.SCHEMA_RESOURCE
      + "#/paths/~1on_search/post/requestBody/content/application~1json/schema";

  private byte[] bytes;
  private JsonNode tree;

  private JsonMapper plainMapper;
  private Schema plainSchema;

  private DentCodec codec;
  private MessageValidator validator;
  private SchemaValidator schemaValidator;
  private StorageProfileValidator profileValidator;

  @Setup
  public void setup() {
    bytes = Fixtures.onSearch(size);
    plainMapper = JsonMapper.builder().build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    plainSchema = registry.getSchema(SchemaLocation.of(ON_SEARCH_SCHEMA));
    plainSchema.initializeValidators();

    codec = DentCodec.standard();
    validator = MessageValidator.create();
    schemaValidator = SchemaValidator.create();
    profileValidator = new StorageProfileValidator();
    tree = codec.readTree(bytes);
    if (!plainMapper.treeToValue(tree, OnSearchCallback.class).equals(codec.bind(tree))) {
      throw new IllegalStateException("DentCodec binds differently from a default Jackson mapper");
    }

    List<Error> floorErrors = floor();
    List<Violation> ours = ours();
    if (!floorErrors.isEmpty() || !ours.isEmpty()) {
      throw new IllegalStateException("fixture must be valid: floor " + floorErrors + ", ours " + ours);
    }
    System.out.printf("%n[fixture] on_search %d bytes compact%n", bytes.length);
  }

  /** Bare Jackson 3 tree parse + bare networknt validation of the on_search schema. */
  @Benchmark
  public List<Error> floor() {
    return plainSchema.validate(plainMapper.readTree(bytes));
  }

  /** DentCodec parse + MessageValidator (schema + storage profile). */
  @Benchmark
  public List<Violation> ours() {
    return validator.validate(codec.readTree(bytes), Action.ON_SEARCH);
  }

  /** As {@link #ours()}, then bound to the typed record. */
  @Benchmark
  public BecknMessage oursFullDecode() {
    JsonNode t = codec.readTree(bytes);
    List<Violation> violations = validator.validate(t, Action.ON_SEARCH);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(violations.toString());
    }
    return codec.bind(t);
  }

  @Benchmark
  public JsonNode partParseFloor() {
    return plainMapper.readTree(bytes);
  }

  @Benchmark
  public JsonNode partParseOurs() {
    return codec.readTree(bytes);
  }

  @Benchmark
  public List<Error> partSchemaFloor() {
    return plainSchema.validate(tree);
  }

  @Benchmark
  public List<Violation> partSchemaOurs() {
    return schemaValidator.validate(tree, Action.ON_SEARCH);
  }

  @Benchmark
  public List<Violation> partProfileOurs() {
    return profileValidator.validate(tree);
  }

  @Benchmark
  public BecknMessage partBindOurs() {
    return codec.bind(tree);
  }

  /** Bind with a default Jackson mapper (its per-call spreader for every record): the floor for binding. */
  @Benchmark
  public OnSearchCallback partBindJackson() {
    return plainMapper.treeToValue(tree, OnSearchCallback.class);
  }
}
