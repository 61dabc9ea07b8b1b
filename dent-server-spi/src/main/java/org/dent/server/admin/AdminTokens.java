package org.dent.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dent.signing.KeySource;

/**
 * The bearer tokens of the admin endpoint, kept only as SHA-256 hashes: a token is shown once, when created, and
 * never stored, logged or printed again. A presented token is hashed and compared with every stored hash in constant
 * time ({@link MessageDigest#isEqual}), without stopping at the first match, so timing tells nothing about which
 * bytes were right.
 *
 * <p>File format ({@link #load(Path)}), one token per line, {@code #} comments:
 *
 * <pre>
 * # name   role      hash of the token (dent admin-token prints such a line)
 * alice    admin     sha256:3f0a…
 * grafana  viewer    sha256:9b1c…
 * </pre>
 *
 * <p>Tokens created or revoked through the API live in memory only. Thread-safe.
 */
public final class AdminTokens {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One token: its name, role and hash; never the token itself. */
  public record Entry(String name, AdminRole role, byte[] sha256) {
    @Override
    public String toString() {
      return "AdminTokens.Entry[" + name + ", " + role.code() + "]";
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** No tokens: every request is 401 until one is added. */
  public AdminTokens() {}

  /**
   * Reads a token file (see the class comment). A file readable by group or others is read with a warning.
   *
   * @throws IllegalArgumentException naming the line when one is malformed (never echoing a hash)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static AdminTokens load(Path file) {
    KeySource.warnIfShared(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read admin token file " + file, e);
    }
    AdminTokens tokens = new AdminTokens();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3 || !parts[2].startsWith("sha256:") || parts[2].length() != 7 + 64) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'NAME ROLE sha256:HEX64'");
      }
      try {
        tokens.put(parts[0], AdminRole.fromCode(parts[1]), HexFormat.of().parseHex(parts[2].substring(7)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return tokens;
  }

  /** The file line for {@code token}: {@code NAME ROLE sha256:HEX}. */
  public static String fileLine(String name, AdminRole role, String token) {
    return name + " " + role.code() + " sha256:" + HexFormat.of().formatHex(sha256(token));
  }

  /** A fresh random token: 32 bytes from {@link SecureRandom}, base64url without padding. */
  public static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Adds a token with a fresh random secret; returns the secret, which is not kept.
   *
   * @throws IllegalArgumentException when the name is taken or not {@code [A-Za-z0-9._@-]{1,64}}
   */
  public String create(String name, AdminRole role) {
    String token = newToken();
    put(name, role, sha256(token));
    return token;
  }

  /** Adds a token you chose (tests, bootstrap). */
  public AdminTokens add(String name, AdminRole role, String token) {
    put(name, role, sha256(token));
    return this;
  }

  /** Removes a token; false when there is none of that name. */
  public synchronized boolean revoke(String name) {
    return entries.remove(name) != null;
  }

  /** Names and roles of the tokens. */
  public synchronized List<Entry> list() {
    return List.copyOf(entries.values());
  }

  /** Whom {@code presented} belongs to, checking every token in constant time. */
  public Optional<Entry> authenticate(String presented) {
    byte[] hash = sha256(presented == null ? "" : presented);
    List<Entry> all;
    synchronized (this) {
      all = new ArrayList<>(entries.values());
    }
    Entry found = null;
    for (Entry e : all) {
      if (MessageDigest.isEqual(e.sha256(), hash) & found == null) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  private synchronized void put(String name, AdminRole role, byte[] hash) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("token name is 1-64 of [A-Za-z0-9._@-]");
    }
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("a token named " + name + " exists");
    }
    entries.put(name, new Entry(name, role, hash.clone()));
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  @Override
  public synchronized String toString() {
    return "AdminTokens[" + entries.size() + " tokens]";
  }
}
