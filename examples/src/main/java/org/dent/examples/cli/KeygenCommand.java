package org.dent.examples.cli;

import java.io.PrintWriter;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.dent.signing.KeyFormatException;
import org.dent.signing.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dent keygen [--seed B64]}: prints one JSON object with the raw 32-byte seed and public key in base64. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Create an Ed25519 signing key pair (or derive it from a seed) and print it as one JSON line:",
        "{\"private_key_seed_b64\":\"…\",\"public_key_b64\":\"…\"} (raw 32-byte forms).",
        "Register public_key_b64 as signing_public_key; keep the seed secret."})
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--seed", paramLabel = "B64", description = "Derive from this 32-byte seed (base64) instead of a "
      + "random one.")
  String seed;

  @Override
  public Integer call() {
    SigningKey key;
    if (seed == null) {
      key = SigningKey.generate();
    } else {
      try {
        byte[] raw = Base64.getDecoder().decode(seed.strip());
        key = SigningKey.fromSeed(raw);
      } catch (IllegalArgumentException | KeyFormatException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--seed: must be base64 of 32 bytes");
      }
    }
    byte[] secret = key.exportSeedUnsafe();
    PrintWriter out = spec.commandLine().getOut();
    out.println("{\"private_key_seed_b64\":\"" + Base64.getEncoder().encodeToString(secret)
        + "\",\"public_key_b64\":\"" + key.publicKey().toBase64() + "\"}");
    out.flush();
    java.util.Arrays.fill(secret, (byte) 0);
    return 0;
  }
}
