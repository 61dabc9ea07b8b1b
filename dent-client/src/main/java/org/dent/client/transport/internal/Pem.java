package org.dent.client.transport.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM certificates and unencrypted PKCS#8 private keys with the JDK alone. Not API. */
public final class Pem {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private Pem() {}

  /** Every {@code CERTIFICATE} block of {@code text}, in order. */
  public static List<X509Certificate> certificates(String text) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      if ("CERTIFICATE".equals(m.group(1))) {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
      }
    }
    return out;
  }

  /**
   * The {@code PRIVATE KEY} block of {@code text} (unencrypted PKCS#8) as a key of {@code algorithm} (the
   * certificate's: {@code RSA}, {@code EC}, {@code Ed25519}...).
   *
   * @throws GeneralSecurityException when there is no such block or it is not a key of that algorithm; the
   *     message never contains key bytes
   */
  public static PrivateKey privateKey(String text, String algorithm) throws GeneralSecurityException {
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if ("PRIVATE KEY".equals(type)) {
        byte[] der = decode(m.group(2));
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
          throw new GeneralSecurityException("the PRIVATE KEY block is not an unencrypted PKCS#8 " + algorithm
              + " key");
        } finally {
          Arrays.fill(der, (byte) 0);
        }
      }
      if (type.endsWith("PRIVATE KEY")) {
        throw new GeneralSecurityException("PEM '" + type + "' is not supported: convert it to unencrypted PKCS#8 "
            + "('openssl pkcs8 -topk8 -nocrypt')");
      }
    }
    throw new GeneralSecurityException("no PEM 'PRIVATE KEY' block");
  }

  private static byte[] decode(String body) {
    return Base64.getMimeDecoder().decode(body.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
  }
}
