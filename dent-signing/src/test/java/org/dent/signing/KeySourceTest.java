package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from environment variables, PEM / PKCS#8 / base64 files and text; warnings for shared files. */
class KeySourceTest {
  @TempDir Path dir;
  final SigningKey key = SigningKey.generate();

  String pem() {
    byte[] seed = key.exportSeedUnsafe();
    // PKCS#8 v1 of an Ed25519 seed: the fixed 16-byte prefix then the 32 seed bytes
    byte[] prefix = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};
    byte[] der = new byte[48];
    System.arraycopy(prefix, 0, der, 0, 16);
    System.arraycopy(seed, 0, der, 16, 32);
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void readsEnvironmentFilesAndText() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(key.exportSeedUnsafe());
    assertThat(KeySource.parse("env:K", SigningKey::parse, Map.of("K", b64 + "\n")).publicKey())
        .isEqualTo(key.publicKey());
    Path pemFile = Files.writeString(dir.resolve("k.pem"), pem());
    Files.setPosixFilePermissions(pemFile, PosixFilePermissions.fromString("rw-------"));
    assertThat(KeySource.signingKey("file:" + pemFile).publicKey()).isEqualTo(key.publicKey());
    assertThat(KeySource.signingKey("@" + pemFile).publicKey()).isEqualTo(key.publicKey());
    assertThat(KeySource.signingKey(b64).publicKey()).isEqualTo(key.publicKey());
    assertThat(KeySource.warnIfShared(pemFile)).isEmpty();
  }

  @Test
  void sharedFilesAreReadWithAWarning() throws Exception {
    Path f = Files.writeString(dir.resolve("k.pem"), pem());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(KeySource.warnIfShared(f)).containsExactlyInAnyOrder(PosixFilePermission.GROUP_READ,
        PosixFilePermission.OTHERS_READ);
    assertThat(KeySource.signingKey("file:" + f).publicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void failuresNameTheSourceNeverTheSecret() throws Exception {
    assertThatThrownBy(() -> KeySource.parse("env:MISSING", SigningKey::parse, Map.of()))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("MISSING");
    assertThatThrownBy(() -> KeySource.signingKey("file:" + dir.resolve("absent")))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("absent");
    String notAKey = "c2VjcmV0LXRleHQtdGhhdC1pcy1ub3QtYS1rZXk=";
    assertThatThrownBy(() -> KeySource.parse("env:K", SigningKey::parse, Map.of("K", notAKey)))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("environment variable K")
        .hasMessageNotContaining(notAKey);
  }
}
