package org.dent.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.dent.signing.MalformedHeaderException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * One Beckn signature header value (BECKN-006), as carried by {@code Authorization} and
 * {@code X-Gateway-Authorization}:
 *
 * <pre>{@code
 * Signature keyId="{subscriber_id}|{unique_key_id}|ed25519",algorithm="ed25519",created="{unix}",
 *     expires="{unix}",headers="(created) (expires) digest",signature="{base64}"
 * }</pre>
 *
 * (one line on the wire). {@link #parse(String)} tolerates spaces after commas and a missing {@code Signature}
 * scheme word, and nothing else: each other deviation is a {@link MalformedHeaderException} with its own
 * {@link MalformedHeaderException.Problem}. Every instance satisfies the same rules, whether parsed or built with
 * {@link #of}: ids without {@code |} or {@code "}, UNIX-second timestamps with {@code expires > created}, and a
 * 64-byte signature. Immutable; {@link #value()} is the canonical wire form. Parsing says nothing about validity;
 * that is {@link Verifier}'s job.
 */
public final class AuthorizationHeader {
  /** The only algorithm Beckn uses, both in {@code algorithm} and as the keyId's third part. */
  public static final String ALGORITHM = "ed25519";
  /**
   * The largest accepted timestamp (year 5138): larger values are taken to be milliseconds, the bug of several
   * peers, and rejected with {@link Problem#TIMESTAMP_IN_MILLISECONDS}.
   */
  public static final long MAX_EPOCH_SECOND = 99_999_999_999L;

  private final String subscriberId;
  private final String uniqueKeyId;
  private final long created;
  private final long expires;
  private final byte[] signature;
  private volatile @Nullable String value;

  AuthorizationHeader(String subscriberId, String uniqueKeyId, long created, long expires, byte[] signature,
      @Nullable String value) {
    this.subscriberId = subscriberId;
    this.uniqueKeyId = uniqueKeyId;
    this.created = created;
    this.expires = expires;
    this.signature = signature;
    this.value = value;
  }

  /**
   * Parses an {@code Authorization} header value.
   *
   * @throws MalformedHeaderException when the value is not a well-formed Beckn signature header
   */
  public static AuthorizationHeader parse(String value) {
    return HeaderParser.parse(value, SignatureHeaders.AUTHORIZATION);
  }

  /**
   * Parses the value of the header field {@code headerName} (used only to locate errors, see
   * {@link SignatureVerificationException#paths()}).
   *
   * @throws MalformedHeaderException when the value is not a well-formed Beckn signature header
   */
  public static AuthorizationHeader parse(String value, String headerName) {
    return HeaderParser.parse(value, headerName);
  }

  /**
   * Builds a header from its parts.
   *
   * @param created UNIX seconds
   * @param expires UNIX seconds, after {@code created}
   * @param signature the 64-byte Ed25519 signature (copied)
   * @throws IllegalArgumentException when a part breaks the rules in the class description
   */
  public static AuthorizationHeader of(
      String subscriberId, String uniqueKeyId, long created, long expires, byte[] signature) {
    checkId(Objects.requireNonNull(subscriberId, "subscriberId"), "subscriberId");
    checkId(Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"), "uniqueKeyId");
    checkTimes(created, expires);
    if (signature.length != 64) {
      throw new IllegalArgumentException("signature has " + signature.length + " bytes, expected 64");
    }
    return new AuthorizationHeader(subscriberId, uniqueKeyId, created, expires, signature.clone(), null);
  }

  static void checkId(String id, String name) {
    if (id.isEmpty() || id.indexOf('|') >= 0 || id.indexOf('"') >= 0) {
      throw new IllegalArgumentException(name + " must be non-empty without '|' or '\"'");
    }
  }

  static void checkTimes(long created, long expires) {
    if (created < 0 || expires > MAX_EPOCH_SECOND) {
      throw new IllegalArgumentException(
          "created/expires must be UNIX seconds in [0, " + MAX_EPOCH_SECOND + "] (milliseconds given?)");
    }
    if (expires <= created) {
      throw new IllegalArgumentException("expires must be after created");
    }
  }

  /** The signer's subscriber id, the keyId's first part. */
  public String subscriberId() {
    return subscriberId;
  }

  /** The signer's unique key id in the registry, the keyId's second part. */
  public String uniqueKeyId() {
    return uniqueKeyId;
  }

  /** {@code subscriber_id|unique_key_id|ed25519}. */
  public String keyId() {
    return subscriberId + '|' + uniqueKeyId + '|' + ALGORITHM;
  }

  /** Always {@code ed25519}. */
  public String algorithm() {
    return ALGORITHM;
  }

  /** {@code created}, UNIX seconds. */
  public long created() {
    return created;
  }

  /** {@code expires}, UNIX seconds, always after {@link #created()}. */
  public long expires() {
    return expires;
  }

  /** The 64-byte signature (a copy). */
  public byte[] signature() {
    return signature.clone();
  }

  /** The signature without copying; callers in this package must not modify it. */
  byte[] signatureBytes() {
    return signature;
  }

  /** The canonical header value, byte-for-byte the format every Beckn peer writes. */
  public String value() {
    String v = value;
    if (v == null) {
      v = format(subscriberId, uniqueKeyId, created, expires, signature);
      value = v;
    }
    return v;
  }

  static String format(String subscriberId, String uniqueKeyId, long created, long expires, byte[] signature) {
    StringBuilder sb = new StringBuilder(200 + subscriberId.length() + uniqueKeyId.length());
    sb.append("Signature keyId=\"").append(subscriberId).append('|').append(uniqueKeyId)
        .append("|ed25519\",algorithm=\"ed25519\",created=\"").append(created)
        .append("\",expires=\"").append(expires)
        .append("\",headers=\"(created) (expires) digest\",signature=\"")
        .append(Base64.getEncoder().encodeToString(signature)).append('"');
    return sb.toString();
  }

  /** Equal when every part, including the signature, is equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AuthorizationHeader)) {
      return false;
    }
    AuthorizationHeader h = (AuthorizationHeader) o;
    return created == h.created && expires == h.expires && subscriberId.equals(h.subscriberId)
        && uniqueKeyId.equals(h.uniqueKeyId) && Arrays.equals(signature, h.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subscriberId, uniqueKeyId, created, expires) * 31 + Arrays.hashCode(signature);
  }

  /** Key id and times, without the signature (safe to log at any level). Use {@link #value()} for the wire form. */
  @Override
  public String toString() {
    return "AuthorizationHeader[keyId=" + keyId() + ", created=" + created + ", expires=" + expires + "]";
  }
}
