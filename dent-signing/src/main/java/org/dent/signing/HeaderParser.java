package org.dent.signing;

import java.util.Base64;
import org.dent.signing.MalformedHeaderException.Problem;

/**
 * Parses signature header values: one left-to-right scan, then the checks in a fixed order (missing parameters,
 * keyId, algorithm, headers, created, expires, signature), so a given bad value always gets the same problem.
 */
final class HeaderParser {
  private static final String[] NAMES = {"keyId", "algorithm", "created", "expires", "headers", "signature"};
  private static final int KEY_ID = 0;
  private static final int ALGORITHM = 1;
  private static final int CREATED = 2;
  private static final int EXPIRES = 3;
  private static final int HEADERS = 4;
  private static final int SIGNATURE = 5;
  private static final String SCHEME = "Signature";

  private HeaderParser() {}

  static AuthorizationHeader parse(String value, String header) {
    if (value == null) {
      throw new MalformedHeaderException(Problem.SYNTAX, header, null, "header value is empty");
    }
    int n = value.length();
    int i = 0;
    while (i < n && isOws(value.charAt(i))) {
      i++;
    }
    while (n > i && isOws(value.charAt(n - 1))) {
      n--;
    }
    if (i == n) {
      throw new MalformedHeaderException(Problem.SYNTAX, header, null, "header value is empty");
    }
    // Optional auth scheme: "Signature" followed by at least one space. Any other scheme word is refused.
    int t = i;
    while (t < n && isTokenChar(value.charAt(t))) {
      t++;
    }
    if (t < n && value.charAt(t) == ' ') {
      if (t - i != SCHEME.length() || !value.regionMatches(true, i, SCHEME, 0, SCHEME.length())) {
        throw new MalformedHeaderException(Problem.SYNTAX, header, null,
            "auth scheme must be 'Signature', found '" + clip(value.substring(i, t)) + "'");
      }
      i = t;
      while (i < n && value.charAt(i) == ' ') {
        i++;
      }
    }

    String[] values = new String[NAMES.length];
    while (true) {
      int ns = i;
      while (i < n && isTokenChar(value.charAt(i))) {
        i++;
      }
      if (i == ns) {
        throw syntax(header, "expected a parameter name at offset " + i);
      }
      int idx = index(value, ns, i);
      if (i >= n || value.charAt(i) != '=') {
        throw syntax(header, "expected '=' after '" + clip(value.substring(ns, i)) + "'");
      }
      i++;
      if (i >= n || value.charAt(i) != '"') {
        throw syntax(header, "value of '" + clip(value.substring(ns, i - 1)) + "' must be a quoted string");
      }
      int vs = ++i;
      int q = value.indexOf('"', vs);
      if (q < 0 || q >= n) {
        throw syntax(header, "unterminated quoted string for '" + clip(value.substring(ns, vs - 2)) + "'");
      }
      if (idx < 0) {
        String name = clip(value.substring(ns, vs - 2));
        throw new MalformedHeaderException(Problem.UNKNOWN_PARAMETER, header, name,
            "unknown parameter '" + name + "'");
      }
      if (values[idx] != null) {
        throw new MalformedHeaderException(Problem.DUPLICATE_PARAMETER, header, NAMES[idx],
            "parameter '" + NAMES[idx] + "' appears more than once");
      }
      values[idx] = value.substring(vs, q);
      i = q + 1;
      if (i == n) {
        break;
      }
      if (value.charAt(i) != ',') {
        throw syntax(header, "expected ',' after the value of '" + NAMES[idx] + "'");
      }
      i++;
      while (i < n && value.charAt(i) == ' ') {
        i++;
      }
    }
    for (int k = 0; k < NAMES.length; k++) {
      if (values[k] == null) {
        throw new MalformedHeaderException(Problem.MISSING_PARAMETER, header, NAMES[k],
            "parameter '" + NAMES[k] + "' is missing");
      }
    }
    String keyId = values[KEY_ID];
    int p1 = keyId.indexOf('|');
    int p2 = p1 < 0 ? -1 : keyId.indexOf('|', p1 + 1);
    if (p1 <= 0 || p2 < 0 || p2 == p1 + 1 || p2 == keyId.length() - 1 || keyId.indexOf('|', p2 + 1) >= 0) {
      throw new MalformedHeaderException(Problem.BAD_KEY_ID, header, "keyId",
          "keyId must be 'subscriber_id|unique_key_id|algorithm' with three non-empty parts");
    }
    if (!AuthorizationHeader.ALGORITHM.equals(values[ALGORITHM])) {
      throw new MalformedHeaderException(Problem.UNSUPPORTED_ALGORITHM, header, "algorithm",
          "algorithm must be 'ed25519'");
    }
    if (!keyId.regionMatches(p2 + 1, AuthorizationHeader.ALGORITHM, 0, AuthorizationHeader.ALGORITHM.length())
        || keyId.length() - p2 - 1 != AuthorizationHeader.ALGORITHM.length()) {
      throw new MalformedHeaderException(Problem.ALGORITHM_MISMATCH, header, "keyId",
          "the keyId's algorithm differs from algorithm 'ed25519'");
    }
    if (!SignatureHeaders.SIGNED_HEADERS.equals(values[HEADERS])) {
      throw new MalformedHeaderException(Problem.UNSUPPORTED_HEADERS, header, "headers",
          "headers must be '" + SignatureHeaders.SIGNED_HEADERS + "'");
    }
    long created = seconds(values[CREATED], "created", header);
    long expires = seconds(values[EXPIRES], "expires", header);
    if (expires <= created) {
      throw new MalformedHeaderException(Problem.EXPIRES_NOT_AFTER_CREATED, header, "expires",
          "expires (" + expires + ") is not after created (" + created + ")");
    }
    byte[] signature = signature(values[SIGNATURE], header);
    return new AuthorizationHeader(keyId.substring(0, p1), keyId.substring(p1 + 1, p2), created, expires,
        signature, null);
  }

