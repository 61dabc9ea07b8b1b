package org.dent.examples.cli;

import java.net.URI;
import java.time.Duration;
import org.dent.client.bap.BppTarget;
import org.dent.client.bap.DentClient;
import org.dent.client.transport.ClientTls;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.TlsException;
import org.dent.signing.SigningKey;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The identity and connection options every {@code dent bap} command shares. */
final class BapOptions {
  @Option(names = "--registry", required = true, paramLabel = "URL", description = "Registry resolving BPP keys.")
  URI registry;

  @Option(names = "--subscriber-id", required = true, paramLabel = "ID", description = "This BAP's subscriber id.")
  String subscriberId;

  @Option(names = "--ukid", required = true, paramLabel = "ID", description = "This BAP's unique key id.")
  String ukid;

  @Option(names = "--key", required = true, paramLabel = "KEY",
      description = "This BAP's signing key: base64 (seed, seed+public, PKCS#8), PEM, @FILE or file:FILE, or env:NAME.")
  String key;

  @Option(names = "--callback-port", paramLabel = "P", description = "Port of the callback host (default: any).")
  int callbackPort;

  @Option(names = "--callback-url", paramLabel = "URL",
      description = "Public callback URL when BPPs must reach this host through another address.")
  @Nullable URI callbackUrl;

  @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "30", description = "How long to await callbacks.")
  int ttlSeconds;

  @Option(names = "--tls-trust", paramLabel = "FILE",
      description = "PEM CA certificates trusted for HTTPS BPPs, gateway and registry (default: the system store).")
  java.nio.file.@Nullable Path tlsTrust;

  @Option(names = "--json", description = "Print each callback as one line of JSON instead of a summary.")
  boolean json;

  DentClient client(CommandSpec spec, @Nullable URI gateway) {
    SigningKey signingKey = KeyInput.read(spec, "--key", key, SigningKey::parse);
    DentClient.Builder b = DentClient.builder().subscriberId(subscriberId).uniqueKeyId(ukid).signingKey(signingKey)
        .callbackPort(callbackPort).ttl(Duration.ofSeconds(ttlSeconds));
    if (tlsTrust != null) {
      try {
        b.httpClient(ClientTls.pemCertificates(tlsTrust).apply(OutboundSender.defaultHttpClient()));
      } catch (TlsException e) {
        throw usage(spec, "--tls-trust: " + e.getMessage());
      }
    }
    b.registry(registry); // after httpClient: the registry is called through it too
    if (callbackUrl != null) {
      b.callbackUrl(callbackUrl);
    }
    if (gateway != null) {
      b.gatewayUrl(gateway);
    }
    return b.build();
  }

  /** Options naming the BPP and transaction a follow-up request continues. */
  static final class Target {
    @Option(names = "--bpp", required = true, paramLabel = "URL", description = "The BPP's base URL.")
    URI bpp;

    @Option(names = "--bpp-id", required = true, paramLabel = "ID", description = "The BPP's subscriber id.")
    String bppId;

    @Option(names = "--transaction-id", paramLabel = "ID",
        description = "The transaction to continue (default: a new one).")
    @Nullable String transactionId;

    BppTarget target(DentClient client) {
      return new BppTarget(bppId, bpp, transactionId == null ? client.newTransactionId() : transactionId);
    }
  }

  static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
