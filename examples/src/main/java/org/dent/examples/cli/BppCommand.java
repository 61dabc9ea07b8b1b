package org.dent.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dent.client.registry.RegistryClient;
import org.dent.client.registry.RegistryKeyResolver;
import org.dent.client.transport.ClientTls;
import org.dent.client.transport.OutboundSender;
import org.dent.client.transport.ServerTls;
import org.dent.client.transport.TlsException;
import org.dent.signing.KeyFormatException;
import org.dent.signing.KeySource;
import okhttp3.OkHttpClient;
import org.dent.core.error.DentException;
import org.dent.server.admin.AdminServer;
import org.dent.server.admin.AdminTokens;
import org.dent.server.engine.BppEngine;
import org.dent.server.reference.Fleet;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.store.EngineStore;
import org.dent.server.store.InMemoryStore;
import org.dent.server.store.OperatorStore;
import org.dent.signing.SigningKey;
import org.dent.store.jdbc.DataKeys;
import org.dent.store.jdbc.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dent bpp --port P --registry URL --subscriber-id ID --ukid ID --key KEY [--fleet FILE] [--time-scale N]
 * [--store memory|jdbc:postgresql://…] [--rate-limit PER_SECOND --burst N]
 * [--tls-keystore FILE --tls-password SECRET | --tls-cert FILE --tls-key FILE] [--tls-trust FILE]
 * [--admin-port P --admin-token-file FILE]}:
 * runs the reference storage operator behind a BPP engine, its state in memory or in PostgreSQL (credentials from
 * {@code --store-user/--store-password} or {@code DENT_STORE_USER/DENT_STORE_PASSWORD}, never logged). BAP
 * signatures are checked with keys looked up in the registry (requests only from {@code BAP} subscriptions, a
 * gateway header only from a {@code BG}); the BPP registers nothing itself: the registry's file must list it.
 * Prints one line {@code bpp ID listening on URL} and runs until killed.
 */
@Command(name = "bpp", mixinStandardHelpOptions = true,
    description = "Run the in-memory reference storage operator (a BPP) until killed.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped", "1:cannot listen on the port", "2:usage error, bad key or fleet file"})
