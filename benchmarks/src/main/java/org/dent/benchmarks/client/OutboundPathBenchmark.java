package org.dent.benchmarks.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.benchmarks.Fixtures;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.RetryPolicy;
import org.dent.core.error.ValidationException;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.AckResponse;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.validation.MessageValidator;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5 allocation: the outbound BAP path for one request, run with {@code -prof gc} for bytes allocated per
 * request ({@code gc.alloc.rate.norm}). {@link #outbound}: build (fresh message_id and timestamp on the bound
 * message) → tree ({@code codec.toTree}) → serialise that tree → validate that tree (schema + storage profile) →
 * {@code OutboundSender.send}: sign the bytes, POST with OkHttp, read and parse the ACK. {@link #okHttpOnly}: the
 * same bytes POSTed by OkHttp alone, for the share that is OkHttp's.
 *
 * <p>The instant-ACK receiver ({@link org.dent.benchmarks.load.BareAckServer}) runs in a child JVM: JMH's gc
 * profiler counts every thread of the benchmark JVM, and the receiver's allocations are not the sender's.
 * Messages: {@code search}, the smallest profile-valid storage search (~420 B compact); {@code confirm}, the worked
 * {@code 07-confirm.json} (~1.9 KB compact).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutboundPathBenchmark {
  @Param({"search", "confirm"})
  public String message;

  private static final MediaType JSON = MediaType.get("application/json");
  private static final String BAP = "bap.microgrid.example";

  private final DentCodec codec = DentCodec.standard();
  private final MessageValidator validator = MessageValidator.standard();
  private Process receiver;
  private URI base;
  private String bareUrl;
  private OkHttpClient http;
  private OutboundSender sender;
  private BecknMessage template;
  private byte[] templateBytes;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    receiver = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "org.dent.benchmarks.load.BareAckServer").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
    String port = null;
    for (String line; port == null && (line = out.readLine()) != null; ) {
      if (line.startsWith("port=")) {
        port = line.substring(5);
      }
    }
    if (port == null) {
      throw new IllegalStateException("receiver did not start");
    }
    base = URI.create("http://127.0.0.1:" + port);
    http = OutboundSender.defaultHttpClient();
    SigningKey key = SigningKey.generate();
    sender = OutboundSender.builder(Signer.builder(key, BAP, "k1").build()).httpClient(http)
        .retryPolicy(RetryPolicy.NONE).build();
    JsonNode fixture = message.equals("search") ? Fixtures.compactSearch() : Fixtures.confirm();
    BecknMessage m = codec.bind(fixture);
    template = m.withContext(m.context().toBuilder().bapId(BAP).build());
    templateBytes = codec.encode(template);
    bareUrl = base + "/" + template.action().wireName();
    outbound();
    System.out.printf("%n[fixture] %s %d bytes compact%n", message, templateBytes.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    receiver.destroy();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Benchmark
  public AckResponse outbound() {
    Context c = template.context().toBuilder()
        .messageId(UUID.randomUUID().toString())
        .timestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .build();
    BecknMessage m = template.withContext(c);
    JsonNode tree = codec.toTree(m);
    byte[] bytes = codec.encode(tree);
    List<Violation> violations = validator.validate(tree, m.action());
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return sender.send(base, m, bytes);
  }

  @Benchmark
  public int okHttpOnly() throws IOException {
    Request request = new Request.Builder().url(bareUrl).post(RequestBody.create(templateBytes, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }
}
