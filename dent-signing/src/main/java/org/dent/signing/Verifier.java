package org.dent.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dent.signing.SignatureVerificationException.Reason;
import org.dent.signing.internal.SigningString;
import org.jspecify.annotations.Nullable;

/**
 * Checks Beckn signature headers strictly. Build once ({@link #builder}), share freely: immutable and thread-safe
 * (as long as the resolver and replay guard are). A call returns the verified sender or throws a
 * {@link SignatureVerificationException} whose {@link SignatureVerificationException#reason() reason} says what
 * failed; it never returns a boolean.
 *
 * <p>Checks, in this order (the first failure is reported):
 * <ol>
 *   <li>header present ({@code MISSING}) and well-formed ({@code MALFORMED}, see {@link AuthorizationHeader});
 *   <li>time, with {@code now} = the clock's whole UNIX seconds: {@code created <= now + skew}
 *       ({@code NOT_YET_VALID}), {@code now <= expires + skew} ({@code EXPIRED}),
 *       {@code expires - created <= maxWindow} ({@code WINDOW_TOO_LONG});
 *   <li>key lookup through the {@link KeyResolver} ({@code UNKNOWN_KEY}, {@code KEY_REVOKED}); when the resolver
 *       knows the subscription ({@link KeyResolver#resolveKey}), a status other than {@code SUBSCRIBED} or a
 *       validity that excludes {@code now} is {@code KEY_REVOKED} too;
 *   <li>BLAKE2b-512 digest of the exact body bytes and the Ed25519 signature over the signing string
 *       ({@code BAD_SIGNATURE}); on failure the resolver may {@link KeyResolver#refresh refresh} the key once;
 *   <li>signer = expected sender, when one is given ({@code SENDER_MISMATCH});
 *   <li>not seen before, when a {@link ReplayGuard} is configured ({@code REPLAYED}); only signatures that passed
 *       every other check are remembered, until {@code expires + skew}.
 * </ol>
 * Cheap checks run before the key lookup so that stale or malformed requests cost no registry traffic.
 */
public final class Verifier {
  /** Default tolerance between the signer's clock and ours. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(5);
  /** Default longest accepted {@code expires - created}: one hour, as in the BECKN-006 examples. */
  public static final Duration DEFAULT_MAX_WINDOW = Duration.ofHours(1);

  private final KeyResolver resolver;
  private final Clock clock;
  private final long skewSeconds;
  private final long maxWindowSeconds;
  private final @Nullable ReplayGuard replayGuard;

  private Verifier(Builder b) {
    this.resolver = b.resolver;
    this.clock = b.clock;
    this.skewSeconds = b.skew.getSeconds();
    this.maxWindowSeconds = b.maxWindow == null ? Long.MAX_VALUE : b.maxWindow.getSeconds();
    this.replayGuard = b.replayGuard;
  }

  /** Starts a verifier that looks keys up in {@code resolver}. */
  public static Builder builder(KeyResolver resolver) {
    return new Builder(resolver);
  }

  /**
   * Verifies an {@code Authorization} header value over the exact body bytes received.
   *
   * @param headerValue the header value; null or blank means the header is missing
   * @param expectedSubscriberId the sender the message names ({@code context.bap_id} on requests,
   *     {@code context.bpp_id} on callbacks), or null to accept any signer
   * @return the signer
   * @throws SignatureVerificationException when any check fails, see the class description
   */
  public VerifiedSender verify(@Nullable String headerValue, byte[] body, @Nullable String expectedSubscriberId) {
    return verify(SignatureHeaders.AUTHORIZATION, headerValue, body, expectedSubscriberId);
  }

  /**
   * Verifies an {@code X-Gateway-Authorization} header value; as {@link #verify(String, byte[], String)}, with
   * errors located at that header.
   *
   * @param expectedGatewayId the gateway's subscriber id, or null to accept any signer
   */
  public VerifiedSender verifyGateway(
      @Nullable String headerValue, byte[] body, @Nullable String expectedGatewayId) {
    return verify(SignatureHeaders.GATEWAY_AUTHORIZATION, headerValue, body, expectedGatewayId);
  }

  /** Verifies an already parsed {@code Authorization} header; checks 2 to 6 of the class description. */
  public VerifiedSender verifyParsed(
      AuthorizationHeader header, byte[] body, @Nullable String expectedSubscriberId) {
    return check(SignatureHeaders.AUTHORIZATION, header, body, expectedSubscriberId);
  }

  private VerifiedSender verify(
      String headerName, @Nullable String headerValue, byte[] body, @Nullable String expected) {
    Objects.requireNonNull(body, "body");
    if (headerValue == null || headerValue.isBlank()) {
      throw new SignatureVerificationException(Reason.MISSING, headerName, null, headerName + " header is missing");
    }
    return check(headerName, HeaderParser.parse(headerValue, headerName), body, expected);
  }

