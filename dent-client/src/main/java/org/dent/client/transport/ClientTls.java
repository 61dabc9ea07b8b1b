package org.dent.client.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.dent.client.transport.internal.Pem;

/**
 * Which servers an outgoing HTTPS call trusts. By default every SDK client ({@link OutboundSender},
 * {@code DentClient}, {@code RegistryClient}) trusts the JVM's system store ({@code cacerts}, or what
 * {@code javax.net.ssl.trustStore} names) and checks the host name: nothing to configure for public CAs. For a
 * private CA, build one trust setting here and hand the resulting {@link OkHttpClient} to every builder, so one
 * connection pool is shared:
 *
 * <pre>{@code
 * OkHttpClient http = ClientTls.trustStore(Path.of("truststore.p12"), password).apply(OutboundSender.defaultHttpClient());
 * DentClient.builder() ... .httpClient(http) ...;     BppEngine.builder() ... .httpClient(http) ...;
 * }</pre>
 *
 * <p>Host names are always verified (OkHttp's verifier); there is no "trust all" switch. Immutable.
 */
public final class ClientTls {
  private final SSLContext context;
  private final X509TrustManager trustManager;
  private final String description;

  private ClientTls(KeyStore trusted, String description) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      X509TrustManager tm = null;
      for (TrustManager m : tmf.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          tm = x;
        }
      }
      if (tm == null) {
        throw new TlsException("no X.509 trust manager for " + description);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      this.context = ctx;
      this.trustManager = tm;
      this.description = description;
    } catch (GeneralSecurityException e) {
      throw new TlsException("cannot use the trust store " + description + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Trusts exactly the certificates of a trust store file (PKCS#12 or JKS, detected from the content).
   *
   * @throws TlsException when it cannot be read or opened, or holds no certificate
   */
  public static ClientTls trustStore(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    try {
      KeyStore ks = KeyStore.getInstance(file.toFile(), password);
      if (ks.size() == 0) {
        throw new TlsException("trust store " + file + " is empty");
      }
      return new ClientTls(ks, file.toString());
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot open trust store " + file + " (wrong password or not PKCS#12/JKS): "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Trusts exactly the CA certificates of a loaded key store. */
  public static ClientTls trustStore(KeyStore trusted) {
    return new ClientTls(Objects.requireNonNull(trusted, "trusted"), "the given key store");
  }

  /**
   * Trusts exactly the {@code CERTIFICATE} blocks of a PEM file (a CA bundle).
   *
   * @throws TlsException when the file cannot be read or holds no certificate
   */
  public static ClientTls pemCertificates(Path file) {
    try {
      List<X509Certificate> certs = Pem.certificates(Files.readString(file, StandardCharsets.US_ASCII));
      if (certs.isEmpty()) {
        throw new TlsException("no PEM CERTIFICATE in " + file);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < certs.size(); i++) {
        ks.setCertificateEntry("ca-" + i, certs.get(i));
      }
      return new ClientTls(ks, file.toString());
    } catch (IOException e) {
      throw new TlsException("cannot read " + file, e);
    } catch (GeneralSecurityException e) {
      throw new TlsException("not a PEM certificate bundle: " + file, e);
    }
  }

  /** A client like {@code base} (same pool, dispatcher and timeouts) that trusts only these certificates. */
  public OkHttpClient apply(OkHttpClient base) {
    return base.newBuilder().sslSocketFactory(context.getSocketFactory(), trustManager).build();
  }

  /** The trust manager, for clients other than OkHttp. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** An {@link SSLContext} trusting only these certificates. */
  public SSLContext sslContext() {
    return context;
  }

  @Override
  public String toString() {
    return "ClientTls[" + description + "]";
  }
}
