package org.dent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningCommandsTest {
  // BECKN-006 example BAP key (public test key) and the header the spec gives for its body.
  private static final String SEED = "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldg=";
  private static final String PUB = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  private static final String PKCS8 = "MC4CAQAwBQYDK2VwBCIEIJT97BwPvYIpXjpF2CV4eCYPLStIBBDG3/cgj5xaW5XY";
  private static final String SPKI = "MCowBQYDK2VwAyEAawGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  private static String sign(byte[] body, String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "sign";
    System.arraycopy(extra, 0, args, 1, extra.length);
    Cli.Result r = Cli.run(body, args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("\n").doesNotContain(SEED).doesNotContain(PKCS8);
    assertThat(r.out().lines()).hasSize(1);
    return r.out().strip();
  }

  @Test
  void keygenPrintsOneJsonObject() {
    Cli.Result r = Cli.run(EMPTY, "keygen", "--seed", SEED);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{\"private_key_seed_b64\":\"" + SEED + "\",\"public_key_b64\":\"" + PUB + "\"}\n");
    Cli.Result random = Cli.run(EMPTY, "keygen");
    assertThat(random.exit()).isZero();
    Matcher m = Pattern.compile("\\{\"private_key_seed_b64\":\"([A-Za-z0-9+/=]{44})\",\"public_key_b64\":\""
        + "([A-Za-z0-9+/=]{44})\"}\n").matcher(random.out());
    assertThat(m.matches()).as(random.out()).isTrue();
    assertThat(Base64.getDecoder().decode(m.group(1))).hasSize(32);
    Cli.Result again = Cli.run(EMPTY, "keygen", "--seed", m.group(1));
    assertThat(again.out()).isEqualTo(random.out());
  }

  @Test
  void keygenRejectsBadSeedsAsUsageErrors() {
    for (String bad : new String[] {"abc", "!!!!", Base64.getEncoder().encodeToString(new byte[31])}) {
      Cli.Result r = Cli.run(EMPTY, "keygen", "--seed", bad);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void signReproducesTheSpecHeaderFromEveryKeyEncoding(@TempDir Path dir) throws Exception {
    byte[] body = Base64.getDecoder().decode(
        "eyJjb250ZXh0Ijp7ImRvbWFpbiI6Im5pYzIwMDQ6NjAyMTIiLCJjb3VudHJ5IjoiSU5EIiwiY2l0eSI6IktvY2hpIiwiYWN0aW9uIjoic2Vh"
        + "cmNoIiwiY29yZV92ZXJzaW9uIjoiMC45LjEiLCJiYXBfaWQiOiJiYXAuc3RheWhhbG8uaW4iLCJiYXBfdXJpIjoiaHR0cHM6Ly84ZjlmLTQ5"
        + "LTIwNy0yMDktMTMxLm5ncm9rLmlvL3Byb3RvY29sLyIsInRyYW5zYWN0aW9uX2lkIjoiZTZkOWY5MDgtMWQyNi00ZmYzLWE2ZDEtM2FmM2Qz"
        + "NzIxMDU0IiwibWVzc2FnZV9pZCI6ImEyZmU2ZDUyLTlmZTQtNGQxYS05ZDBiLWRjY2I4YjQ4NTIyZCIsInRpbWVzdGFtcCI6IjIwMjItMDEt"
        + "MDRUMDk6MTc6NTUuOTcxWiIsInR0bCI6IlAxTSJ9LCJtZXNzYWdlIjp7ImludGVudCI6eyJmdWxmaWxsbWVudCI6eyJzdGFydCI6eyJsb2Nh"
        + "dGlvbiI6eyJncHMiOiIxMC4xMDg3NjgsIDc2LjM0NzUxNyJ9fSwiZW5kIjp7ImxvY2F0aW9uIjp7ImdwcyI6IjEwLjEwMjk5NywgNzYuMzUz"
        + "NDgwIn19fX19fQ==");
    String expected = "Signature keyId=\"example-bap.com|ae3ea24b-cfec-495e-81f8-044aaef164ac|ed25519\","
        + "algorithm=\"ed25519\",created=\"1641287875\",expires=\"1641291475\",headers=\"(created) (expires) digest\","
        + "signature=\"cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==\"";
    Path pem = dir.resolve("key.pem");
    Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + PKCS8 + "\n-----END PRIVATE KEY-----\n");
    Path b64 = dir.resolve("key.b64");
    Files.writeString(b64, SEED + "\n");
    for (String key : new String[] {SEED, PKCS8, "@" + pem, "@" + b64}) {
      assertThat(sign(body, "--key", key, "--subscriber", "example-bap.com", "--ukid",
          "ae3ea24b-cfec-495e-81f8-044aaef164ac", "--created", "1641287875", "--expires", "1641291475"))
          .as(key).isEqualTo(expected);
    }
    assertThat(sign(body, "--key", SEED, "--subscriber", "example-bap.com", "--ukid",
        "ae3ea24b-cfec-495e-81f8-044aaef164ac", "--created", "1641287875", "--ttl", "3600", "--gateway"))
        .isEqualTo(expected);
  }

  @Test
  void signThenVerify() {
    String h = sign(BODY, "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "1700000000",
        "--expires", "1700000060");
    Cli.Result ok = Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--now", "1700000030");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualTo("OK s|k\n");
    Cli.Result spki = Cli.run(BODY, "verify", "--public-key", SPKI, "--header", h, "--now", "1700000030");
    assertThat(spki.out()).isEqualTo("OK s|k\n");

    Cli.Result tampered = Cli.run("{ }".getBytes(StandardCharsets.UTF_8), "verify", "--public-key", PUB,
        "--header", h, "--now", "1700000030");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.out()).isEqualTo("INVALID BAD_SIGNATURE\n");
    assertThat(tampered.err()).contains("does not verify");

    Cli.Result expired = Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--now", "1700000066");
    assertThat(expired.exit()).isEqualTo(1);
    assertThat(expired.out()).isEqualTo("INVALID EXPIRED\n");
    Cli.Result skewed = Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--now", "1700000066",
        "--skew", "6");
    assertThat(skewed.out()).isEqualTo("OK s|k\n");
    Cli.Result early = Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--now", "1699999990");
    assertThat(early.out()).isEqualTo("INVALID NOT_YET_VALID\n");
    Cli.Result unchecked = Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--no-time-check");
    assertThat(unchecked.out()).isEqualTo("OK s|k\n");
    Cli.Result uncheckedBad = Cli.run(EMPTY, "verify", "--public-key", PUB, "--header", h, "--no-time-check");
    assertThat(uncheckedBad.out()).isEqualTo("INVALID BAD_SIGNATURE\n");
  }

  @Test
  void emptyBodyAndDefaultTimes() {
    long before = System.currentTimeMillis() / 1000;
    String h = sign(EMPTY, "--key", SEED, "--subscriber", "s", "--ukid", "k");
    assertThat(h).contains("created=\"").contains("expires=\"");
    Cli.Result ok = Cli.run(EMPTY, "verify", "--public-key", PUB, "--header", h);
    assertThat(ok.out()).isEqualTo("OK s|k\n");
    Matcher m = Pattern.compile("created=\"(\\d+)\",expires=\"(\\d+)\"").matcher(h);
    assertThat(m.find()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isBetween(before, before + 60);
    assertThat(Long.parseLong(m.group(2)) - Long.parseLong(m.group(1))).isEqualTo(300);
  }

  @Test
  void verifyReportsEachReason() {
    String h = sign(BODY, "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "1700000000",
        "--expires", "1700010000");
    assertThat(Cli.run(BODY, "verify", "--public-key", PUB, "--header", h, "--now", "1700000001").out())
        .isEqualTo("INVALID WINDOW_TOO_LONG\n");
    assertThat(Cli.run(BODY, "verify", "--public-key", PUB, "--header", h.replace("ed25519\",a", "rsa\",a"),
        "--now", "1700000001").out()).isEqualTo("INVALID MALFORMED\n");
    Cli.Result missing = Cli.run(BODY, "verify", "--public-key", PUB, "--header", "");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).isEqualTo("INVALID MISSING\n");
    String other = sign(BODY, "--key", Base64.getEncoder().encodeToString(new byte[32]), "--subscriber", "s",
        "--ukid", "k", "--created", "1700000000", "--expires", "1700000060");
    assertThat(Cli.run(BODY, "verify", "--public-key", PUB, "--header", other, "--now", "1700000001").out())
        .isEqualTo("INVALID BAD_SIGNATURE\n");
  }

  @Test
  void usageErrorsExitTwoWithoutEchoingKeys() {
    String h = sign(BODY, "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "1700000000",
        "--expires", "1700000060");
    String brokenKey = SEED.substring(0, 20) + "!!";
    String[][] cases = {
        {"sign", "--key", brokenKey, "--subscriber", "s", "--ukid", "k"},
        {"sign", "--key", SPKI, "--subscriber", "s", "--ukid", "k"},
        {"sign", "--key", "@/nonexistent/key.pem", "--subscriber", "s", "--ukid", "k"},
        {"sign", "--key", SEED, "--ukid", "k"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--expires", "1700000060", "--ttl", "5"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "abc"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "1700000000000"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--created", "1700000000", "--expires",
            "1700000000"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--ttl", "0"},
        {"sign", "--key", SEED, "--subscriber", "a|b", "--ukid", "k"},
        {"sign", "--key", SEED, "--subscriber", "s", "--ukid", "k", "--bogus"},
        {"verify", "--public-key", brokenKey, "--header", h},
        {"verify", "--public-key", SEED.replace("=", "A"), "--header", h},
        {"verify", "--public-key", PKCS8, "--header", h},
        {"verify", "--header", h},
        {"verify", "--public-key", PUB},
        {"verify", "--public-key", PUB, "--header", h, "--now", "soon"},
        {"verify", "--public-key", PUB, "--header", h, "--now", "1700000000000"},
        {"verify", "--public-key", PUB, "--header", h, "--skew", "-1"},
        {"verify", "--public-key", PUB, "--header", h, "--no-time-check", "--now", "1700000000"},
        {"nonsense"},
    };
    for (String[] args : cases) {
      Cli.Result r = Cli.run(BODY, args);
      String shown = String.join(" ", args);
      assertThat(r.exit()).as(shown).isEqualTo(2);
      assertThat(r.out()).as(shown).isEmpty();
      assertThat(r.err()).as(shown).isNotEmpty().doesNotContain(brokenKey).doesNotContain(SEED)
          .doesNotContain(PKCS8.substring(20));
    }
  }

  @Test
  void keyFilesAreNotExpandedAsArgumentFiles(@TempDir Path dir) throws Exception {
    // picocli would splice an @file's words into the arguments; the key must be read as a key instead.
    Path f = dir.resolve("args");
    Files.writeString(f, SEED);
    assertThat(sign(BODY, "--key", "@" + f, "--subscriber", "s", "--ukid", "k", "--created", "1700000000",
        "--expires", "1700000060")).startsWith("Signature keyId=\"s|k|ed25519\"");
  }
}
