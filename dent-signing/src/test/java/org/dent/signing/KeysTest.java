package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysTest {
  // BECKN-006 example BAP key in every encoding (public test key).
  private static final String SEED = "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldg=";
  private static final String LIBSODIUM =
      "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==";
  private static final String PKCS8 = "MC4CAQAwBQYDK2VwBCIEIJT97BwPvYIpXjpF2CV4eCYPLStIBBDG3/cgj5xaW5XY";
  private static final String PUB = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  private static final String SPKI = "MCowBQYDK2VwAyEAawGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  // beckn-sdk-java's 83-byte BouncyCastle PKCS#8 v2 (seed + public key), and its seed.
  private static final String PKCS8_V2 = "MFECAQEwBQYDK2VwBCIEII1tDMQ83amyUyQLLJFJfBsdSWSwj1YLtSI+zHJrwS68gSEAONtluFKk"
      + "9FfVIePk0FJjCZE1XlTdcXtcWWRjqzllVSw=";
  private static final String V2_SEED = "jW0MxDzdqbJTJAsskUl8Gx1JZLCPVgu1Ij7McmvBLrw=";
  private static final String X25519_PKCS8 = "MC4CAQAwBQYDK2VuBCIEIOgl3rf3arbk1PvIe0C9TZp7ImR71NSQdvuSu+zzY6xo";

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  private static String pem(String label, String b64) {
    return "-----BEGIN " + label + "-----\n" + b64.substring(0, 40) + "\n" + b64.substring(40) + "\n-----END "
        + label + "-----\n";
  }

  @Test
  void everyPrivateEncodingGivesTheSameKey() {
    for (SigningKey k : new SigningKey[] {
        SigningKey.fromSeed(b64(SEED)), SigningKey.fromSeedAndPublicKey(b64(LIBSODIUM)),
        SigningKey.fromPkcs8(b64(PKCS8)), SigningKey.fromPem(pem("PRIVATE KEY", PKCS8)),
        SigningKey.parse(SEED), SigningKey.parse(LIBSODIUM), SigningKey.parse(PKCS8),
        SigningKey.parse("  " + SEED + "\n"), SigningKey.parse(pem("PRIVATE KEY", PKCS8)),
        SigningKey.fromBytes(b64(LIBSODIUM))}) {
      assertThat(k.publicKey().toBase64()).isEqualTo(PUB);
      assertThat(k.exportSeedUnsafe()).isEqualTo(b64(SEED));
    }
    SigningKey v2 = SigningKey.parse(PKCS8_V2);
    assertThat(b64(PKCS8_V2)).hasSize(83);
    assertThat(v2.exportSeedUnsafe()).isEqualTo(b64(V2_SEED));
  }

  @Test
  void mismatchedHalvesAreRejected() {
    byte[] sodium = b64(LIBSODIUM);
    sodium[63] ^= 1;
    assertThatThrownBy(() -> SigningKey.fromSeedAndPublicKey(sodium)).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("does not belong");
    byte[] v2 = b64(PKCS8_V2);
    v2[82] ^= 1;
    assertThatThrownBy(() -> SigningKey.fromPkcs8(v2)).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void malformedPrivateKeysAreRejectedWithoutEchoingThem() {
    byte[] withTrailing = Arrays.copyOf(b64(PKCS8), 49);
    String[] bad = {"", "not base64!", Base64.getEncoder().encodeToString(new byte[31]),
        Base64.getEncoder().encodeToString(withTrailing), X25519_PKCS8, pem("PUBLIC KEY", SPKI),
        pem("ENCRYPTED PRIVATE KEY", PKCS8), SPKI};
    for (String s : bad) {
      assertThatThrownBy(() -> SigningKey.parse(s)).as(s).isInstanceOf(KeyFormatException.class)
          .satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(SEED.substring(0, 12)).doesNotContain(PKCS8.substring(16, 40));
            assertThat(((KeyFormatException) e).code()).isEqualTo("30000");
          });
    }
    assertThatThrownBy(() -> SigningKey.fromPkcs8(b64(X25519_PKCS8))).hasMessageContaining("1.3.101.110");
  }

  @Test
  void toStringShowsNoSecret() {
    SigningKey k = SigningKey.parse(SEED);
    assertThat(k.toString()).startsWith("SigningKey[ed25519, public=" + PUB.substring(0, 8));
    String hex = java.util.HexFormat.of().formatHex(b64(SEED));
    for (int i = 0; i + 6 <= SEED.length(); i++) {
      assertThat(k.toString()).doesNotContain(SEED.substring(i, i + 6));
    }
    assertThat(k.toString()).doesNotContain(hex.substring(0, 8));
    EncryptionKey e = EncryptionKey.parse(X25519_PKCS8);
    String raw = Base64.getEncoder().encodeToString(e.exportRawUnsafe());
    for (int i = 0; i + 6 <= raw.length(); i++) {
      assertThat(e.toString()).doesNotContain(raw.substring(i, i + 6));
    }
  }

  @Test
  void exportReturnsACopy() {
    SigningKey k = SigningKey.parse(SEED);
    byte[] seed = k.exportSeedUnsafe();
    Arrays.fill(seed, (byte) 0);
    assertThat(k.exportSeedUnsafe()).isEqualTo(b64(SEED));
    byte[] input = b64(SEED);
    SigningKey k2 = SigningKey.fromSeed(input);
    assertThat(input).isEqualTo(b64(SEED)); // the caller's array is not wiped
    Arrays.fill(input, (byte) 1);
    assertThat(k2.publicKey().toBase64()).isEqualTo(PUB);
  }

  @Test
  void generatedKeysSignAndVerify() {
    SigningKey a = SigningKey.generate();
    SigningKey b = SigningKey.generate();
    assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    byte[] msg = {1, 2, 3};
    assertThat(a.publicKey().verify(msg, 3, a.sign(msg, 3))).isTrue();
    assertThat(b.publicKey().verify(msg, 3, a.sign(msg, 3))).isFalse();
  }

  @Test
  void verificationKeyEncodings() {
    VerificationKey k = VerificationKey.parse(PUB);
    assertThat(VerificationKey.parse(SPKI)).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(VerificationKey.parse(pem("PUBLIC KEY", SPKI))).isEqualTo(k);
    assertThat(VerificationKey.fromBytes(b64(SPKI))).isEqualTo(k);
    assertThat(Base64.getEncoder().encodeToString(k.toSpki())).isEqualTo(SPKI);
    assertThat(k.toRaw()).isEqualTo(b64(PUB));
    assertThat(k).hasToString("VerificationKey[ed25519, " + PUB + "]");
  }

  @Test
  void invalidPublicKeysAreRejectedOnCreation() {
    byte[] notOnCurve = new byte[32];
    Arrays.fill(notOnCurve, (byte) 0xFF);
    byte[] identity = new byte[32];
    identity[0] = 1; // the neutral element: small order
    for (byte[] raw : new byte[][] {notOnCurve, identity, new byte[31], new byte[33]}) {
      assertThatThrownBy(() -> VerificationKey.fromBytes(raw)).isInstanceOf(KeyFormatException.class);
    }
    byte[] x25519Spki = b64("MCowBQYDK2VuAyEAi801MjVpgFOXHjliyT6Nb14HkS5dj1p41qbeyU6/SC8=");
    assertThatThrownBy(() -> VerificationKey.fromSpki(x25519Spki)).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("1.3.101.110");
    assertThatThrownBy(() -> VerificationKey.parse(pem("PRIVATE KEY", PKCS8)))
        .isInstanceOf(KeyFormatException.class);
  }

  @Test
  void encryptionKeyEncodings() {
    EncryptionKey k = EncryptionKey.parse(X25519_PKCS8);
    assertThat(EncryptionKey.fromRaw(k.exportRawUnsafe()).publicKeyBase64()).isEqualTo(k.publicKeyBase64());
    assertThat(EncryptionKey.parse(pem("PRIVATE KEY", X25519_PKCS8)).publicKey()).isEqualTo(k.publicKey());
    assertThat(EncryptionKey.decodePublicKey("MCowBQYDK2VuAyEAi801MjVpgFOXHjliyT6Nb14HkS5dj1p41qbeyU6/SC8="))
        .isEqualTo(k.publicKey());
    assertThatThrownBy(() -> EncryptionKey.parse(PKCS8)).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("1.3.101.112");
    assertThatThrownBy(() -> EncryptionKey.decodePublicKey(SPKI)).isInstanceOf(KeyFormatException.class);
  }
}
