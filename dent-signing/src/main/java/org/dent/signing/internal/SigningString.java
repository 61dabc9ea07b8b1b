package org.dent.signing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The BECKN-006 signing string, built straight into bytes:
 * {@code (created): C\n(expires): E\ndigest: BLAKE-512=BASE64(BLAKE2b-512(body))}, no trailing newline. Not API.
 */
public final class SigningString {
  /** Length of base64(64 bytes). */
  public static final int DIGEST_B64_LENGTH = 88;

  private static final byte[] CREATED = "(created): ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXPIRES = "\n(expires): ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DIGEST = "\ndigest: BLAKE-512=".getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private SigningString() {}

  /** BLAKE2b-512 of the exact body bytes. */
  public static byte[] blake2b512(byte[] body) {
    Blake2bDigest d = new Blake2bDigest(512);
    d.update(body, 0, body.length);
    byte[] out = new byte[64];
    d.doFinal(out, 0);
    return out;
  }

  /** base64(BLAKE2b-512(body)) as 88 ASCII bytes. */
  public static byte[] digestBase64(byte[] body) {
    return B64.encode(blake2b512(body));
  }

  /** The signing string's bytes for non-negative {@code created}/{@code expires} and an 88-byte base64 digest. */
  public static byte[] build(long created, long expires, byte[] digestB64) {
    int cl = digits(created);
    int el = digits(expires);
    byte[] out = new byte[CREATED.length + cl + EXPIRES.length + el + DIGEST.length + digestB64.length];
    int p = 0;
    System.arraycopy(CREATED, 0, out, p, CREATED.length);
    p += CREATED.length;
    p = writeDigits(created, cl, out, p);
    System.arraycopy(EXPIRES, 0, out, p, EXPIRES.length);
    p += EXPIRES.length;
    p = writeDigits(expires, el, out, p);
    System.arraycopy(DIGEST, 0, out, p, DIGEST.length);
    p += DIGEST.length;
    System.arraycopy(digestB64, 0, out, p, digestB64.length);
    return out;
  }

  /** The signing string for a body, as bytes. */
  public static byte[] forBody(long created, long expires, byte[] body) {
    return build(created, expires, digestBase64(body));
  }

  /** Number of decimal digits of a non-negative value. */
  static int digits(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  private static int writeDigits(long v, int len, byte[] out, int p) {
    int end = p + len;
    for (int i = end - 1; i >= p; i--) {
      out[i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    return end;
  }
}
