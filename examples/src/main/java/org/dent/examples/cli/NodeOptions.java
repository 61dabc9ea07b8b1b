package org.dent.examples.cli;

import org.dent.signing.SigningKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every long-running network node of the CLI shares ({@code dent bpp}, {@code dent gateway}): where it
 * listens, its registry, its identity and signing key, and the per-subscriber rate limit. Each command keeps its own
 * {@code --port} (their defaults differ).
 */
final class NodeOptions {
  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--registry", required = true, paramLabel = "URL",
      description = "Registry base URL: keys (and, for a gateway, BPPs) are looked up with POST URL/lookup.")
  String registry;

  @Option(names = "--subscriber-id", required = true, paramLabel = "ID",
      description = "This node's subscriber id, as the registry lists it.")
  String subscriberId;

  @Option(names = "--ukid", required = true, paramLabel = "ID",
      description = "The registry's unique key id of the signing key.")
  String uniqueKeyId;

  @Option(names = "--key", required = true, paramLabel = "KEY",
      description = "Ed25519 signing key: base64 or PEM text, @FILE or file:FILE holding either, or env:NAME.")
  String key;

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND",
      description = "Requests per second each BAP may send; more are answered 503 with Retry-After "
          + "(default: no limit).")
  Double rateLimit;

  @Option(names = "--burst", defaultValue = "20", paramLabel = "N",
      description = "Requests a BAP may send at once before --rate-limit applies (default ${DEFAULT-VALUE}).")
  int burst;

  /** The signing key, or a usage error naming {@code --key}. */
  SigningKey signingKey(CommandSpec spec) {
    return KeyInput.read(spec, "--key", key, SigningKey::parse);
  }

  /** Null when the rate-limit options are usable, else what is wrong with them. */
  String rateLimitProblem() {
    return rateLimit != null && (!(rateLimit > 0) || rateLimit.isInfinite() || burst < 1)
        ? "--rate-limit must be a positive number and --burst at least 1" : null;
  }
}
