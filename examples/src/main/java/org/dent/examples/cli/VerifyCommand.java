package org.dent.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.dent.signing.AuthorizationHeader;
import org.dent.signing.SignatureVerificationException;
import org.dent.signing.VerificationKey;
import org.dent.signing.VerifiedSender;
import org.dent.signing.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent verify}: checks a signature header over the raw bytes of stdin with one public key. Exit 0 and
 * {@code OK SUBSCRIBER|UKID}, exit 1 and {@code INVALID REASON} (the detail goes to stderr), exit 2 on a usage error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a BECKN-006 signature header value over the raw bytes read from stdin.",
        "Prints OK SUBSCRIBER|UKID (exit 0) or INVALID REASON (exit 1); usage errors exit 2."})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--public-key", required = true, paramLabel = "KEY",
      description = "Ed25519 public key: base64 of the raw 32 bytes or SPKI DER, @FILE or file:FILE holding base64 or PEM, or env:NAME.")
  String publicKey;

  @Option(names = "--header", required = true, paramLabel = "VALUE",
      description = "The Authorization or X-Gateway-Authorization header value.")
  String header;

  @Option(names = "--now", paramLabel = "UNIX", description = "Verify as of this time, UNIX seconds (default: now).")
  Long now;

  @Option(names = "--skew", paramLabel = "SECONDS", description = "Allowed clock skew (default: 5).")
  Long skew;

  @Option(names = "--no-time-check",
      description = "Skip created/expires/window checks (for archived messages); cannot be combined with --now/--skew.")
  boolean noTimeCheck;

  @Override
  public Integer call() {
    VerificationKey key = KeyInput.readPublic(spec, "--public-key", publicKey, VerificationKey::parse);
    if (noTimeCheck && (now != null || skew != null)) {
      throw usage("--no-time-check cannot be combined with --now or --skew");
    }
    if (skew != null && skew < 0) {
      throw usage("--skew must not be negative");
    }
    if (now != null && (now < 0 || now > AuthorizationHeader.MAX_EPOCH_SECOND)) {
      throw usage("--now must be UNIX seconds (not milliseconds)");
    }
    byte[] body;
    try {
      body = System.in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Verifier.Builder builder = Verifier.builder((subscriberId, uniqueKeyId) -> key);
    try {
      if (now != null) {
        builder.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
      }
      if (skew != null) {
        builder.skew(Duration.ofSeconds(skew));
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (noTimeCheck && !header.isBlank()) {
        // The library has no switch to turn time checks off; verifying "as of created" with no window limit
        // passes every time check for a well-formed header, while a malformed one still fails here.
        long created = AuthorizationHeader.parse(header).created();
        builder.clock(Clock.fixed(Instant.ofEpochSecond(created), ZoneOffset.UTC)).noMaxWindow();
      }
      VerifiedSender sender = builder.build().verify(header, body, null);
      out.println("OK " + sender.subscriberId() + "|" + sender.uniqueKeyId());
      out.flush();
      return 0;
    } catch (SignatureVerificationException e) {
      out.println("INVALID " + e.reason().name());
      out.flush();
      spec.commandLine().getErr().println("dent verify: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