  private VerifiedSender check(
      String headerName, AuthorizationHeader h, byte[] body, @Nullable String expected) {
    Objects.requireNonNull(body, "body");
    long now = Math.floorDiv(clock.millis(), 1000L);
    if (h.created() > now + skewSeconds) {
      throw fail(Reason.NOT_YET_VALID, headerName, "created",
          "created " + h.created() + " is more than " + skewSeconds + " s after now (" + now + ")");
    }
    if (now > h.expires() + skewSeconds) {
      throw fail(Reason.EXPIRED, headerName, "expires",
          "expired at " + h.expires() + " (now " + now + ", skew " + skewSeconds + " s)");
    }
    if (h.expires() - h.created() > maxWindowSeconds) {
      throw fail(Reason.WINDOW_TOO_LONG, headerName, "expires",
          "validity window " + (h.expires() - h.created()) + " s exceeds " + maxWindowSeconds + " s");
    }
    String sub = h.subscriberId();
    String ukid = h.uniqueKeyId();
    ResolvedKey resolved = resolve(headerName, sub, ukid);
    VerificationKey key = resolved.key();
    SubscriberInfo info = resolved.subscriber();
    Instant instant = clock.instant();
    if (info != null && !info.isUsableAt(instant)) {
      throw relocate(KeyResolver.revokedKey(sub, ukid), headerName);
    }
    byte[] signingString = SigningString.forBody(h.created(), h.expires(), body);
    byte[] signature = h.signatureBytes();
    if (!key.verify(signingString, signingString.length, signature)) {
      Optional<VerificationKey> fresh;
      try {
        fresh = resolver.refresh(sub, ukid);
      } catch (SignatureVerificationException e) {
        throw relocate(e, headerName);
      }
      if (fresh.isEmpty() || fresh.get().equals(key)
          || !fresh.get().verify(signingString, signingString.length, signature)) {
        throw fail(Reason.BAD_SIGNATURE, headerName, "signature",
            "signature does not verify for " + sub + "|" + ukid + " over this body");
      }
      info = resolve(headerName, sub, ukid).subscriber(); // the refreshed entry's subscription
      if (info != null && !info.isUsableAt(instant)) {
        throw relocate(KeyResolver.revokedKey(sub, ukid), headerName);
      }
    }
    if (expected != null && !expected.equals(sub)) {
      throw fail(Reason.SENDER_MISMATCH, headerName, "keyId",
          "signed by " + sub + " but the message names " + expected + " as its sender");
    }
    if (replayGuard != null && !replayGuard.firstUse(signature, now, h.expires() + skewSeconds)) {
      throw fail(Reason.REPLAYED, headerName, "signature",
          "this signature by " + sub + "|" + ukid + " was already accepted");
    }
    return new VerifiedSender(sub, ukid, info);
  }

  private ResolvedKey resolve(String headerName, String sub, String ukid) {
    ResolvedKey key;
    try {
      key = resolver.resolveKey(sub, ukid);
    } catch (SignatureVerificationException e) {
      throw relocate(e, headerName);
    }
    if (key == null) {
      throw relocate(KeyResolver.unknownKey(sub, ukid), headerName);
    }
    return key;
  }

  private static SignatureVerificationException relocate(SignatureVerificationException e, String headerName) {
    if (e.headerName().equals(headerName)) {
      return e;
    }
    return new SignatureVerificationException(e.reason(), headerName, e.parameter(), e.getMessage(), e);
  }

  private static SignatureVerificationException fail(Reason r, String header, String param, String message) {
    return new SignatureVerificationException(r, header, param, message);
  }

  @Override
  public String toString() {
    return "Verifier[skew=" + skewSeconds + "s, maxWindow="
        + (maxWindowSeconds == Long.MAX_VALUE ? "none" : maxWindowSeconds + "s")
        + ", replayGuard=" + (replayGuard != null) + "]";
  }

  /**
   * Configures a {@link Verifier}. Defaults: system UTC clock, skew {@link #DEFAULT_SKEW}, maximum window
   * {@link #DEFAULT_MAX_WINDOW}, no replay guard.
   */
  public static final class Builder {
    private final KeyResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Duration skew = DEFAULT_SKEW;
    private @Nullable Duration maxWindow = DEFAULT_MAX_WINDOW;
    private @Nullable ReplayGuard replayGuard;

    private Builder(KeyResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Where {@code now} comes from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Tolerated clock difference, whole seconds, zero or more. */
    public Builder skew(Duration skew) {
      this.skew = wholeSeconds(skew, "skew", 0);
      return this;
    }

    /** Longest accepted {@code expires - created}, whole seconds, at least 1 s. */
    public Builder maxWindow(Duration maxWindow) {
      this.maxWindow = wholeSeconds(maxWindow, "maxWindow", 1);
      return this;
    }

    /** Accepts any {@code expires - created}; expiry and not-yet-valid are still checked. */
    public Builder noMaxWindow() {
      this.maxWindow = null;
      return this;
    }

    /** Rejects a signature that was already accepted within its validity; see {@link ReplayGuard}. */
    public Builder replayGuard(ReplayGuard replayGuard) {
      this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
      return this;
    }

    /** The configured verifier. */
    public Verifier build() {
      return new Verifier(this);
    }

    private static Duration wholeSeconds(Duration d, String name, long min) {
      Objects.requireNonNull(d, name);
      if (d.getNano() != 0 || d.getSeconds() < min || d.getSeconds() > AuthorizationHeader.MAX_EPOCH_SECOND) {
        throw new IllegalArgumentException(name + " must be whole seconds, at least " + min + " s");
      }
      return d;
    }
  }
}
