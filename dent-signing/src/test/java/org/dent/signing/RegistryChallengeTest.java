package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.dent.core.error.DentException;
import org.junit.jupiter.api.Test;

class RegistryChallengeTest {
  @Test
  void bothSidesAgreeOnRandomKeysAndTexts() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      byte[] a = new byte[32];
      byte[] b = new byte[32];
      rnd.nextBytes(a);
      rnd.nextBytes(b);
      EncryptionKey subscriber = EncryptionKey.fromRaw(a);
      EncryptionKey registry = EncryptionKey.fromRaw(b);
      byte[] challenge = new byte[rnd.nextInt(100)];
      rnd.nextBytes(challenge);
      byte[] ct = RegistryChallenge.encrypt(registry, subscriber.publicKey(), challenge);
      assertThat(ct.length % 16).isZero();
      assertThat(ct.length).isGreaterThan(challenge.length);
      assertThat(RegistryChallenge.decrypt(subscriber, registry.publicKey(), ct)).as("seed %d", seed)
          .isEqualTo(challenge);
    }
  }

  @Test
  void wrongKeyOrDamagedChallengeIsAnError() {
    EncryptionKey subscriber = EncryptionKey.generate();
    EncryptionKey registry = EncryptionKey.generate();
    String ct = RegistryChallenge.encrypt(registry, subscriber.publicKey(), "54993576683190702505441786999117");
    assertThat(RegistryChallenge.decrypt(subscriber, registry.publicKey(), ct))
        .isEqualTo("54993576683190702505441786999117");
    EncryptionKey stranger = EncryptionKey.generate();
    // A wrong key yields random padding: almost always rejected; when the padding happens to be valid the text
    // differs. Either way the right plaintext never comes out.
    try {
      assertThat(RegistryChallenge.decrypt(stranger, registry.publicKey(), ct))
          .isNotEqualTo("54993576683190702505441786999117");
    } catch (DentException expected) {
      assertThat(expected.getMessage()).contains("does not decrypt");
    }
    assertThatThrownBy(() -> RegistryChallenge.decrypt(subscriber, registry.publicKey(), "abc"))
        .isInstanceOf(DentException.class);
    assertThatThrownBy(() -> RegistryChallenge.decrypt(subscriber, registry.publicKey(), "%%%"))
        .isInstanceOf(DentException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> RegistryChallenge.decrypt(subscriber, new byte[32], ct))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("weak");
  }
}