final class BppCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(BppCommand.class);

  @Spec CommandSpec spec;

  @Mixin NodeOptions node;

  @Option(names = "--port", defaultValue = "8090", paramLabel = "P",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--fleet", paramLabel = "FILE",
      description = "Fleet JSON file (default: the built-in fleet of four assets around Bengaluru).")
  Path fleet;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "Serve HTTPS with this PKCS#12 (or JKS) key store (default: plain HTTP, for local development).")
  Path tlsKeystore;

  @Option(names = "--tls-password", paramLabel = "SECRET",
      description = "Password of --tls-keystore: the text, env:NAME or file:FILE (default env:DENT_TLS_PASSWORD).")
  String tlsPassword;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Serve HTTPS with this PEM certificate chain (with --tls-key) instead of a key store.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "Unencrypted PKCS#8 PEM private key of --tls-cert.")
  Path tlsKey;

  @Option(names = "--tls-trust", paramLabel = "FILE",
      description = "PEM CA certificates trusted for HTTPS callbacks and the registry (default: the system store).")
  Path tlsTrust;

  @Option(names = "--admin-port", paramLabel = "P",
      description = "Also serve the operator admin endpoint on this port (0: a free one); needs --admin-token-file.")
  Integer adminPort;

  @Option(names = "--admin-host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "Address of the admin endpoint (default ${DEFAULT-VALUE}).")
  String adminHost;

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "Admin bearer tokens, one 'NAME ROLE sha256:HEX' a line (dent admin-token prints them).")
  Path adminTokenFile;

  @Option(names = "--time-scale", defaultValue = "1", paramLabel = "N",
      description = "Simulated seconds per wall second, e.g. 720 runs an hour in 5 s (default ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--store", defaultValue = "memory", paramLabel = "STORE",
      description = "Where orders, reservations, meters, bills and pending callbacks live: memory (default; lost "
          + "when the process ends) or a PostgreSQL URL jdbc:postgresql://HOST:PORT/DB, which survives restarts and "
          + "may be shared by several BPP instances. Personal data is encrypted under the keys in DENT_STORE_KEYS "
          + "(id:base64key,...; first is current) or the file named by DENT_STORE_KEYS_FILE.")
  String store;

  @Option(names = "--store-user", paramLabel = "USER",
      description = "Database user (default: environment DENT_STORE_USER).")
  String storeUser;

  @Option(names = "--store-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
      description = "Database password; without a value it is asked for (default: environment DENT_STORE_PASSWORD).")
  String storePassword;

  /** The environment (tests replace it). */
  java.util.function.Function<String, String> env = System::getenv;

  /** Completes with the running engine once the startup line is printed; lets tests find the port. */
  final CompletableFuture<BppEngine> started = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  /** The admin endpoint when one runs (tests find its URL here). */
  volatile AdminServer admin;
  private final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SigningKey signingKey = node.signingKey(spec);
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      return fail(2, "--time-scale must be a positive number", null);
    }
    if (node.rateLimitProblem() != null) {
      return fail(2, node.rateLimitProblem(), null);
    }
    Fleet assets;
    try {
      assets = fleet == null ? Fleet.defaultFleet() : Fleet.load(fleet);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return fail(2, "fleet " + fleet + ": " + e.getMessage(), e);
    }
    ServerTls tls;
    OkHttpClient http;
    try {
      tls = serverTls();
      http = tlsTrust == null ? OutboundSender.defaultHttpClient()
          : ClientTls.pemCertificates(tlsTrust).apply(OutboundSender.defaultHttpClient());
    } catch (TlsException e) {
      return fail(2, e.getMessage(), e);
    }
    AdminTokens adminTokens = null;
    if (adminPort != null || adminTokenFile != null) {
      if (adminPort == null || adminTokenFile == null) {
        return fail(2, "--admin-port and --admin-token-file go together", null);
      }
      try {
        adminTokens = AdminTokens.load(adminTokenFile);
      } catch (UncheckedIOException | IllegalArgumentException e) {
        return fail(2, "--admin-token-file: " + e.getMessage(), e);
      }
    }
    RegistryClient.Builder registryClient = RegistryClient.builder(node.registry);
    if (tlsTrust != null) {
      registryClient.httpClient(http); // the registry may be served with a certificate of that CA too
    }
    // Roles (BAP signs requests, BG the gateway header) are checked by the engine's pipeline, which says which.
    RegistryKeyResolver keys = RegistryKeyResolver.builder(registryClient.build()).build();
    Stores stores;
    try {
      stores = openStore();
    } catch (IllegalArgumentException | IllegalStateException | DentException e) {
      return fail(2, "--store: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      return fail(1, "--store: cannot open " + store + ": " + e.getClass().getSimpleName(), e);
    }
    ReferenceOperator operator = ReferenceOperator.builder().fleet(assets).timeScale(timeScale)
        .store(stores.operator()).build();
    BppEngine engine;
    try {
      BppEngine.Builder builder = BppEngine.builder().subscriberId(node.subscriberId).uniqueKeyId(node.uniqueKeyId)
          .signingKey(signingKey).keyResolver(keys).operator(operator).bindHost(node.host).port(port).tls(tls)
          .httpClient(http).store(stores.engine());
      if (node.rateLimit != null) {
        builder.rateLimit(node.rateLimit, node.burst);
      }
      engine = builder.build();
    } catch (IllegalStateException | DentException e) {
      operator.close();
      stores.close();
      return fail(1, "cannot listen on " + node.host + ":" + port + ": " + e.getMessage(), e);
    }
    this.openStores = stores;
    operator.attach(engine::pushStatus);
    operator.attachUpdates(engine::pushUpdate);
    AdminServer adminServer = null;
    if (adminTokens != null) {
      try {
        adminServer = AdminServer.builder(operator.admin(), adminTokens).host(adminHost).port(adminPort).tls(tls)
            .build().start();
      } catch (IllegalStateException e) {
        engine.close();
        operator.close();
        stores.close();
        this.openStores = null;
        return fail(1, e.getMessage(), e);
      }
      this.admin = adminServer;
    }
    operator.startSimulation();
    Thread hook = new Thread(() -> shutdown(engine, operator), "dent-bpp-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("bpp " + node.subscriberId + " listening on " + engine.bppUri());
      if (adminServer != null) {
        out.println("admin endpoint listening on " + adminServer.baseUrl() + "/admin/");
      }
      out.flush();
      started.complete(engine);
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutdown(engine, operator);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing to undo
      }
      log.info("bpp {} stopped", node.subscriberId);
    }
    return 0;
  }

  private ServerTls serverTls() {
    if (tlsKeystore != null && (tlsCert != null || tlsKey != null)) {
      throw new TlsException("give either --tls-keystore or --tls-cert/--tls-key, not both");
    }
    if (tlsKeystore != null) {
      String source = tlsPassword != null ? tlsPassword : "env:DENT_TLS_PASSWORD";
      char[] password;
      try {
        password = KeySource.read(source).toCharArray();
      } catch (KeyFormatException e) {
        throw new TlsException("--tls-password: " + e.getMessage());
      }
      try {
        return ServerTls.keyStore(tlsKeystore, password);
      } finally {
        java.util.Arrays.fill(password, ' ');
      }
    }
    if (tlsCert != null || tlsKey != null) {
      if (tlsCert == null || tlsKey == null) {
        throw new TlsException("--tls-cert and --tls-key go together");
      }
      KeySource.warnIfShared(tlsKey);
      return ServerTls.pem(tlsCert, tlsKey);
    }
    return null;
  }

  /** Makes {@link #call()} stop the engine and return 0. */
  void stop() {
    stop.countDown();
  }

  private void shutdown(BppEngine engine, ReferenceOperator operator) {
    if (closed.compareAndSet(false, true)) {
      AdminServer a = admin;
      if (a != null) {
        a.close();
      }
      engine.close();
      operator.close();
      Stores s = openStores;
      if (s != null) {
        s.close();
      }
    }
  }

  private volatile @org.jspecify.annotations.Nullable Stores openStores;

  /** The operator's and the engine's store, one object for both. */
  record Stores(OperatorStore operator, EngineStore engine, AutoCloseable closer) {
    void close() {
      try {
        closer.close();
      } catch (Exception e) {
        log.warn("closing the store failed: {}", e.getMessage());
      }
    }
  }

  /** {@code memory}, or a PostgreSQL store with credentials from the options or the environment. */
  Stores openStore() {
    if ("memory".equals(store)) {
      InMemoryStore s = new InMemoryStore();
      return new Stores(s, s, () -> { });
    }
    if (!store.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("memory or jdbc:postgresql://HOST:PORT/DB, not " + JdbcStore.redact(store));
    }
    DataKeys keys = DataKeys.fromEnvironment(env::apply);
    if (keys == null) {
      throw new IllegalArgumentException("a PostgreSQL store encrypts personal data: set DENT_STORE_KEYS "
          + "(id:base64key of 32 bytes, e.g. made with DataKeys.generate) or DENT_STORE_KEYS_FILE");
    }
    String user = storeUser != null ? storeUser : env.apply("DENT_STORE_USER");
    String password = storePassword != null ? storePassword : env.apply("DENT_STORE_PASSWORD");
    JdbcStore s = JdbcStore.builder().url(store).user(user).password(password).keys(keys).build();
    log.info("store {} (data keys {})", s, keys);
    return new Stores(s, s, s);
  }

  private int fail(int code, String message, Throwable cause) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("dent bpp: " + message);
    err.flush();
    started.completeExceptionally(cause != null ? cause : new IllegalArgumentException(message));
    return code;
  }
}
