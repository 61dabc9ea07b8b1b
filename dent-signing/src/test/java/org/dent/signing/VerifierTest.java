package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dent.signing.SignatureVerificationException.Reason;
import org.junit.jupiter.api.Test;

class VerifierTest {
  private static final long T0 = 1_700_000_000L;
  private static final byte[] BODY = "{\"context\":{\"action\":\"search\"}}".getBytes(StandardCharsets.UTF_8);

  private final TestKeys.MutableClock clock = new TestKeys.MutableClock(T0);
  private final StaticKeyResolver resolver = StaticKeyResolver.builder()
      .add("bap.example", "k1", TestKeys.BAP.publicKey())
      .add("bg.example", "g1", TestKeys.BG.publicKey())
      .revoked("bap.example", "old")
      .build();
  private final Signer signer = Signer.builder(TestKeys.BAP, "bap.example", "k1").clock(clock)
      .ttl(Duration.ofSeconds(30)).build();

  private Verifier.Builder verifier() {
    return Verifier.builder(resolver).clock(clock);
  }

  private static void assertReason(ThrowingCallable call, Reason reason, String code, String path) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.paths()).containsExactly(path);
    });
  }

  @Test
  void acceptsAFreshSignatureAndNamesTheSigner() {
    String h = signer.sign(BODY).value();
    assertThat(h).contains("created=\"" + T0 + "\",expires=\"" + (T0 + 30) + "\"");
    VerifiedSender sender = verifier().build().verify(h, BODY, "bap.example");
    assertThat(sender.subscriberId()).isEqualTo("bap.example");
    assertThat(sender.uniqueKeyId()).isEqualTo("k1");
    assertThat(sender).hasToString("bap.example|k1");
    assertThat(verifier().build().verify(h, BODY, null)).isEqualTo(sender);
  }

  @Test
  void signerUsesWholeSecondsOfTheClock() {
    clock.setMillis(T0 * 1000 + 999);
    assertThat(signer.sign(BODY).created()).isEqualTo(T0);
  }

  @Test
  void missingHeader() {
    Verifier v = verifier().build();
    assertReason(() -> v.verify(null, BODY, null), Reason.MISSING, "AUT_SIGNATURE_MISSING", "Authorization");
    assertReason(() -> v.verify(" ", BODY, null), Reason.MISSING, "AUT_SIGNATURE_MISSING", "Authorization");
    assertReason(() -> v.verifyGateway(null, BODY, null), Reason.MISSING, "AUT_SIGNATURE_MISSING",
        "X-Gateway-Authorization");
  }

  @Test
  void timeWindowBoundariesWithDefaultSkew() {
    Verifier v = verifier().build();
    AuthorizationHeader h = signer.sign(BODY, T0, T0 + 30);
    clock.set(T0 - 5); // created == now + skew: accepted
    assertThat(v.verify(h.value(), BODY, null)).isNotNull();
    clock.set(T0 - 6);
    assertReason(() -> v.verify(h.value(), BODY, null), Reason.NOT_YET_VALID, "AUT_SIGNATURE_INVALID",
        "Authorization/created");
    clock.set(T0 + 35); // now == expires + skew: accepted
    assertThat(v.verify(h.value(), BODY, null)).isNotNull();
    clock.set(T0 + 36);
    assertReason(() -> v.verify(h.value(), BODY, null), Reason.EXPIRED, "AUT_SIGNATURE_INVALID",
        "Authorization/expires");
    clock.setMillis((T0 + 35) * 1000 + 999); // still second T0+35
    assertThat(v.verify(h.value(), BODY, null)).isNotNull();
  }

  @Test
  void skewIsConfigurable() {
    Verifier strict = verifier().skew(Duration.ZERO).build();
    AuthorizationHeader h = signer.sign(BODY, T0, T0 + 30);
    clock.set(T0 - 1);
    assertReason(() -> strict.verify(h.value(), BODY, null), Reason.NOT_YET_VALID, "AUT_SIGNATURE_INVALID",
        "Authorization/created");
    clock.set(T0 + 31);
    assertReason(() -> strict.verify(h.value(), BODY, null), Reason.EXPIRED, "AUT_SIGNATURE_INVALID",
        "Authorization/expires");
    Verifier lax = verifier().skew(Duration.ofSeconds(60)).build();
    clock.set(T0 - 60);
    assertThat(lax.verify(h.value(), BODY, null)).isNotNull();
    assertThatThrownBy(() -> verifier().skew(Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> verifier().skew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maximumWindow() {
    AuthorizationHeader hour = signer.sign(BODY, T0, T0 + 3600);
    AuthorizationHeader longer = signer.sign(BODY, T0, T0 + 3601);
    assertThat(verifier().build().verify(hour.value(), BODY, null)).isNotNull();
    assertReason(() -> verifier().build().verify(longer.value(), BODY, null), Reason.WINDOW_TOO_LONG,
        "AUT_SIGNATURE_INVALID", "Authorization/expires");
    assertThat(verifier().noMaxWindow().build().verify(longer.value(), BODY, null)).isNotNull();
    AuthorizationHeader minute = signer.sign(BODY, T0, T0 + 60);
    assertReason(() -> verifier().maxWindow(Duration.ofSeconds(59)).build().verify(minute.value(), BODY, null),
        Reason.WINDOW_TOO_LONG, "AUT_SIGNATURE_INVALID", "Authorization/expires");
  }

  @Test
  void millisecondTimestampsAreRefusedOnBothSides() {
    assertThatThrownBy(() -> signer.sign(BODY, T0 * 1000, T0 * 1000 + 30_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("milliseconds");
    // A peer that wrote expires in milliseconds (protocol-server style) with created in seconds.
    String bad = signer.sign(BODY, T0, T0 + 30).value().replace("expires=\"" + (T0 + 30) + "\"",
        "expires=\"" + (T0 + 30) * 1000 + "\"");
    assertThatThrownBy(() -> verifier().noMaxWindow().build().verify(bad, BODY, null))
        .isInstanceOfSatisfying(MalformedHeaderException.class,
            e -> assertThat(e.problem()).isEqualTo(MalformedHeaderException.Problem.TIMESTAMP_IN_MILLISECONDS));
  }

  @Test
  void unknownAndRevokedKeys() {
    Verifier v = verifier().build();
    String unknown = Signer.builder(TestKeys.BAP, "bap.example", "k9").clock(clock).build().sign(BODY).value();
    assertReason(() -> v.verify(unknown, BODY, null), Reason.UNKNOWN_KEY, "AUT_SUBSCRIBER_NOT_FOUND",
        "Authorization/keyId");
    String revoked = Signer.builder(TestKeys.BAP, "bap.example", "old").clock(clock).build().sign(BODY).value();
    assertReason(() -> v.verify(revoked, BODY, null), Reason.KEY_REVOKED, "AUT_KEY_EXPIRED_OR_REVOKED",
        "Authorization/keyId");
    assertReason(() -> v.verifyGateway(revoked, BODY, null), Reason.KEY_REVOKED, "AUT_KEY_EXPIRED_OR_REVOKED",
        "X-Gateway-Authorization/keyId");
    Verifier nullResolver = Verifier.builder((s, k) -> null).clock(clock).build();
    assertReason(() -> nullResolver.verify(unknown, BODY, null), Reason.UNKNOWN_KEY, "AUT_SUBSCRIBER_NOT_FOUND",
        "Authorization/keyId");
  }

  @Test
  void wrongKeyOrBodyIsBadSignature() {
    Verifier v = verifier().build();
    // Signed with the gateway's key but naming the BAP's key id.
    String h = Signer.builder(TestKeys.BG, "bap.example", "k1").clock(clock).build().sign(BODY).value();
    assertReason(() -> v.verify(h, BODY, null), Reason.BAD_SIGNATURE, "AUT_SIGNATURE_INVALID",
        "Authorization/signature");
    String ok = signer.sign(BODY).value();
    assertReason(() -> v.verify(ok, "{}".getBytes(StandardCharsets.UTF_8), null), Reason.BAD_SIGNATURE,
        "AUT_SIGNATURE_INVALID", "Authorization/signature");
  }

  @Test
  void senderMismatch() {
    String h = signer.sign(BODY).value();
    assertReason(() -> verifier().build().verify(h, BODY, "other.example"), Reason.SENDER_MISMATCH,
        "AUT_SIGNATURE_INVALID", "Authorization/keyId");
    assertReason(() -> verifier().build().verify(h, BODY, "BAP.EXAMPLE"), Reason.SENDER_MISMATCH,
        "AUT_SIGNATURE_INVALID", "Authorization/keyId");
  }

  @Test
  void gatewayHeaderIsProducedAndCheckedTheSameWay() {
    Signer bg = Signer.builder(TestKeys.BG, "bg.example", "g1").clock(clock).build();
    String bap = signer.sign(BODY).value();
    String gw = bg.sign(BODY).value();
    Verifier v = verifier().build();
    assertThat(v.verify(bap, BODY, "bap.example")).hasToString("bap.example|k1");
    assertThat(v.verifyGateway(gw, BODY, "bg.example")).hasToString("bg.example|g1");
    assertReason(() -> v.verifyGateway(gw, BODY, "bap.example"), Reason.SENDER_MISMATCH, "AUT_SIGNATURE_INVALID",
        "X-Gateway-Authorization/keyId");
    assertThatThrownBy(() -> v.verifyGateway(gw.replace("algorithm=\"ed25519\"", "algorithm=\"x\""), BODY, null))
        .isInstanceOfSatisfying(MalformedHeaderException.class,
            e -> assertThat(e.paths()).containsExactly("X-Gateway-Authorization/algorithm"));
  }

  @Test
  void replayGuardRejectsASecondUseUntilExpiry() {
    Verifier v = verifier().replayGuard(ReplayGuard.inMemory(100)).build();
    String h = signer.sign(BODY).value();
    assertThat(v.verify(h, BODY, null)).isNotNull();
    assertReason(() -> v.verify(h, BODY, null), Reason.REPLAYED, "AUT_SIGNATURE_INVALID", "Authorization/signature");
    clock.set(T0 + 35);
    assertReason(() -> v.verify(h, BODY, null), Reason.REPLAYED, "AUT_SIGNATURE_INVALID", "Authorization/signature");
    // A retry one second later re-signs: a new signature, accepted.
    clock.set(T0 + 1);
    assertThat(v.verify(signer.sign(BODY).value(), BODY, null)).isNotNull();
    // A failed verification is not remembered.
    String other = signer.sign("x".getBytes(StandardCharsets.UTF_8)).value();
    assertReason(() -> v.verify(other, BODY, null), Reason.BAD_SIGNATURE, "AUT_SIGNATURE_INVALID",
        "Authorization/signature");
    assertThat(v.verify(other, "x".getBytes(StandardCharsets.UTF_8), null)).isNotNull();
  }

  @Test
  void checksRunInTheDocumentedOrder() {
    Verifier v = verifier().replayGuard(ReplayGuard.inMemory(10)).build();
    // Bad signature and unknown key, but expired: time is checked first.
    String forged = Signer.builder(TestKeys.BG, "nobody", "k").clock(clock).build().sign(BODY).value();
    clock.set(T0 + 1000);
    assertReason(() -> v.verify(forged, BODY, "someone"), Reason.EXPIRED, "AUT_SIGNATURE_INVALID",
        "Authorization/expires");
    clock.set(T0);
    // Unknown key before signature and sender.
    assertReason(() -> v.verify(forged, BODY, "someone"), Reason.UNKNOWN_KEY, "AUT_SUBSCRIBER_NOT_FOUND",
        "Authorization/keyId");
    // Bad signature before sender.
    String wrongKey = Signer.builder(TestKeys.BG, "bap.example", "k1").clock(clock).build().sign(BODY).value();
    assertReason(() -> v.verify(wrongKey, BODY, "someone"), Reason.BAD_SIGNATURE, "AUT_SIGNATURE_INVALID",
        "Authorization/signature");
    // Sender mismatch is not recorded as a use: the right receiver still accepts it once.
    String good = signer.sign(BODY).value();
    assertReason(() -> v.verify(good, BODY, "someone"), Reason.SENDER_MISMATCH, "AUT_SIGNATURE_INVALID",
        "Authorization/keyId");
    assertThat(v.verify(good, BODY, "bap.example")).isNotNull();
  }

  @Test
  void resolverRefreshRetriesOnceWithARotatedKey() {
    AtomicInteger refreshes = new AtomicInteger();
    KeyResolver stale = new KeyResolver() {
      @Override
      public VerificationKey resolve(String s, String k) {
        return TestKeys.BG.publicKey(); // cached, outdated
      }

      @Override
      public Optional<VerificationKey> refresh(String s, String k) {
        refreshes.incrementAndGet();
        return Optional.of(TestKeys.BAP.publicKey());
      }
    };
    String h = signer.sign(BODY).value();
    assertThat(Verifier.builder(stale).clock(clock).build().verify(h, BODY, null)).isNotNull();
    assertThat(refreshes).hasValue(1);
    // Still wrong after the refresh: BAD_SIGNATURE after exactly one more refresh.
    String other = Signer.builder(SigningKey.generate(), "bap.example", "k1").clock(clock).build().sign(BODY)
        .value();
    assertReason(() -> Verifier.builder(stale).clock(clock).build().verify(other, BODY, null), Reason.BAD_SIGNATURE,
        "AUT_SIGNATURE_INVALID", "Authorization/signature");
    assertThat(refreshes).hasValue(2);
    // The default refresh does nothing; no retry.
    assertReason(() -> verifier().build().verify(other, BODY, null), Reason.BAD_SIGNATURE,
        "AUT_SIGNATURE_INVALID", "Authorization/signature");
    // A refresh that finds the key revoked reports that.
    KeyResolver revokedOnRefresh = new KeyResolver() {
      @Override
      public VerificationKey resolve(String s, String k) {
        return TestKeys.BG.publicKey();
      }

      @Override
      public Optional<VerificationKey> refresh(String s, String k) {
        throw KeyResolver.revokedKey(s, k);
      }
    };
    assertReason(() -> Verifier.builder(revokedOnRefresh).clock(clock).build().verifyGateway(h, BODY, null),
        Reason.KEY_REVOKED, "AUT_KEY_EXPIRED_OR_REVOKED", "X-Gateway-Authorization/keyId");
  }

  @Test
  void resolverFailuresOtherThanSignatureErrorsPropagate() {
    Verifier v = Verifier.builder((s, k) -> {
      throw new IllegalStateException("registry down");
    }).clock(clock).build();
    assertThatThrownBy(() -> v.verify(signer.sign(BODY).value(), BODY, null))
        .isInstanceOf(IllegalStateException.class).hasMessage("registry down");
  }

  @Test
  void everyReasonHasTheDocumentedCode() {
    for (Reason r : Reason.values()) {
      String expected = switch (r) {
        case MISSING -> "AUT_SIGNATURE_MISSING";
        case UNKNOWN_KEY, ROLE_NOT_ALLOWED, DOMAIN_MISMATCH -> "AUT_SUBSCRIBER_NOT_FOUND";
        case KEY_REVOKED -> "AUT_KEY_EXPIRED_OR_REVOKED";
        default -> "AUT_SIGNATURE_INVALID";
      };
      assertThat(new SignatureVerificationException(r, "Authorization", null, "m").code()).as(r.name())
          .isEqualTo(expected);
      assertThat(r.errorCode().httpStatus()).isEqualTo(401);
    }
  }

  @Test
  void verifiesParsedHeaders() {
    AuthorizationHeader h = signer.sign(BODY);
    assertThat(verifier().build().verifyParsed(h, BODY, "bap.example")).hasToString("bap.example|k1");
  }

  @Test
  void signerAndVerifierAreSharedAcrossThreads() throws Exception {
    Verifier v = verifier().replayGuard(ReplayGuard.inMemory(10_000)).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            byte[] body = ("{\"t\":" + thread + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            String h = signer.sign(body).value();
            if (!v.verify(h, body, "bap.example").uniqueKeyId().equals("k1")) {
              return "wrong sender";
            }
          }
          return "ok";
        }));
      }
      for (java.util.concurrent.Future<String> f : results) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
