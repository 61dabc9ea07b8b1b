package org.dent.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A BPP's synchronous answer to a raw POST.
 *
 * @param status HTTP status
 * @param headers response headers (lower-case names)
 * @param body response body
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {
  /** A header by name (case-insensitive), or null. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A short description for failure messages. */
  public String summary() {
    String t = text();
    return "HTTP " + status + " " + (t.length() > 200 ? t.substring(0, 200) + "..." : t);
  }
}
