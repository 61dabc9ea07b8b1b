package org.dent.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.dent.signing.internal.KeyCodec;

/**
 * An Ed25519 public key that checks Beckn signatures. Created from the raw 32 bytes a Beckn registry publishes, an
 * SPKI DER document, PEM, or base64 of either. The key is validated on creation (a point of prime order on the
 * curve), so every instance is usable. Immutable and thread-safe; equal when the raw bytes are equal.
 */
public final class VerificationKey {
  private final byte[] raw;
  private final Ed25519PublicKeyParameters params;

  private VerificationKey(byte[] raw) {
    if (!Ed25519.validatePublicKeyFull(raw, 0)) {
      throw new KeyFormatException("Ed25519 public key: not a valid curve point of prime order");
    }
    this.raw = raw;
    this.params = new Ed25519PublicKeyParameters(raw, 0);
  }

  private VerificationKey(Ed25519PublicKeyParameters derived) {
    this.raw = derived.getEncoded();
    this.params = derived;
  }

  /** The public half of a private key: valid by construction, so the full point validation is skipped. */
  static VerificationKey ofDerived(Ed25519PublicKeyParameters derived) {
    return new VerificationKey(derived);
  }

  /** From the raw 32-byte public key. */
  public static VerificationKey fromRaw(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length != 32) {
      throw new KeyFormatException("Ed25519 public key: " + raw.length + " bytes, expected 32");
    }
    return new VerificationKey(raw.clone());
  }

  /** From a DER SubjectPublicKeyInfo with algorithm Ed25519 (OID 1.3.101.112). */
  public static VerificationKey fromSpki(byte[] der) {
    return new VerificationKey(KeyCodec.spki(der, KeyCodec.ED25519, "Ed25519 public key"));
  }

  /** From a PEM {@code PUBLIC KEY} block (SPKI). */
  public static VerificationKey fromPem(String pem) {
    return fromSpki(KeyCodec.pem(pem, "PUBLIC KEY", "Ed25519 public key"));
  }

  /** From raw 32 bytes or SPKI DER, told apart by length. */
  public static VerificationKey fromBytes(byte[] bytes) {
    return bytes.length == 32 ? fromRaw(bytes) : fromSpki(bytes);
  }

  /** From PEM text, or base64 of the raw key or of SPKI DER (what registries and config files hold). */
  public static VerificationKey parse(String text) {
    Objects.requireNonNull(text, "text");
    return KeyCodec.isPem(text) ? fromPem(text) : fromBytes(KeyCodec.base64(text, "Ed25519 public key"));
  }

  /** The raw 32-byte key (a copy). */
  public byte[] toRaw() {
    return raw.clone();
  }

  /** base64 of the raw 32-byte key, the form Beckn registries publish as {@code signing_public_key}. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The key as DER SubjectPublicKeyInfo. */
  public byte[] toSpki() {
    try {
      return new SubjectPublicKeyInfo(new AlgorithmIdentifier(KeyCodec.ED25519), raw).getEncoded("DER");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  /** Checks a pure Ed25519 signature over {@code message[0, length)}. */
  boolean verify(byte[] message, int length, byte[] signature) {
    return params.verify(Ed25519.Algorithm.Ed25519, null, message, 0, length, signature, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerificationKey && Arrays.equals(raw, ((VerificationKey) o).raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  /** {@code VerificationKey[ed25519, <base64 of the public key>]}: public data only. */
  @Override
  public String toString() {
    return "VerificationKey[ed25519, " + toBase64() + "]";
  }
}
