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
import picocli.CommandLine.Mixin;
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

  @Mixin NodeOptions node;

  @Option(names = "--port", defaultValue = "8089", paramLabel = "P",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--domain", defaultValue = "dent:energy-storage:0.1.0", paramLabel = "D",
      description = "The only domain served (default ${DEFAULT-VALUE}).")
  String domain;

  /** Completes with the running gateway once the startup line is printed; lets tests find the port. */
  final CompletableFuture<Gateway> started = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SigningKey signingKey = node.signingKey(spec);
    if (node.rateLimitProblem() != null) {
      return fail(2, node.rateLimitProblem(), null);
    }
    RegistryClient registryClient;
    try {
      registryClient = RegistryClient.create(node.registry);
    } catch (IllegalArgumentException e) {
      return fail(2, e.getMessage(), e);
    }
    Gateway gateway;
    try {
      gateway = Gateway.builder().subscriberId(node.subscriberId).uniqueKeyId(node.uniqueKeyId)
          .signingKey(signingKey).registry(registryClient).domain(domain).bindHost(node.host).port(port)
          .rateLimiter(node.rateLimit == null ? null
              : RateLimiter.of(node.rateLimit, node.burst, java.time.Clock.systemUTC()))
          .build();
    } catch (IllegalStateException | DentException e) {
      return fail(1, "cannot listen on " + node.host + ":" + port + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> shutdown(gateway), "dent-gateway-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("gateway " + node.subscriberId + " listening on " + gateway.url());
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
      log.info("gateway {} stopped", node.subscriberId);
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
