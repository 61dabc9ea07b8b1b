package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.dent.signing.SignatureVerificationException.Reason;
import org.junit.jupiter.api.Test;

/**
 * Bodies are signed as exact bytes, and changing any byte of body, header parameter or key makes verification fail
 * with the right reason. Randomized cases use fixed seeds; the seed is in every assertion message.
 */
class TamperTest {
  private static final long T0 = 1_700_000_000L;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final TestKeys.MutableClock clock = new TestKeys.MutableClock(T0 + 10);
  private final Signer signer = Signer.builder(TestKeys.BAP, "bap.example", "k1").build();
  private final Signer other = Signer.builder(TestKeys.BG, "bap.example", "k2").build();
  private final Verifier verifier = Verifier.builder(StaticKeyResolver.builder()
      .add("bap.example", "k1", TestKeys.BAP.publicKey())
      .add("bap.example", "k2", TestKeys.BG.publicKey()).build()).clock(clock).build();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private Reason reasonOf(String header, byte[] body) {
    Throwable t = catchThrowable(() -> verifier.verify(header, body, "bap.example"));
    assertThat(t).isInstanceOf(SignatureVerificationException.class);
    return ((SignatureVerificationException) t).reason();
  }

  @Test
  void bodiesAreSignedAsExactBytes() {
    byte[][] variants = {
        utf8("{\"a\":\"b\"}\n"), utf8("{\"a\":\"b\"}\r\n"), utf8("{\"a\":\"b\"}"),
        concat(BOM, utf8("{\"a\":\"b\"}")),
        utf8("{\"url\":\"https:\\/\\/x\"}"), utf8("{\"url\":\"https://x\"}"),
        utf8("{\"n\":\"Caf\u00e9 \u2122 \u26a1\"}"), utf8("{\"n\":\"Cafe\\u0301 \\u2122 \\u26a1\"}"),
        utf8("{\"a\": \"b\"}"), new byte[0], new byte[] {0}, utf8(" "),
    };
    for (int i = 0; i < variants.length; i++) {
      String h = signer.sign(variants[i], T0, T0 + 60).value();
      assertThat(verifier.verify(h, variants[i], "bap.example")).as("variant %d", i).isNotNull();
      for (int j = 0; j < variants.length; j++) {
        if (j != i) {
          assertThat(reasonOf(h, variants[j])).as("signed %d, verified %d", i, j).isEqualTo(Reason.BAD_SIGNATURE);
        }
      }
    }
  }