  private static long seconds(String s, String name, String header) {
    int len = s.length();
    if (len == 0 || len > 18 || (len > 1 && s.charAt(0) == '0')) {
      throw badTimestamp(s, name, header);
    }
    long v = 0;
    for (int k = 0; k < len; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        throw badTimestamp(s, name, header);
      }
      v = v * 10 + (c - '0');
    }
    if (v > AuthorizationHeader.MAX_EPOCH_SECOND) {
      throw new MalformedHeaderException(Problem.TIMESTAMP_IN_MILLISECONDS, header, name,
          name + " (" + s + ") looks like milliseconds; Beckn uses UNIX seconds");
    }
    return v;
  }

  private static MalformedHeaderException badTimestamp(String s, String name, String header) {
    return new MalformedHeaderException(Problem.BAD_TIMESTAMP, header, name,
        name + " must be UNIX seconds as plain decimal digits, found '" + clip(s) + "'");
  }

  private static byte[] signature(String s, String header) {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      sig = null;
    }
    // Canonical form only (88 characters, '==' padding, zero pad bits): otherwise several header values would
    // carry the same signature.
    if (sig == null || sig.length != 64 || !Base64.getEncoder().encodeToString(sig).equals(s)) {
      throw new MalformedHeaderException(Problem.BAD_SIGNATURE_ENCODING, header, "signature",
          "signature must be canonical base64 of 64 bytes");
    }
    return sig;
  }

  private static int index(String value, int start, int end) {
    int len = end - start;
    for (int k = 0; k < NAMES.length; k++) {
      if (NAMES[k].length() == len && value.regionMatches(start, NAMES[k], 0, len)) {
        return k;
      }
    }
    return -1;
  }

  /** Peer input echoed in a message, cut short. */
  private static String clip(String s) {
    return s.length() > 24 ? s.substring(0, 24) + "…" : s;
  }

  private static MalformedHeaderException syntax(String header, String message) {
    return new MalformedHeaderException(Problem.SYNTAX, header, null, message);
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** RFC 9110 tchar. */
  private static boolean isTokenChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
