package org.dent.signing.internal;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.dent.signing.KeyFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the key encodings peers use: raw bytes, PKCS#8 DER (v1 48-byte and v2 83-byte with the public key),
 * SPKI DER, PEM and base64 text. Error messages never contain key bytes. Not API.
 */
public final class KeyCodec {
  /** OID 1.3.101.112. */
  public static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112").intern();
  /** OID 1.3.101.110. */
  public static final ASN1ObjectIdentifier X25519 = new ASN1ObjectIdentifier("1.3.101.110").intern();

  private static final int KEY_SIZE = 32;

  private KeyCodec() {}

  /** A private key from PKCS#8: its 32 raw bytes and, for v2 documents, the embedded public key. */
  public static final class Pkcs8 {
    public final byte[] privateKey;
    public final byte @Nullable [] publicKey;

    Pkcs8(byte[] privateKey, byte @Nullable [] publicKey) {
      this.privateKey = privateKey;
      this.publicKey = publicKey;
    }

    /** Overwrites the private bytes; call when done. */
    public void wipe() {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  /** Decodes base64 (standard alphabet, padding optional) after trimming; {@code what} names the input in errors. */
  public static byte[] base64(String text, String what) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new KeyFormatException(what + ": empty");
    }
    try {
      return Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(what + ": not valid base64");
    }
  }

  /** True when the text looks like a PEM document. */
  public static boolean isPem(String text) {
    return text.contains("-----BEGIN ");
  }

  /** Returns the DER bytes of the single PEM block labelled {@code label} ({@code PRIVATE KEY}, {@code PUBLIC KEY}). */
  public static byte[] pem(String text, String label, String what) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      int other = text.indexOf("-----BEGIN ");
      String found = other < 0 ? "no PEM block" : "a PEM block of another type";
      throw new KeyFormatException(what + ": expected a '" + label + "' PEM block, found " + found);
    }
    if (text.indexOf("-----BEGIN ", b + 1) >= 0) {
      throw new KeyFormatException(what + ": more than one PEM block");
    }
    String body = text.substring(b + begin.length(), e);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return base64(sb.toString(), what);
  }

  /**
   * Parses a PKCS#8 PrivateKeyInfo (RFC 5958 v1 or v2) for algorithm {@code oid} holding a 32-byte key; any
   * trailing bytes, a wrong OID, algorithm parameters or a wrong key length are rejected.
   */
  public static Pkcs8 pkcs8(byte[] der, ASN1ObjectIdentifier oid, String what) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      throw new KeyFormatException(what + ": not a PKCS#8 DER document");
    }
    checkAlgorithm(info.getPrivateKeyAlgorithm(), oid, what);
    byte[] key;
    try {
      key = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (Exception e) {
      throw new KeyFormatException(what + ": PKCS#8 private key is not an OCTET STRING");
    }
    if (key.length != KEY_SIZE) {
      int n = key.length;
      Arrays.fill(key, (byte) 0);
      throw new KeyFormatException(what + ": PKCS#8 private key has " + n + " bytes, expected 32");
    }
    byte[] pub = null;
    if (info.getPublicKeyData() != null) {
      pub = info.getPublicKeyData().getOctets();
      if (pub.length != KEY_SIZE) {
        Arrays.fill(key, (byte) 0);
        throw new KeyFormatException(what + ": PKCS#8 public key has " + pub.length + " bytes, expected 32");
      }
    }
    return new Pkcs8(key, pub);
  }

  /** Parses a SubjectPublicKeyInfo for algorithm {@code oid} holding a 32-byte key. */
  public static byte[] spki(byte[] der, ASN1ObjectIdentifier oid, String what) {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      throw new KeyFormatException(what + ": not an SPKI DER document");
    }
    checkAlgorithm(info.getAlgorithm(), oid, what);
    byte[] key = info.getPublicKeyData().getOctets();
    if (key.length != KEY_SIZE) {
      throw new KeyFormatException(what + ": SPKI public key has " + key.length + " bytes, expected 32");
    }
    return key;
  }

  private static void checkAlgorithm(AlgorithmIdentifier alg, ASN1ObjectIdentifier oid, String what) {
    if (!oid.equals(alg.getAlgorithm())) {
      throw new KeyFormatException(
          what + ": algorithm " + alg.getAlgorithm().getId() + ", expected " + oid.getId() + " (" + name(oid) + ")");
    }
    if (alg.getParameters() != null) {
      throw new KeyFormatException(what + ": " + name(oid) + " algorithm identifier must not have parameters");
    }
  }

  private static String name(ASN1ObjectIdentifier oid) {
    return ED25519.equals(oid) ? "Ed25519" : X25519.equals(oid) ? "X25519" : oid.getId();
  }
}
