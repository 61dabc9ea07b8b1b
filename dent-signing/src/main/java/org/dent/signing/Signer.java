package org.dent.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.dent.signing.internal.SigningString;

/**
 * Signs request and callback bodies as one subscriber key. Build once ({@link #builder}), share freely: immutable
 * and thread-safe. Each call hashes the exact body bytes with BLAKE2b-512, signs the BECKN-006 signing string with
 * Ed25519, and returns the header, whose {@link AuthorizationHeader#value()} goes into {@code Authorization} — or
 * into {@code X-Gateway-Authorization} when a gateway signs, the format is the same
 * (see {@link SignatureHeaders}).
 *
 * <pre>{@code
 * Signer signer = Signer.builder(key, "bap.example.com", "k1").build();
 * request.header(SignatureHeaders.AUTHORIZATION, signer.sign(bodyBytes).value());
 * }</pre>
 *
 * <p>Sign the bytes that are sent, after serialization: a re-serialized body (spaces, escapes, key order) has a
 * different digest. Retries should call {@code sign} again for a fresh {@code created}.
 */
public final class Signer {
  /** Validity used when none is configured: {@code expires = created + 300 s}. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private static final String MIDDLE = "\",headers=\"(created) (expires) digest\",signature=\"";

  private final SigningKey key;
  private final String subscriberId;
  private final String uniqueKeyId;
  private final Clock clock;
  private final Duration ttl;
  private final long ttlSeconds;
  /** {@code Signature keyId="s|k|ed25519",algorithm="ed25519",created="}: the same for every call. */
  private final String prefix;

  private Signer(Builder b) {
    this.key = b.key;
    this.subscriberId = b.subscriberId;
    this.uniqueKeyId = b.uniqueKeyId;
    this.clock = b.clock;
    this.ttl = b.ttl;
    this.ttlSeconds = b.ttl.getSeconds();
    // StringBuilder rather than '+': keeps the indy string-concat bootstrap (~10-20 ms) off the first sign.
    this.prefix = new StringBuilder(64).append("Signature keyId=\"").append(subscriberId).append('|')
        .append(uniqueKeyId).append("|ed25519\",algorithm=\"ed25519\",created=\"").toString();
  }

  /**
   * Starts a signer for {@code key}, registered as {@code uniqueKeyId} of {@code subscriberId}.
   *
   * @throws IllegalArgumentException when an id is empty or contains {@code |} or {@code "}
   */
  public static Builder builder(SigningKey key, String subscriberId, String uniqueKeyId) {
    return new Builder(key, subscriberId, uniqueKeyId);
  }

  /** A builder holding this signer's settings. */
  public Builder newBuilder() {
    return new Builder(key, subscriberId, uniqueKeyId).clock(clock).ttl(ttl);
  }

  /** Signs with {@code created} = now (whole seconds of the clock) and {@code expires} = created + ttl. */
  public AuthorizationHeader sign(byte[] body) {
    long created = Math.floorDiv(clock.millis(), 1000L);
    return sign(body, created, created + ttlSeconds);
  }

  /**
   * Signs with explicit times.
   *
   * @param created UNIX seconds (not milliseconds)
   * @param expires UNIX seconds, after {@code created}
   * @throws IllegalArgumentException when the times are negative, look like milliseconds, or are out of order
   */
  public AuthorizationHeader sign(byte[] body, long created, long expires) {
    Objects.requireNonNull(body, "body");
    AuthorizationHeader.checkTimes(created, expires);
    byte[] signingString = SigningString.forBody(created, expires, body);
    byte[] signature = key.sign(signingString, signingString.length);
    String value = new StringBuilder(prefix.length() + 150)
        .append(prefix).append(created).append("\",expires=\"").append(expires).append(MIDDLE)
        .append(Base64.getEncoder().encodeToString(signature)).append('"').toString();
    return new AuthorizationHeader(subscriberId, uniqueKeyId, created, expires, signature, value);
  }

  /** The signer's subscriber id. */
  public String subscriberId() {
    return subscriberId;
  }

  /** The signer's unique key id. */
  public String uniqueKeyId() {
    return uniqueKeyId;
  }

  /** The public half of the signing key. */
  public VerificationKey publicKey() {
    return key.publicKey();
  }

  @Override
  public String toString() {
    return "Signer[" + subscriberId + '|' + uniqueKeyId + ", ttl=" + ttl + "]";
  }

  /** Configures a {@link Signer}. Defaults: system UTC clock, {@link #DEFAULT_TTL}. */
  public static final class Builder {
    private final SigningKey key;
    private final String subscriberId;
    private final String uniqueKeyId;
    private Clock clock = Clock.systemUTC();
    private Duration ttl = DEFAULT_TTL;

    private Builder(SigningKey key, String subscriberId, String uniqueKeyId) {
      this.key = Objects.requireNonNull(key, "key");
      AuthorizationHeader.checkId(Objects.requireNonNull(subscriberId, "subscriberId"), "subscriberId");
      AuthorizationHeader.checkId(Objects.requireNonNull(uniqueKeyId, "uniqueKeyId"), "uniqueKeyId");
      this.subscriberId = subscriberId;
      this.uniqueKeyId = uniqueKeyId;
    }

    /** Where {@code created} comes from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@code expires - created}; whole seconds, at least 1 s. */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.getSeconds() < 1 || ttl.getNano() != 0) {
        throw new IllegalArgumentException("ttl must be a positive whole number of seconds");
      }
      this.ttl = ttl;
      return this;
    }

    /** The configured signer. */
    public Signer build() {
      return new Signer(this);
    }
  }
}
