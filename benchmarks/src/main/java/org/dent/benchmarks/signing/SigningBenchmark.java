package org.dent.benchmarks.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.dent.signing.AuthorizationHeader;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.VerifiedSender;
import org.dent.signing.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign and verify (digest included) with dent-signing versus bare BouncyCastle doing the same work
 * ({@code Blake2bDigest} + signing string + {@code Ed25519Signer}), plus header parsing.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SigningBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBenchmark {
  static final long CREATED = 1_700_000_000L;
  static final long EXPIRES = CREATED + 30;
  static final byte[] SEED = new byte[32];

  static {
    new Random(1).nextBytes(SEED);
  }

  /** A body of the given size and everything prepared once. */
  @State(Scope.Benchmark)
  public static class Bodies {
    @Param({"1024", "10240", "102400"})
    int size;

    byte[] body;
    Signer signer;
    Verifier verifier;
    String header;
    Ed25519PrivateKeyParameters bcPrivate;
    Ed25519PublicKeyParameters bcPublic;
    byte[] signature;

    @Setup
    public void setup() {
      body = new byte[size];
      Random rnd = new Random(size);
      for (int i = 0; i < size; i++) {
        body[i] = (byte) (' ' + rnd.nextInt(95)); // printable ASCII, like JSON
      }
      SigningKey key = SigningKey.fromSeed(SEED);
      signer = Signer.builder(key, "bap.example.com", "k1").build();
      verifier = Verifier.builder(StaticKeyResolver.builder().add("bap.example.com", "k1", key.publicKey()).build())
          .clock(Clock.fixed(Instant.ofEpochSecond(CREATED + 1), ZoneOffset.UTC)).build();
      AuthorizationHeader h = signer.sign(body, CREATED, EXPIRES);
      header = h.value();
      signature = h.signature();
      bcPrivate = new Ed25519PrivateKeyParameters(SEED, 0);
      bcPublic = bcPrivate.generatePublicKey();
      if (!bareVerify(this)) {
        throw new IllegalStateException("bare BouncyCastle disagrees with dent-signing");
      }
    }
  }

  /** One header value to parse. */
  @State(Scope.Benchmark)
  public static class Headers {
    String header;

    @Setup
    public void setup() {
      header = Signer.builder(SigningKey.fromSeed(SEED), "bap.example.com", "ae3ea24b-cfec-495e-81f8-044aaef164ac")
          .build().sign(new byte[0], CREATED, EXPIRES).value();
    }
  }

  @Benchmark
  public String ourSign(Bodies s) {
    return s.signer.sign(s.body, CREATED, EXPIRES).value();
  }

  @Benchmark
  public VerifiedSender ourVerify(Bodies s) {
    return s.verifier.verify(s.header, s.body, "bap.example.com");
  }

  @Benchmark
  public String bareBcSign(Bodies s) {
    byte[] signingString = bareSigningString(s.body);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, s.bcPrivate);
    signer.update(signingString, 0, signingString.length);
    return Base64.getEncoder().encodeToString(signer.generateSignature());
  }

  @Benchmark
  public boolean bareBcVerify(Bodies s) {
    return bareVerify(s);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public AuthorizationHeader headerParse(Headers h) {
    return AuthorizationHeader.parse(h.header);
  }

  static boolean bareVerify(Bodies s) {
    byte[] signingString = bareSigningString(s.body);
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, s.bcPublic);
    verifier.update(signingString, 0, signingString.length);
    return verifier.verifySignature(s.signature);
  }

  /** What a straightforward implementation does: digest, base64, string concatenation, UTF-8 bytes. */
  static byte[] bareSigningString(byte[] body) {
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(body, 0, body.length);
    byte[] d = new byte[64];
    digest.doFinal(d, 0);
    String s = "(created): " + CREATED + "\n(expires): " + EXPIRES + "\ndigest: BLAKE-512="
        + Base64.getEncoder().encodeToString(d);
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