  @Test
  void anyChangedBodyByteFails() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      byte[] body = new byte[rnd.nextInt(2048) + 1];
      rnd.nextBytes(body);
      String h = signer.sign(body, T0, T0 + 60).value();
      assertThat(verifier.verify(h, body, "bap.example")).as("seed %d", seed).isNotNull();
      for (int k = 0; k < 8; k++) {
        byte[] changed = body.clone();
        int pos = rnd.nextInt(changed.length);
        changed[pos] ^= (byte) (1 << rnd.nextInt(8));
        assertThat(reasonOf(h, changed)).as("seed %d pos %d", seed, pos).isEqualTo(Reason.BAD_SIGNATURE);
      }
      byte[] longer = concat(body, new byte[] {'\n'});
      assertThat(reasonOf(h, longer)).as("seed %d appended", seed).isEqualTo(Reason.BAD_SIGNATURE);
      byte[] shorter = java.util.Arrays.copyOf(body, body.length - 1);
      assertThat(reasonOf(h, shorter)).as("seed %d truncated", seed).isEqualTo(Reason.BAD_SIGNATURE);
    }
  }

  @Test
  void anyChangedSignatureBitFails() {
    byte[] body = utf8("{\"context\":{}}");
    AuthorizationHeader h = signer.sign(body, T0, T0 + 60);
    Random rnd = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] sig = h.signature();
      int bit = rnd.nextInt(512);
      sig[bit / 8] ^= (byte) (1 << (bit % 8));
      String t = AuthorizationHeader.of("bap.example", "k1", T0, T0 + 60, sig).value();
      assertThat(reasonOf(t, body)).as("bit %d", bit).isEqualTo(Reason.BAD_SIGNATURE);
    }
  }

  @Test
  void changedParametersFailWithTheirReason() {
    byte[] body = utf8("{\"context\":{}}");
    String h = signer.sign(body, T0, T0 + 60).value();
    assertThat(verifier.verify(h, body, "bap.example")).isNotNull();
    // Times inside the window: the signature no longer matches.
    assertThat(reasonOf(h.replace("created=\"" + T0, "created=\"" + (T0 + 1)), body)).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(reasonOf(h.replace("created=\"" + T0, "created=\"" + (T0 - 1)), body)).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(reasonOf(h.replace("expires=\"" + (T0 + 60), "expires=\"" + (T0 + 61)), body))
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(reasonOf(h.replace("expires=\"" + (T0 + 60), "expires=\"" + (T0 + 59)), body))
        .isEqualTo(Reason.BAD_SIGNATURE);
    // Times pushed outside the window: the time check answers first.
    assertThat(reasonOf(h.replace("created=\"" + T0, "created=\"" + (T0 + 100)).replace("expires=\"" + (T0 + 60),
        "expires=\"" + (T0 + 160)), body)).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(reasonOf(h.replace("expires=\"" + (T0 + 60), "expires=\"" + (T0 + 1)), body))
        .isEqualTo(Reason.EXPIRED);
    assertThat(reasonOf(h.replace("expires=\"" + (T0 + 60), "expires=\"" + (T0 + 7200)), body))
        .isEqualTo(Reason.WINDOW_TOO_LONG);
    // keyId: another registered key of the same subscriber, an unknown key, another subscriber.
    assertThat(reasonOf(h.replace("|k1|", "|k2|"), body)).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(reasonOf(h.replace("|k1|", "|k3|"), body)).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(reasonOf(h.replace("bap.example|", "bap.exampl3|"), body)).isEqualTo(Reason.UNKNOWN_KEY);
    // Syntax-level changes.
    assertThat(reasonOf(h.replace("algorithm=\"ed25519\"", "algorithm=\"ed25518\""), body))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reasonOf(h.replace("digest\"", "digesT\""), body)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void everySingleCharacterChangeOfTheHeaderIsRejected() {
    byte[] body = utf8("{\"context\":{\"action\":\"on_status\"}}");
    String h = signer.sign(body, T0, T0 + 60).value();
    Random rnd = new Random(7);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=\"|,() ";
    int accepted = 0;
    for (int pos = 0; pos < h.length(); pos++) {
      char c;
      do {
        c = alphabet.charAt(rnd.nextInt(alphabet.length()));
      } while (c == h.charAt(pos));
      String t = h.substring(0, pos) + c + h.substring(pos + 1);
      try {
        verifier.verify(t, body, "bap.example");
        accepted++;
        // The only accepted edits: the case of the scheme word and a space for the first letter of it.
        assertThat(pos).as("accepted change at %d: %s", pos, t).isLessThan("Signature".length());
      } catch (SignatureVerificationException expected) {
        // rejected, as it should be
      }
    }
    assertThat(accepted).isLessThanOrEqualTo(9);
  }

  @Test
  void changedKeysFail() {
    byte[] body = utf8("{}");
    String h = signer.sign(body, T0, T0 + 60).value();
    byte[] pub = TestKeys.BAP.publicKey().toRaw();
    byte[] seed = TestKeys.BAP.exportSeedUnsafe();
    for (int bit = 0; bit < 256; bit++) {
      byte[] p = pub.clone();
      p[bit / 8] ^= (byte) (1 << (bit % 8));
      VerificationKey key;
      try {
        key = VerificationKey.fromRaw(p);
      } catch (KeyFormatException notAPoint) {
        continue; // not a valid public key at all: rejected on creation
      }
      Verifier v = Verifier.builder(StaticKeyResolver.builder().add("bap.example", "k1", key).build())
          .clock(clock).build();
      int b = bit;
      assertThatThrownBy(() -> v.verify(h, body, null)).as("public key bit %d", b)
          .isInstanceOfSatisfying(SignatureVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }
    for (int bit = 0; bit < 256; bit += 7) {
      byte[] s = seed.clone();
      s[bit / 8] ^= (byte) (1 << (bit % 8));
      String t = Signer.builder(SigningKey.fromSeed(s), "bap.example", "k1").build().sign(body, T0, T0 + 60).value();
      assertThat(reasonOf(t, body)).as("seed bit %d", bit).isEqualTo(Reason.BAD_SIGNATURE);
    }
    assertThat(Base64.getEncoder().encodeToString(pub)).isEqualTo(TestKeys.BAP.publicKey().toBase64());
  }

  @Test
  void randomRoundTrips() {
    for (long seed = 100; seed < 130; seed++) {
      Random rnd = new Random(seed);
      byte[] s = new byte[32];
      rnd.nextBytes(s);
      SigningKey key = SigningKey.fromSeed(s);
      byte[] body = new byte[rnd.nextInt(5000)];
      rnd.nextBytes(body);
      long created = T0 + rnd.nextInt(5) - 2;
      AuthorizationHeader h = Signer.builder(key, "sub-" + seed, "k").build().sign(body, created, created + 30);
      Verifier v = Verifier.builder(StaticKeyResolver.builder().add("sub-" + seed, "k", key.publicKey()).build())
          .clock(clock).build();
      assertThat(v.verify(h.value(), body, "sub-" + seed)).as("seed %d", seed).isNotNull();
      assertThat(AuthorizationHeader.parse(h.value())).as("seed %d", seed).isEqualTo(h);
    }
  }
}
