package org.dent.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.core.testing.TestPki;
import org.dent.signing.SigningKey;
import org.dent.signing.StaticKeyResolver;
import org.dent.signing.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HttpHost} serving HTTPS from PKCS#12 and PEM, and clients trusting the system store or a given one. */
class TlsHostTest {
  @TempDir Path dir;
  HttpHost host;

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  HttpHost start(ServerTls tls) {
    InboundPipeline pipeline = InboundPipeline.builder(InboundPipeline.Role.BPP, "bpp.test",
        Verifier.builder(StaticKeyResolver.builder().add("bap.test", "k1", SigningKey.generate().publicKey())
            .build()).build()).handler(m -> { }).build();
    host = HttpHost.builder().tls(tls).build().mount("", pipeline).start();
    return host;
  }

  static int post(OkHttpClient http, String url) throws IOException {
    Request r = new Request.Builder().url(url)
        .post(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(r).execute()) {
      return response.code();
    }
  }

  OkHttpClient trusting() {
    return ClientTls.trustStore(TestPki.file(dir, "truststore.p12"), TestPki.password())
        .apply(OutboundSender.defaultHttpClient());
  }

  @Test
  void servesHttpsFromPkcs12ToAClientTrustingTheTestCa() throws IOException {
    start(ServerTls.keyStore(TestPki.file(dir, "server.p12"), TestPki.password()));
    assertThat(host.baseUrl().getScheme()).isEqualTo("https");
    // reaches the pipeline over TLS: no signature → 401
    assertThat(post(trusting(), host.baseUrl() + "/search")).isEqualTo(401);
  }

  @Test
  void servesHttpsFromPemFiles() throws IOException {
    ServerTls tls = ServerTls.pem(TestPki.file(dir, "server-chain.pem"), TestPki.file(dir, "server-key.pem"));
    assertThat(tls.toString()).contains("CN=localhost").doesNotContain("PRIVATE");
    start(tls);
    OkHttpClient pemTrust = ClientTls.pemCertificates(TestPki.file(dir, "ca.pem"))
        .apply(OutboundSender.defaultHttpClient());
    assertThat(post(pemTrust, host.baseUrl() + "/search")).isEqualTo(401);
  }

  @Test
  void theSystemStoreDoesNotTrustTheTestCa() {
    start(ServerTls.keyStore(TestPki.file(dir, "server.p12"), TestPki.password()));
    assertThatThrownBy(() -> post(OutboundSender.defaultHttpClient(), host.baseUrl() + "/search"))
        .isInstanceOf(SSLException.class);
  }

  @Test
  void aCertificateOfAnotherCaIsRefused() {
    start(ServerTls.keyStore(TestPki.file(dir, "untrusted.p12"), TestPki.password()));
    assertThatThrownBy(() -> post(trusting(), host.baseUrl() + "/search")).isInstanceOf(SSLException.class);
  }

  @Test
  void theHostNameIsVerified() {
    start(ServerTls.keyStore(TestPki.file(dir, "server.p12"), TestPki.password()));
    // a name the certificate does not list, resolved to the loopback address the host listens on
    OkHttpClient misnamed = trusting().newBuilder()
        .dns(name -> List.of(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))).build();
    String url = "https://bpp.elsewhere.example:" + host.port() + "/search";
    assertThatThrownBy(() -> post(misnamed, url)).isInstanceOf(SSLPeerUnverifiedException.class);
  }

  @Test
  void plainHttpStaysAvailable() throws IOException {
    start(null);
    assertThat(host.baseUrl().getScheme()).isEqualTo("http");
    assertThat(post(OutboundSender.defaultHttpClient(), host.baseUrl() + "/search")).isEqualTo(401);
  }

  @Test
  void badKeyMaterialIsATypedErrorWithoutSecrets() throws IOException {
    Path p12 = TestPki.file(dir, "server.p12");
    assertThatThrownBy(() -> ServerTls.keyStore(p12, "wrong-password".toCharArray()))
        .isInstanceOf(TlsException.class).hasMessageContaining(p12.toString())
        .hasMessageNotContaining("wrong-password")
        .satisfies(e -> assertThat(((TlsException) e).code()).isEqualTo("TLS_CONFIG"));
    assertThatThrownBy(() -> ServerTls.keyStore(TestPki.file(dir, "truststore.p12"), TestPki.password()))
        .isInstanceOf(TlsException.class).hasMessageContaining("no private key");
    Path pkcs1 = dir.resolve("rsa.pem");
    Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ServerTls.pem(TestPki.file(dir, "server-chain.pem"), pkcs1))
        .isInstanceOf(TlsException.class).hasMessageContaining("pkcs8");
    Path otherKey = dir.resolve("other.pem");
    Files.writeString(otherKey, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ServerTls.pem(TestPki.file(dir, "server-chain.pem"), otherKey))
        .isInstanceOf(TlsException.class);
    assertThatThrownBy(() -> ClientTls.pemCertificates(otherKey)).isInstanceOf(TlsException.class);
  }
}
