package org.dent.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.dent.core.error.DentException;
import org.dent.core.error.ErrorCode;

/**
 * The Beckn/ONDC registry onboarding challenge: during {@code on_subscribe} the registry sends a challenge encrypted
 * to the subscriber's {@code encr_public_key}; the subscriber decrypts it and answers with the plaintext. The scheme,
 * as peers implement it: key = the raw 32-byte X25519 shared secret of (own private key, other side's public key),
 * cipher = AES-256 in ECB mode with PKCS#7 padding, ciphertext in base64. {@link #encrypt} is the registry's side,
 * for tests and mock registries.
 *
 * <p>ECB and an unhashed shared secret are what the ecosystem uses, not a recommendation; this class exists only to
 * interoperate with that handshake.
 */
public final class RegistryChallenge {
  private RegistryChallenge() {}

  /**
   * Decrypts a base64 challenge to its UTF-8 text.
   *
   * @param peerPublicKey the registry's X25519 public key, raw 32 bytes or SPKI DER
   * @throws DentException ({@code 30000}) when the text is not base64 or does not decrypt with valid padding
   */
  public static String decrypt(EncryptionKey ownKey, byte[] peerPublicKey, String challengeBase64) {
    byte[] ct;
    try {
      ct = Base64.getDecoder().decode(challengeBase64.strip());
    } catch (IllegalArgumentException e) {
      throw new DentException(ErrorCode.INVALID_REQUEST, "challenge is not base64");
    }
    return new String(decrypt(ownKey, peerPublicKey, ct), StandardCharsets.UTF_8);
  }

  /** Decrypts raw challenge bytes; as {@link #decrypt(EncryptionKey, byte[], String)}. */
  public static byte[] decrypt(EncryptionKey ownKey, byte[] peerPublicKey, byte[] ciphertext) {
    if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
      throw new DentException(ErrorCode.INVALID_REQUEST, "challenge length is not a positive multiple of 16");
    }
    try {
      return run(false, ownKey, peerPublicKey, ciphertext);
    } catch (InvalidCipherTextException e) {
      throw new DentException(ErrorCode.INVALID_REQUEST, "challenge does not decrypt with this key pair");
    }
  }

  /** Encrypts UTF-8 text the way a registry does; returns base64. */
  public static String encrypt(EncryptionKey ownKey, byte[] peerPublicKey, String plaintext) {
    return Base64.getEncoder().encodeToString(encrypt(ownKey, peerPublicKey,
        plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  /** Encrypts raw bytes the way a registry does. */
  public static byte[] encrypt(EncryptionKey ownKey, byte[] peerPublicKey, byte[] plaintext) {
    try {
      return run(true, ownKey, peerPublicKey, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("padding failed while encrypting", e);
    }
  }

  private static byte[] run(boolean encrypt, EncryptionKey ownKey, byte[] peerPublicKey, byte[] in)
      throws InvalidCipherTextException {
    Objects.requireNonNull(ownKey, "ownKey");
    byte[] secret = ownKey.agree(EncryptionKey.decodePublicKey(peerPublicKey));
    try {
      BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(AESEngine.newInstance(), new PKCS7Padding());
      cipher.init(encrypt, new KeyParameter(secret));
      byte[] out = new byte[cipher.getOutputSize(in.length)];
      int n = cipher.processBytes(in, 0, in.length, out, 0);
      n += cipher.doFinal(out, n);
      return n == out.length ? out : Arrays.copyOf(out, n);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
