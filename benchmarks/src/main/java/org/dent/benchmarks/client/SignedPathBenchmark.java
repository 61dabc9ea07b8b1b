package org.dent.benchmarks.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dent.benchmarks.Fixtures;
import org.dent.client.transport.InboundHandler;
import org.dent.client.transport.InboundMessage;
import org.dent.client.transport.InboundPipeline;
import org.dent.client.transport.InboundResult;
import org.dent.core.error.Violation;
import org.dent.core.json.DentCodec;
import org.dent.core.model.AckResponse;
import org.dent.core.model.Action;
import org.dent.core.model.BecknMessage;
import org.dent.core.model.Context;
import org.dent.core.model.SearchRequest;
import org.dent.core.validation.MessageValidator;
import org.dent.signing.SignatureHeaders;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.VerifiedSender;
import org.dent.signing.Verifier;
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

/**
 * Where the CPU of one signed {@code search} → ACK goes, without HTTP: each stage of the sender (build, serialise,
 * sign, read the ACK) and of the receiver (verify, parse, validate, bind, and the whole {@link InboundPipeline}) on
 * its own, single-threaded. The load driver's CPU per request minus the floor's should be about the sum of these.
 * Clocks are fixed at setup so that pre-signed messages stay fresh for the whole run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignedPathBenchmark {
  /** {@code compact}: the ~400 B storage search; a number: the padded search of at least that many bytes. */
  @Param({"compact", "10240"})
  public String search;

  private static final String BAP = "bap.microgrid.example";
  private static final int MESSAGES = 512;

  private final DentCodec codec = DentCodec.standard();
  private final MessageValidator validator = MessageValidator.standard();
  private BecknMessage template;
  private Signer signer;
  private Verifier verifier;
  private InboundPipeline pipeline;
  private byte[][] bodies;
  private String[] headers;
  private byte[] body;
  private String header;
  private JsonNode tree;
  private byte[] ack;
  private int next;

  @Setup
  public void setup() {
    Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    JsonNode fixture = search.equals("compact") ? Fixtures.compactSearch()
        : Fixtures.paddedSearch(Integer.parseInt(search));
    template = codec.bind(fixture);
    template = template.withContext(template.context().toBuilder().bapId(BAP).build());
    SigningKey key = SigningKey.generate();
    signer = Signer.builder(key, BAP, "k1").clock(clock).build();
    verifier = Verifier.builder(StaticKeyResolver.builder().add(BAP, "k1", key.publicKey()).build()).clock(clock)
        .build();
    pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, "bpp.voltvault.example", verifier)
        .clock(clock).executor(Runnable::run)
        .handler(new InboundHandler() {
          @Override
          public void handle(InboundMessage message) {
            // nothing: the business is not measured
          }
        }).build();
    bodies = new byte[MESSAGES][];
    headers = new String[MESSAGES];
    for (int i = 0; i < MESSAGES; i++) {
      Context c = template.context().toBuilder().messageId(java.util.UUID.randomUUID().toString())
          .timestamp(Instant.now(clock).toString()).build();
      bodies[i] = codec.encode(template.withContext(c));
      headers[i] = signer.sign(bodies[i]).value();
    }
    body = bodies[0];
    header = headers[0];
    tree = codec.readTree(body);
    ack = InboundResult.ack().body();
    InboundResult r = pipeline();
    if (!r.isAck() || !validator.validate(tree, Action.SEARCH).isEmpty()) {
      throw new IllegalStateException("setup: " + r);
    }
    System.out.printf("%n[fixture] search %d bytes%n", body.length);
  }

  /** A fresh message_id and timestamp on the template, then serialised: what a sender does per request. */
  @Benchmark
  public byte[] outBuildEncode() {
    Context c = template.context().toBuilder().messageId(java.util.UUID.randomUUID().toString())
        .timestamp(Instant.now().toString()).build();
    return codec.encode(template.withContext(c));
  }

  /** BLAKE2b-512 of the body plus an Ed25519 signature, formatted as the header. */
  @Benchmark
  public String outSign() {
    return signer.sign(body).value();
  }

  /** The sender reading the receiver's ACK. */
  @Benchmark
  public AckResponse outReadAck() {
    return codec.bind(codec.readTree(ack), AckResponse.class);
  }

  @Benchmark
  public VerifiedSender inVerify() {
    return verifier.verify(header, body, null);
  }

  @Benchmark
  public JsonNode inParse() {
    return codec.readTree(body);
  }

  @Benchmark
  public List<Violation> inValidate() {
    return validator.validate(tree, Action.SEARCH);
  }

  @Benchmark
  public SearchRequest inBind() {
    return codec.bind(tree, SearchRequest.class);
  }

  /** The whole receiver: verify, parse, validate, bind, checks, dedupe, ACK (later passes are duplicates). */
  @Benchmark
  public InboundResult pipeline() {
    int i = next++ & (MESSAGES - 1);
    String h = headers[i];
    Map<String, String> hs = Map.of(SignatureHeaders.AUTHORIZATION, h);
    return pipeline.process("/bpp/search", hs::get, bodies[i]);
  }
}
