package org.dent.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The operator's data keys for personal data at rest: AES-256-GCM under the <em>current</em> key, decryption
 * with any key still listed, so keys rotate by putting a new one first and keeping the old ones until nothing
 * encrypted under them is left. Each ciphertext is stored with its key id and bound (as associated data) to the
 * row it belongs to, so it cannot be moved to another row.
 *
 * <p>Text form ({@code DENT_STORE_KEYS}, or a file named by {@code DENT_STORE_KEYS_FILE}): {@code
 * id:base64key[,id:base64key...]}, the first being current; each key is 32 random bytes ({@link #generate}).
 * {@link #toString()} shows key ids only; no exception message carries key material.
 */
public final class DataKeys {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private DataKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  /**
   * Parses {@code id:base64key[,id:base64key...]}.
   *
   * @throws IllegalArgumentException when empty, malformed, an id repeats or a key is not 32 bytes (the message
   *     names the key id, never the key)
   */
  public static DataKeys parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    for (String part : text.trim().split(",")) {
      String p = part.trim();
      int colon = p.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a data key is written id:base64key");
      }
      String id = p.substring(0, colon);
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(p.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("data key " + id + " is not base64");
      }
      if (raw.length != 32) {
        throw new IllegalArgumentException("data key " + id + " must be 32 bytes (AES-256), not " + raw.length);
      }
      if (keys.put(id, new SecretKeySpec(raw, "AES")) != null) {
        throw new IllegalArgumentException("data key id " + id + " appears twice");
      }
      java.util.Arrays.fill(raw, (byte) 0);
      current = current == null ? id : current;
    }
    if (current == null) {
      throw new IllegalArgumentException("no data key given");
    }
    return new DataKeys(current, keys);
  }

  /**
   * The keys from {@code DENT_STORE_KEYS}, else from the file named by {@code DENT_STORE_KEYS_FILE}, else null.
   *
   * @throws IllegalArgumentException when set but unreadable or malformed
   */
  public static @Nullable DataKeys fromEnvironment(Function<String, @Nullable String> env) {
    String text = env.apply("DENT_STORE_KEYS");
    if (text == null || text.isBlank()) {
      String file = env.apply("DENT_STORE_KEYS_FILE");
      if (file == null || file.isBlank()) {
        return null;
      }
      try {
        text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read DENT_STORE_KEYS_FILE " + file + ": " + e.getMessage());
      }
    }
    return parse(text);
  }

  /** A fresh key line {@code id:base64key} for {@link #parse}. */
  public static String generate(String id) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return id + ":" + Base64.getEncoder().encodeToString(raw);
  }

  /** The id of the key new data is encrypted under. */
  public String currentId() {
    return currentId;
  }

  /** A ciphertext and the id of its key. */
  public record Sealed(byte[] ciphertext, String keyId) {
    @Override
    public String toString() {
      return "Sealed[" + keyId + ", " + ciphertext.length + " bytes]";
    }
  }

  /** Encrypts {@code plain} under the current key, bound to {@code context} (the row it is stored in). */
  public Sealed seal(byte[] plain, String context) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plain);
      byte[] out = new byte[IV_BYTES + ct.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(ct, 0, out, IV_BYTES, ct.length);
      return new Sealed(out, currentId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * Decrypts what {@link #seal} made with key {@code keyId} for {@code context}.
   *
   * @throws IllegalStateException when the key id is unknown (rotated out too early) or the ciphertext was altered
   *     or belongs to another row
   */
  public byte[] open(byte[] sealed, String keyId, String context) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("data key " + keyId + " is not configured; it is needed to read stored data");
    }
    if (sealed.length < IV_BYTES) {
      throw new IllegalStateException("stored ciphertext under " + keyId + " is truncated");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored ciphertext under " + keyId + " does not authenticate for " + context);
    }
  }

  /** Key ids only. */
  @Override
  public String toString() {
    return "DataKeys[current " + currentId + ", known " + new java.util.TreeSet<>(keys.keySet()) + "]";
  }
}
