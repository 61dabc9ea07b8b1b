package org.dent.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.dent.signing.internal.KeyCodec;
import org.jspecify.annotations.Nullable;

/**
 * An X25519 private key: the {@code encr_public_key} half a subscriber registers, used to answer the registry's
 * onboarding challenge ({@link RegistryChallenge}). Accepts the raw 32 bytes, PKCS#8 DER (v1, or v2 with the public
 * key, checked), PEM, or base64 of these. Secrets stay opaque as in {@link SigningKey}. Immutable and thread-safe.
 */
public final class EncryptionKey {
  private static final String WHAT = "X25519 private key";

  private final X25519PrivateKeyParameters privateKey;
  private final byte[] publicKey;

  private EncryptionKey(byte[] raw, byte @Nullable [] expectedPublic) {
    try {
      this.privateKey = new X25519PrivateKeyParameters(raw, 0);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
    this.publicKey = privateKey.generatePublicKey().getEncoded();
    if (expectedPublic != null && !Arrays.equals(publicKey, expectedPublic)) {
      throw new KeyFormatException(WHAT + ": the embedded public key does not belong to the private key");
    }
  }

  /** A fresh random key. */
  public static EncryptionKey generate() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return new EncryptionKey(raw, null);
  }

  /** From the raw 32-byte private key (copied). */
  public static EncryptionKey fromRaw(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length != 32) {
      throw new KeyFormatException(WHAT + ": " + raw.length + " bytes, expected 32");
    }
    return new EncryptionKey(raw.clone(), null);
  }

  /** From PKCS#8 DER with algorithm X25519 (OID 1.3.101.110), v1 or v2. */
  public static EncryptionKey fromPkcs8(byte[] der) {
    KeyCodec.Pkcs8 p = KeyCodec.pkcs8(der, KeyCodec.X25519, WHAT);
    return new EncryptionKey(p.privateKey, p.publicKey);
  }

  /** From raw 32 bytes or PKCS#8 DER, told apart by length. */
  public static EncryptionKey fromBytes(byte[] bytes) {
    return bytes.length == 32 ? fromRaw(bytes) : fromPkcs8(bytes);
  }

  /** From a PEM {@code PRIVATE KEY} block or base64 of the raw key or PKCS#8 DER. */
  public static EncryptionKey parse(String text) {
    Objects.requireNonNull(text, "text");
    byte[] bytes = KeyCodec.isPem(text) ? KeyCodec.pem(text, "PRIVATE KEY", WHAT) : KeyCodec.base64(text, WHAT);
    try {
      return fromBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Decodes an X25519 public key (a peer's or the registry's {@code encr_public_key}): raw 32 bytes or SPKI DER.
   * Returns the raw 32 bytes.
   */
  public static byte[] decodePublicKey(byte[] rawOrSpki) {
    if (rawOrSpki.length == 32) {
      return rawOrSpki.clone();
    }
    return KeyCodec.spki(rawOrSpki, KeyCodec.X25519, "X25519 public key");
  }

  /** As {@link #decodePublicKey(byte[])}, from PEM or base64 text. */
  public static byte[] decodePublicKey(String text) {
    return KeyCodec.isPem(text)
        ? KeyCodec.spki(KeyCodec.pem(text, "PUBLIC KEY", "X25519 public key"), KeyCodec.X25519, "X25519 public key")
        : decodePublicKey(KeyCodec.base64(text, "X25519 public key"));
  }

  /** The raw 32-byte public key to register as {@code encr_public_key}. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** base64 of {@link #publicKey()}. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey);
  }

  /** The raw 32-byte private key (a fresh copy the caller should wipe); the only way out for the secret. */
  public byte[] exportRawUnsafe() {
    return privateKey.getEncoded();
  }

  /** X25519 shared secret with a raw 32-byte public key, into a new array the caller must wipe. */
  byte[] agree(byte[] peerPublicRaw) {
    byte[] secret = new byte[32];
    try {
      privateKey.generateSecret(new X25519PublicKeyParameters(peerPublicRaw, 0), secret, 0);
    } catch (IllegalStateException e) {
      throw new KeyFormatException("X25519 public key: weak key, the shared secret would be zero");
    }
    return secret;
  }

  /** {@code EncryptionKey[x25519, public=<first 8 base64 chars>…]}: no secret material. */
  @Override
  public String toString() {
    return "EncryptionKey[x25519, public=" + publicKeyBase64().substring(0, 8) + "…]";
  }
}
