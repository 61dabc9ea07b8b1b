package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.dent.signing.SignatureVerificationException.Reason;
import org.junit.jupiter.api.Test;

/** The subscription a resolver knows travels with the verified sender, and the verifier refuses unusable ones. */
class SubscriberInfoTest {
  private static final long T0 = 1_700_000_000L;
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
  private final TestKeys.MutableClock clock = new TestKeys.MutableClock(T0);
  private final Instant now = Instant.ofEpochSecond(T0);

  private VerifiedSender verify(SubscriberInfo info) {
    StaticKeyResolver keys = StaticKeyResolver.builder().add(info, TestKeys.BAP.publicKey()).build();
    Signer signer = Signer.builder(TestKeys.BAP, info.subscriberId(), info.uniqueKeyId()).clock(clock).build();
    return Verifier.builder(keys).clock(clock).build().verify(signer.sign(BODY).value(), BODY, null);
  }

  @Test
  void aTypedStaticKeyCarriesItsSubscription() {
    StaticKeyResolver keys = StaticKeyResolver.builder().add("bap.example", "k1", TestKeys.BAP.publicKey(), "BAP")
        .add("plain.example", "k1", TestKeys.BG.publicKey()).build();
    assertThat(keys.resolveKey("bap.example", "k1").subscriber()).isEqualTo(
        SubscriberInfo.of("bap.example", "k1", "BAP", null));
    assertThat(keys.resolveKey("plain.example", "k1").subscriber()).isNull();
    Signer signer = Signer.builder(TestKeys.BAP, "bap.example", "k1").clock(clock).build();
    VerifiedSender s = Verifier.builder(keys).clock(clock).build().verify(signer.sign(BODY).value(), BODY, null);
    assertThat(s.subscriber().hasType("bap")).isTrue();
    assertThat(s).hasToString("bap.example|k1");
  }

  @Test
  void usableOnlyWhenSubscribedAndWithinItsValidity() {
    SubscriberInfo ok = new SubscriberInfo("s", "k", "BAP", "d", "SUBSCRIBED", now, now.plusSeconds(10));
    assertThat(verify(ok).subscriber()).isEqualTo(ok);
    for (SubscriberInfo bad : new SubscriberInfo[] {
        new SubscriberInfo("s", "k", "BAP", "d", "UNSUBSCRIBED", null, null),
        new SubscriberInfo("s", "k", "BAP", "d", "INITIATED", null, null),
        new SubscriberInfo("s", "k", "BAP", "d", "SUBSCRIBED", now.plusSeconds(1), null),
        new SubscriberInfo("s", "k", "BAP", "d", "SUBSCRIBED", null, now)}) {
      assertThatThrownBy(() -> verify(bad)).as("%s", bad)
          .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.KEY_REVOKED);
            assertThat(e.code()).isEqualTo("AUT_KEY_EXPIRED_OR_REVOKED");
            assertThat(e.paths()).containsExactly("Authorization/keyId");
          });
    }
  }

  @Test
  void validityFollowsTheInjectedClock() {
    SubscriberInfo later = new SubscriberInfo("s", "k", "BAP", null, null, now.plus(Duration.ofMinutes(1)), null);
    assertThatThrownBy(() -> verify(later)).isInstanceOf(SignatureVerificationException.class);
    clock.set(T0 + 60);
    assertThat(verify(later).subscriber()).isEqualTo(later);
  }

  @Test
  void domainAndType() {
    SubscriberInfo any = SubscriberInfo.of("s", "k", "BG", null);
    assertThat(any.allowsDomain("x")).isTrue();
    assertThat(any.hasType("bg")).isTrue();
    assertThat(any.hasType("BAP")).isFalse();
    SubscriberInfo one = SubscriberInfo.of("s", "k", "BAP", "dent:energy-storage:0.1.0");
    assertThat(one.allowsDomain("dent:energy-storage:0.1.0")).isTrue();
    assertThat(one.allowsDomain("nic2004:60221")).isFalse();
    assertThat(one.allowsDomain(null)).isFalse();
    assertThat(new SubscriberInfo("s", "k", null, null, null, null, null).hasType("BAP")).isFalse();
  }
}
