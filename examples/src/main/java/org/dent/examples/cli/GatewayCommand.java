package org.dent.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dent.client.gateway.Gateway;
import org.dent.client.registry.RegistryClient;
import org.dent.client.transport.RateLimiter;
import org.dent.core.error.DentException;
import org.dent.signing.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent gateway --port P --registry URL --subscriber-id ID --ukid ID --key KEY [--domain D]}: a Beckn gateway
 * for local networks (see {@link Gateway}). BAPs send {@code search} here; it is checked, ACKed and forwarded to
 * every BPP the registry lists for the domain (and the search's city, when it names one) with this gateway's
 * {@code X-Gateway-Authorization}. The registry must list the gateway as type {@code BG} with this key. Prints one
 * line {@code gateway ID listening on URL} and runs until killed.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = "Run a Beckn gateway (BG) that fans search out to the registry's BPPs, until killed.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped", "1:cannot listen on the port", "2:usage error or bad key"})
final class GatewayCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(GatewayCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8089", paramLabel = "P",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--registry", required = true, paramLabel = "URL",
      description = "Registry base URL: BAP keys and BPPs are looked up with POST URL/lookup.")
  String registry;

  @Option(names = "--subscriber-id", required = true, paramLabel = "ID",
      description = "This gateway's subscriber id (registered as BG).")
  String subscriberId;

  @Option(names = "--ukid", required = true, paramLabel = "ID",
      description = "The registry's unique key id of the signing key.")
  String uniqueKeyId;

  @Option(names = "--key", required = true, paramLabel = "KEY",
      description = "Ed25519 signing key: base64 or PEM text, or @FILE holding either.")
  String key;

  @Option(names = "--domain", defaultValue = "dent:energy-storage:0.1.0", paramLabel = "D",
      description = "The only domain served (default ${DEFAULT-VALUE}).")
  String domain;

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND",
      description = "Searches per second each BAP may send (default: no limit).")
  Double rateLimit;

  @Option(names = "--burst", defaultValue = "20", paramLabel = "N",
      description = "Searches a BAP may send at once before --rate-limit applies (default ${DEFAULT-VALUE}).")
  int burst;

  /** Completes with the running gateway once the startup line is printed; lets tests find the port. */
  final CompletableFuture<Gateway> started = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SigningKey signingKey = KeyInput.read(spec, "--key", key, SigningKey::parse);
    if (rateLimit != null && (!(rateLimit > 0) || rateLimit.isInfinite() || burst < 1)) {
      return fail(2, "--rate-limit must be a positive number and --burst at least 1", null);
    }
    RegistryClient registryClient;
    try {
      registryClient = RegistryClient.create(registry);
    } catch (IllegalArgumentException e) {
      return fail(2, e.getMessage(), e);
    }
    Gateway gateway;
    try {
      gateway = Gateway.builder().subscriberId(subscriberId).uniqueKeyId(uniqueKeyId).signingKey(signingKey)
          .registry(registryClient).domain(domain).bindHost(host).port(port)
          .rateLimiter(rateLimit == null ? null : RateLimiter.of(rateLimit, burst, java.time.Clock.systemUTC()))
          .build();
    } catch (IllegalStateException | DentException e) {
      return fail(1, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> shutdown(gateway), "dent-gateway-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("gateway " + subscriberId + " listening on " + gateway.url());
      out.flush();
      started.complete(gateway);
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutdown(gateway);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing to undo
      }
      log.info("gateway {} stopped", subscriberId);
    }
    return 0;
  }

  /** Makes {@link #call()} stop the gateway and return 0. */
  void stop() {
    stop.countDown();
  }

  private void shutdown(Gateway gateway) {
    if (closed.compareAndSet(false, true)) {
      gateway.close();
    }
  }

  private int fail(int code, String message, Throwable cause) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("dent gateway: " + message);
    err.flush();
    started.completeExceptionally(cause != null ? cause : new IllegalArgumentException(message));
    return code;
  }
}
