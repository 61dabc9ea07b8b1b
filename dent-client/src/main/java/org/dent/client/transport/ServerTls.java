package org.dent.client.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.dent.client.transport.internal.Pem;

/**
 * The certificate and private key an {@link HttpHost} serves HTTPS with: from a PKCS#12 (or JKS) key store, from
 * PEM files (certificate chain + unencrypted PKCS#8 key), or from an {@link SSLContext} you built. Validated on
 * creation: the store opens with the password and holds a private key with its certificate chain.
 *
 * <p>Immutable. {@link #toString()} names the certificate's subject, never a password or key. Passwords given as
 * {@code char[]} are not kept (wipe them after the call if you like).
 */
public final class ServerTls {
  private final SSLContext context;
  private final String subject;

  private ServerTls(SSLContext context, String subject) {
    this.context = context;
    this.subject = subject;
  }

  /**
   * From a key store file: PKCS#12 ({@code .p12}/{@code .pfx}) or JKS, detected from the content. The key's
   * password is the store's (as {@code keytool} and {@code openssl pkcs12} write them).
   *
   * @throws TlsException when the file cannot be read or opened with {@code password}, or holds no private key
   */
  public static ServerTls keyStore(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
    KeyStore ks;
    try {
      ks = KeyStore.getInstance(file.toFile(), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot open key store " + file + " (wrong password or not PKCS#12/JKS): "
          + e.getClass().getSimpleName(), e);
    }
    return keyStore(ks, password, file.toString());
  }

  /**
   * From a loaded key store whose private key is protected by {@code password}.
   *
   * @throws TlsException when it holds no private key or the password does not open it
   */
  public static ServerTls keyStore(KeyStore keyStore, char[] password) {
    return keyStore(keyStore, password, "the key store");
  }

  /**
   * From PEM files: {@code certificateChain} holds the server certificate first, then any intermediates;
   * {@code privateKey} holds its unencrypted PKCS#8 {@code PRIVATE KEY} (RSA, EC or Ed25519). Both may be one file.
   * Encrypted or PKCS#1 ({@code RSA PRIVATE KEY}) keys are refused with how to convert them.
   *
   * @throws TlsException when a file is unreadable, has no certificate or key, or the key does not belong to the
   *     certificate
   */
  public static ServerTls pem(Path certificateChain, Path privateKey) {
    List<X509Certificate> chain;
    PrivateKey key;
    try {
      chain = Pem.certificates(Files.readString(certificateChain, StandardCharsets.US_ASCII));
      if (chain.isEmpty()) {
        throw new TlsException("no PEM CERTIFICATE in " + certificateChain);
      }
      key = Pem.privateKey(Files.readString(privateKey, StandardCharsets.US_ASCII),
          chain.get(0).getPublicKey().getAlgorithm());
    } catch (IOException e) {
      throw new TlsException("cannot read " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new TlsException("PEM " + certificateChain + " / " + privateKey + ": " + e.getMessage(), e);
    }
    char[] password = new char[0];
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
      return keyStore(ks, password, privateKey.toString());
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("the key in " + privateKey + " does not fit the certificate in " + certificateChain,
          e);
    }
  }

  /** From a ready {@link SSLContext} (your own key managers, an HSM...). */
  public static ServerTls of(SSLContext context) {
    return new ServerTls(Objects.requireNonNull(context, "context"), "a given SSLContext");
  }

  private static ServerTls keyStore(KeyStore ks, char[] password, String what) {
    try {
      String alias = null;
      for (String a : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(a)) {
          alias = a;
          break;
        }
      }
      if (alias == null) {
        throw new TlsException(what + " holds no private key entry");
      }
      Certificate cert = ks.getCertificate(alias);
      String subject = cert instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : alias;
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return new ServerTls(context, subject);
    } catch (GeneralSecurityException e) {
      throw new TlsException("cannot use " + what + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The context the server's TLS engine is made from. */
  public SSLContext sslContext() {
    return context;
  }

  /** The serving certificate's subject (distinguished name). */
  public String subject() {
    return subject;
  }

  /** Reads the password in environment variable {@code name}, for command lines. */
  public static char[] passwordFromEnv(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new TlsException("environment variable " + name + " is not set");
    }
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return "ServerTls[" + subject + "]";
  }
}
