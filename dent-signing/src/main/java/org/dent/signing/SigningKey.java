package org.dent.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.dent.signing.internal.KeyCodec;
import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 private key for signing Beckn requests. Accepts every encoding peers hand out: the 32-byte seed, the
 * 64-byte libsodium/tweetnacl/Go form (seed followed by the public key), PKCS#8 DER (the 48-byte v1 form and the
 * 83-byte v2 form BouncyCastle writes, which embeds the public key), PEM, or base64 of any of these. A 64-byte or v2
 * key whose public half does not belong to its seed is rejected.
 *
 * <p>Secrets stay opaque: {@link #toString()} shows only the public key, and the seed leaves the object only
 * through {@link #exportSeedUnsafe()}. Immutable and thread-safe.
 */
public final class SigningKey {
  private static final String WHAT = "Ed25519 private key";

  private final Ed25519PrivateKeyParameters privateKey;
  private final VerificationKey publicKey;

  /** Takes ownership of {@code seed} and wipes it. */
  private SigningKey(byte[] seed, byte @Nullable [] expectedPublic) {
    try {
      this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    this.publicKey = VerificationKey.ofDerived(privateKey.generatePublicKey());
    if (expectedPublic != null && !Arrays.equals(publicKey.toRaw(), expectedPublic)) {
      throw new KeyFormatException(WHAT + ": the embedded public key does not belong to the private key");
    }
  }

  /** A fresh random key from {@link SecureRandom}. */
  public static SigningKey generate() {
    return generate(new SecureRandom());
  }

  /** A fresh random key from the given source of randomness. */
  public static SigningKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return new SigningKey(seed, null);
  }

  /** From the 32-byte seed (RFC 8032 private key). The argument is copied, not wiped. */
  public static SigningKey fromSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != 32) {
      throw new KeyFormatException(WHAT + ": seed has " + seed.length + " bytes, expected 32");
    }
    return new SigningKey(seed.clone(), null);
  }

  /** From the 64-byte libsodium form: seed followed by its public key; rejected when the halves do not match. */
  public static SigningKey fromSeedAndPublicKey(byte[] seedAndPublic) {
    Objects.requireNonNull(seedAndPublic, "seedAndPublic");
    if (seedAndPublic.length != 64) {
      throw new KeyFormatException(WHAT + ": " + seedAndPublic.length + " bytes, expected 64 (seed + public key)");
    }
    return new SigningKey(
        Arrays.copyOfRange(seedAndPublic, 0, 32), Arrays.copyOfRange(seedAndPublic, 32, 64));
  }

  /** From PKCS#8 DER, v1 (48 bytes) or v2 with the public key (83 bytes, checked against the seed). */
  public static SigningKey fromPkcs8(byte[] der) {
    Objects.requireNonNull(der, "der");
    KeyCodec.Pkcs8 p = KeyCodec.pkcs8(der, KeyCodec.ED25519, WHAT);
    return new SigningKey(p.privateKey, p.publicKey);
  }

  /** From a PEM {@code PRIVATE KEY} block (unencrypted PKCS#8). */
  public static SigningKey fromPem(String pem) {
    byte[] der = KeyCodec.pem(pem, "PRIVATE KEY", WHAT);
    try {
      return fromPkcs8(der);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** From raw bytes of any accepted binary form: 32 (seed), 64 (seed + public) or PKCS#8 DER. */
  public static SigningKey fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    switch (bytes.length) {
      case 32:
        return fromSeed(bytes);
      case 64:
        return fromSeedAndPublicKey(bytes);
      default:
        return fromPkcs8(bytes);
    }
  }

  /** From PEM text or base64 of any accepted binary form. */
  public static SigningKey parse(String text) {
    Objects.requireNonNull(text, "text");
    if (KeyCodec.isPem(text)) {
      return fromPem(text);
    }
    byte[] bytes = KeyCodec.base64(text, WHAT);
    try {
      return fromBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The matching public key, to publish in the registry or to verify with. */
  public VerificationKey publicKey() {
    return publicKey;
  }

  /**
   * The 32-byte seed, i.e. the secret itself (a fresh copy the caller should wipe). Named so every use is easy to
   * find in a review; there is no other way to get private bytes out.
   */
  public byte[] exportSeedUnsafe() {
    return privateKey.getEncoded();
  }

  /** Signs {@code message[0, length)} with pure Ed25519 into a new 64-byte array. */
  byte[] sign(byte[] message, int length) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, length, sig, 0);
    return sig;
  }

  /** {@code SigningKey[ed25519, public=<first 8 base64 chars of the public key>…]}: never secret material. */
  @Override
  public String toString() {
    return "SigningKey[ed25519, public=" + publicKey.toBase64().substring(0, 8) + "…]";
  }
}
