package org.dent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureHeadersTest {
  @Test
  void challengeValues() {
    assertThat(SignatureHeaders.challenge("bpp.example.com"))
        .isEqualTo("Signature realm=\"bpp.example.com\",headers=\"(created) (expires) digest\"");
    assertThat(SignatureHeaders.challengeHeaderFor("Authorization")).isEqualTo("WWW-Authenticate");
    assertThat(SignatureHeaders.challengeHeaderFor("x-gateway-authorization")).isEqualTo("Proxy-Authenticate");
    assertThatThrownBy(() -> SignatureHeaders.challengeHeaderFor("Cookie"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignatureHeaders.challenge("a\"b")).isInstanceOf(IllegalArgumentException.class);
  }
}
