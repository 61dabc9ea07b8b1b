package org.dent.benchmarks.signing;

import java.nio.charset.StandardCharsets;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;

/**
 * Time to the first signature in a fresh JVM: key creation, signer set-up and one sign of a 1 KB body, including
 * all class loading and BouncyCastle table set-up. Run it in a new JVM each time:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dent.benchmarks.signing.ColdSign</pre>
 */
public final class ColdSign {
  private ColdSign() {}

  public static void main(String[] args) {
    byte[] seed = new byte[32];
    seed[0] = 1;
    byte[] body = new byte[1024];
    java.util.Arrays.fill(body, (byte) 'x');
    if (args.length > 0 && args[0].equals("bare")) {
      bare(seed, body);
      return;
    }
    long t0 = System.nanoTime();
    SigningKey key = SigningKey.fromSeed(seed);
    long t1 = System.nanoTime();
    Signer signer = Signer.builder(key, "bap.example.com", "k1").build();
    String header = signer.sign(body).value();
    long t2 = System.nanoTime();
    body[0] = 'y';
    String second = signer.sign(body).value();
    long t3 = System.nanoTime();
    System.out.printf("cold first sign: %.1f ms (key %.1f ms + first sign %.1f ms); second sign %.3f ms%n",
        (t2 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    if (header.isEmpty() || second.isEmpty()) {
      throw new IllegalStateException();
    }
  }

  /** The same first signature with bare BouncyCastle, for comparison. */
  private static void bare(byte[] seed, byte[] body) {
    long t0 = System.nanoTime();
    org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters key =
        new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0);
    long created = System.currentTimeMillis() / 1000;
    org.bouncycastle.crypto.digests.Blake2bDigest d = new org.bouncycastle.crypto.digests.Blake2bDigest(512);
    d.update(body, 0, body.length);
    byte[] digest = new byte[64];
    d.doFinal(digest, 0);
    byte[] signingString = new StringBuilder().append("(created): ").append(created).append("\n(expires): ")
        .append(created + 300).append("\ndigest: BLAKE-512=").append(java.util.Base64.getEncoder()
        .encodeToString(digest)).toString().getBytes(StandardCharsets.UTF_8);
    org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
    signer.init(true, key);
    signer.update(signingString, 0, signingString.length);
    byte[] sig = signer.generateSignature();
    long t1 = System.nanoTime();
    System.out.printf("bare BouncyCastle cold first sign: %.1f ms (%d-byte signature)%n", (t1 - t0) / 1e6,
        sig.length);
  }
}
