package org.dent.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.dent.client.registry.RegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent registry --file SUBSCRIBERS.json [--port P] [--host H]}: a local Beckn registry answering
 * {@code POST /lookup} from a JSON array of subscriptions, re-read when the file changes. Prints one line
 * {@code registry listening on URL (N subscriptions from FILE)} to stdout and runs until killed.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Run a Beckn registry that answers POST /lookup from a JSON file of subscriptions "
        + "(re-read when it changes). Runs until killed.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped", "1:cannot listen on the port", "2:the file is unreadable or not subscriptions"})
final class RegistryCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RegistryCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "SUBSCRIBERS.json",
      description = "JSON array of subscriptions (subscriber_id, url, type, domain, key_id, signing_public_key, "
          + "valid_from, valid_until, status, ...).")
  Path file;

  @Option(names = "--port", defaultValue = "8088", paramLabel = "P",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  /** Completes with the running server once the startup line is printed; lets tests find the port. */
  final CompletableFuture<RegistryServer> started = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RegistryServer server;
    try {
      server = RegistryServer.ofFile(file);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      err.println("dent registry: " + e.getMessage());
      err.flush();
      started.completeExceptionally(e);
      return 2;
    }
    try {
      server.start(host, port);
    } catch (IllegalStateException e) {
      err.println("dent registry: " + e.getMessage());
      err.flush();
      started.completeExceptionally(e);
      return 1;
    }
    Thread hook = new Thread(server::close, "dent-registry-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("registry listening on " + server.url() + " (" + server.subscriptions().size()
          + " subscriptions from " + file + ")");
      out.flush();
      started.complete(server);
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing to undo
      }
      log.info("registry on {} stopped", file);
    }
    return 0;
  }

  /** Makes {@link #call()} close the server and return 0. */
  void stop() {
    stop.countDown();
  }
}
