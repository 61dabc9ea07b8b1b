package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.dent.signing.MalformedHeaderException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationHeaderTest {
  private static final String SIG =
      "cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==";
  private static final String CANONICAL = "Signature keyId=\"example-bap.com|ae3ea24b|ed25519\",algorithm=\"ed25519\","
      + "created=\"1641287875\",expires=\"1641291475\",headers=\"(created) (expires) digest\",signature=\"" + SIG
      + "\"";

  @Test
  void parsesCanonicalValueAndFormatsItBackByteForByte() {
    AuthorizationHeader h = AuthorizationHeader.parse(CANONICAL);
    assertThat(h.subscriberId()).isEqualTo("example-bap.com");
    assertThat(h.uniqueKeyId()).isEqualTo("ae3ea24b");
    assertThat(h.keyId()).isEqualTo("example-bap.com|ae3ea24b|ed25519");
    assertThat(h.algorithm()).isEqualTo("ed25519");
    assertThat(h.created()).isEqualTo(1641287875L);
    assertThat(h.expires()).isEqualTo(1641291475L);
    assertThat(h.signature()).isEqualTo(Base64.getDecoder().decode(SIG));
    assertThat(h.value()).isEqualTo(CANONICAL);
    assertThat(AuthorizationHeader.of("example-bap.com", "ae3ea24b", 1641287875L, 1641291475L, h.signature()))
        .isEqualTo(h).hasSameHashCodeAs(h);
  }

  @Test
  void toleratesSpacesAfterCommasAndAMissingSchemeWord() {
    String spaced = CANONICAL.replace("\",", "\", ").replace("\", ", "\",   ");
    String noScheme = CANONICAL.substring("Signature ".length());
    String lowerScheme = "signature  " + noScheme;
    String outerWhitespace = " \t" + CANONICAL + " ";
    for (String v : new String[] {spaced, noScheme, lowerScheme, outerWhitespace, noScheme.replace(",", ", ")}) {
      assertThat(AuthorizationHeader.parse(v).value()).as(v).isEqualTo(CANONICAL);
    }
  }

  @Test
  void signatureIsCopiedInAndOut() {
    byte[] sig = Base64.getDecoder().decode(SIG);
    AuthorizationHeader h = AuthorizationHeader.of("s", "k", 1, 2, sig);
    sig[0] ^= 1;
    h.signature()[1] ^= 1;
    assertThat(h.signature()).isEqualTo(Base64.getDecoder().decode(SIG));
  }

  @Test
  void toStringHasNoSignature() {
    assertThat(AuthorizationHeader.parse(CANONICAL).toString()).doesNotContain(SIG.substring(0, 10))
        .contains("example-bap.com|ae3ea24b|ed25519");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
      // name # replaced text # replacement # problem # parameter (empty = none)
      "two-part keyId # |ae3ea24b|ed25519 # |ed25519 # BAD_KEY_ID # keyId",
      "four-part keyId # |ed25519\", # |x|ed25519\", # BAD_KEY_ID # keyId",
      "empty ukid # |ae3ea24b| # || # BAD_KEY_ID # keyId",
      "empty subscriber # keyId=\"example-bap.com| # keyId=\"| # BAD_KEY_ID # keyId",
      "empty keyId alg # |ed25519\",a # |\",a # BAD_KEY_ID # keyId",
      "algorithm rsa # algorithm=\"ed25519\" # algorithm=\"rsa-sha256\" # UNSUPPORTED_ALGORITHM # algorithm",
      "algorithm case # algorithm=\"ed25519\" # algorithm=\"ED25519\" # UNSUPPORTED_ALGORITHM # algorithm",
      "keyId alg differs # |ed25519\",a # |rsa\",a # ALGORITHM_MISMATCH # keyId",
      "keyId alg case # |ed25519\",a # |Ed25519\",a # ALGORITHM_MISMATCH # keyId",
      "headers without expires # (created) (expires) digest # (created) digest # UNSUPPORTED_HEADERS # headers",
      "headers reordered # (created) (expires) digest # (expires) (created) digest # UNSUPPORTED_HEADERS # headers",
      "headers extra space # (created) (expires) digest # (created)  (expires) digest # UNSUPPORTED_HEADERS # headers",
      "created in ms # created=\"1641287875\" # created=\"1641287875000\" # TIMESTAMP_IN_MILLISECONDS # created",
      "expires in ms # expires=\"1641291475\" # expires=\"1641291475000\" # TIMESTAMP_IN_MILLISECONDS # expires",
      "created not a number # created=\"1641287875\" # created=\"16412878a5\" # BAD_TIMESTAMP # created",
      "created negative # created=\"1641287875\" # created=\"-1\" # BAD_TIMESTAMP # created",
      "created leading zero # created=\"1641287875\" # created=\"01641287875\" # BAD_TIMESTAMP # created",
      "created fractional # created=\"1641287875\" # created=\"1641287875.5\" # BAD_TIMESTAMP # created",
      "created empty # created=\"1641287875\" # created=\"\" # BAD_TIMESTAMP # created",
      "expires huge # expires=\"1641291475\" # expires=\"99999999999999999999\" # BAD_TIMESTAMP # expires",
      "expires equals created # expires=\"1641291475\" # expires=\"1641287875\" # EXPIRES_NOT_AFTER_CREATED # expires",
      "expires before created # expires=\"1641291475\" # expires=\"1641287874\" # EXPIRES_NOT_AFTER_CREATED # expires",
      "signature short # signature=\"cjbh # signature=\"AAAAcjbh # BAD_SIGNATURE_ENCODING # signature",
      "signature not b64 # signature=\"cjbh # signature=\"*jbh # BAD_SIGNATURE_ENCODING # signature",
      "signature pad bits # AQ==\" # AR==\" # BAD_SIGNATURE_ENCODING # signature",
      "signature unpadded # AQ==\" # AQ\" # BAD_SIGNATURE_ENCODING # signature",
      "signature urlsafe # signature=\"cjbhP0PFyrlSCNszJM1F/ # signature=\"cjbhP0PFyrlSCNszJM1F_ # BAD_SIGNATURE_ENCODING # signature",
      "duplicate created # ,expires= # ,created=\"1641287875\",expires= # DUPLICATE_PARAMETER # created",
      "duplicate keyId # ,algorithm= # ,keyId=\"a|b|ed25519\",algorithm= # DUPLICATE_PARAMETER # keyId",
      "unknown parameter # ,algorithm= # ,realm=\"x\",algorithm= # UNKNOWN_PARAMETER # realm",
      "parameter name case # keyId= # keyid= # UNKNOWN_PARAMETER # keyid",
      "missing headers # ,headers=\"(created) (expires) digest\" # `` # MISSING_PARAMETER # headers",
      "missing algorithm # ,algorithm=\"ed25519\" # `` # MISSING_PARAMETER # algorithm",
      "unquoted created # created=\"1641287875\" # created=1641287875 # SYNTAX # ",
      "other scheme # Signature keyId # Bearer keyId # SYNTAX # ",
      "space before comma # \",algorithm # \" ,algorithm # SYNTAX # ",
      "trailing comma # ==\" # ==\", # SYNTAX # ",
      "no comma # \",algorithm # \" algorithm # SYNTAX # ",
      "unterminated # ==\" # == # SYNTAX # ",
      "semicolon separator # \",algorithm # \";algorithm # SYNTAX # ",
  })
  void rejectsEachDeviationWithItsOwnProblem(String name, String from, String to, Problem problem, String param) {
    assertThat(CANONICAL).contains(from);
    String bad = CANONICAL.replace(from, to);
    assertThatThrownBy(() -> AuthorizationHeader.parse(bad, SignatureHeaders.GATEWAY_AUTHORIZATION))
        .isInstanceOfSatisfying(MalformedHeaderException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.reason()).isEqualTo(SignatureVerificationException.Reason.MALFORMED);
          assertThat(e.code()).isEqualTo("AUT_SIGNATURE_INVALID");
          assertThat(e.parameter()).isEqualTo(param);
          assertThat(e.paths()).containsExactly(
              param == null ? "X-Gateway-Authorization" : "X-Gateway-Authorization/" + param);
        });
  }

  @Test
  void rejectsEmptyValues() {
    for (String v : new String[] {"", "   ", "Signature", "Signature ", "Signature  \t"}) {
      assertThatThrownBy(() -> AuthorizationHeader.parse(v)).as("'%s'", v)
          .isInstanceOfSatisfying(MalformedHeaderException.class,
              e -> assertThat(e.problem()).isIn(Problem.SYNTAX));
    }
  }

  @Test
  void ofRejectsWhatParseWouldReject() {
    byte[] sig = new byte[64];
    assertThatThrownBy(() -> AuthorizationHeader.of("a|b", "k", 1, 2, sig))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationHeader.of("a", "k\"", 1, 2, sig))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationHeader.of("a", "", 1, 2, sig)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationHeader.of("a", "k", 2, 2, sig)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationHeader.of("a", "k", 1_700_000_000_000L, 1_700_000_060_000L, sig))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("milliseconds");
    assertThatThrownBy(() -> AuthorizationHeader.of("a", "k", 1, 2, new byte[63]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longPeerInputIsClippedInMessages() {
    String junk = "x".repeat(10_000);
    assertThatThrownBy(() -> AuthorizationHeader.parse(CANONICAL.replace("keyId=", junk + "=")))
        .isInstanceOf(MalformedHeaderException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }
}
