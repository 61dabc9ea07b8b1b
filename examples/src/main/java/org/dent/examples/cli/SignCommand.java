package org.dent.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.dent.signing.AuthorizationHeader;
import org.dent.signing.Signer;
import org.dent.signing.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent sign}: signs the raw bytes of stdin and prints only the signature header value. The key never appears
 * in any output.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = {"Sign the raw bytes read from stdin (BECKN-006) and print only the header value",
        "(Signature keyId=\"…\",…) for Authorization, or for X-Gateway-Authorization with --gateway."})
final class SignCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "KEY",
      description = "Ed25519 private key: base64 of a 32-byte seed, 64-byte seed+public key or PKCS#8 DER; "
          + "@FILE or file:FILE holding base64 or PEM; or env:NAME.")
  String key;

  @Option(names = "--subscriber", required = true, paramLabel = "ID", description = "Signer's subscriber_id.")
  String subscriber;

  @Option(names = "--ukid", required = true, paramLabel = "ID", description = "Signer's unique_key_id.")
  String ukid;

  @Option(names = "--created", paramLabel = "UNIX", description = "created, UNIX seconds (default: now).")
  Long created;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Expiry expiry;

  static final class Expiry {
    @Option(names = "--expires", paramLabel = "UNIX", description = "expires, UNIX seconds.")
    Long expires;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "expires = created + SECONDS (default: 300).")
    Long ttl;
  }

  @Option(names = "--gateway", description = "Sign as a gateway, for X-Gateway-Authorization (same value format).")
  boolean gateway;

  @Override
  public Integer call() {
    SigningKey signingKey = KeyInput.read(spec, "--key", key, SigningKey::parse);
    long c = created != null ? created : Math.floorDiv(System.currentTimeMillis(), 1000L);
    long e;
    if (expiry != null && expiry.expires != null) {
      e = expiry.expires;
    } else {
      long ttl = expiry != null && expiry.ttl != null ? expiry.ttl : Signer.DEFAULT_TTL.getSeconds();
      if (ttl < 1) {
        throw usage("--ttl must be at least 1 second");
      }
      e = c + ttl;
    }
    if (c < 0 || c > AuthorizationHeader.MAX_EPOCH_SECOND || e > AuthorizationHeader.MAX_EPOCH_SECOND) {
      throw usage("--created/--expires must be UNIX seconds (not milliseconds)");
    }
    if (e <= c) {
      throw usage("expires must be after created");
    }
    Signer signer;
    try {
      signer = Signer.builder(signingKey, subscriber, ukid).build();
    } catch (IllegalArgumentException ex) {
      throw usage(ex.getMessage());
    }
    byte[] body;
    try {
      body = System.in.readAllBytes();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(signer.sign(body, c, e).value());
    out.flush();
    return 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
