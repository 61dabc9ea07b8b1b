package org.dent.server.admin;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.dent.client.transport.ServerTls;
import org.dent.core.json.DentCodec;
import org.dent.server.reference.AdminException;
import org.dent.server.reference.AssetJson;
import org.dent.server.reference.AssetSpec;
import org.dent.server.reference.AuditEntry;
import org.dent.server.reference.FleetUtilisation;
import org.dent.server.reference.OperatorAdmin;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An optional HTTP admin endpoint for the reference operator, on its own port (never the BPP's): JSON over HTTP
 * (or HTTPS with {@link Builder#tls}), bearer tokens with roles ({@link AdminTokens}, {@link AdminRole}), every
 * change audited with the token's name through {@link OperatorAdmin}.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>Request</th><th>Role</th><th>Does</th></tr>
 *   <tr><td>{@code GET /admin/assets}, {@code GET /admin/assets/{id}}</td><td>viewer</td><td>assets in service
 *   (fleet-file format) and faulted ones</td></tr>
 *   <tr><td>{@code GET /admin/utilisation}</td><td>viewer</td><td>{@link FleetUtilisation}</td></tr>
 *   <tr><td>{@code GET /admin/audit}</td><td>viewer</td><td>the audit log</td></tr>
 *   <tr><td>{@code GET /admin/report}, {@code GET /admin/report.html}</td><td>viewer</td><td>the
 *   {@link org.dent.server.reference.FleetReport} as JSON or as a self-contained HTML page</td></tr>
 *   <tr><td>{@code POST /admin/assets}</td><td>operator</td><td>add an asset (body: fleet-file asset)</td></tr>
 *   <tr><td>{@code PUT /admin/assets/{id}}</td><td>operator</td><td>replace it</td></tr>
 *   <tr><td>{@code PATCH /admin/assets/{id}}</td><td>operator</td><td>replace the members given, e.g.
 *   {@code {"pricing": {...}}}</td></tr>
 *   <tr><td>{@code DELETE /admin/assets/{id}}</td><td>operator</td><td>retire it</td></tr>
 *   <tr><td>{@code POST|DELETE /admin/assets/{id}/fault}</td><td>operator</td><td>mark faulted
 *   ({@code {"reason": "..."}}) / clear the fault</td></tr>
 *   <tr><td>{@code GET|POST /admin/tokens}, {@code DELETE /admin/tokens/{name}}</td><td>admin</td><td>list,
 *   create ({@code {"name","role"}}: the token is in the answer, once) and revoke tokens</td></tr>
 * </table>
 *
 * <p>Errors are {@code {"error":{"code","message"}}}: 401 {@code ADMIN_UNAUTHENTICATED} (missing or unknown
 * token, with {@code WWW-Authenticate: Bearer realm="dent-admin"}), 403 {@code ADMIN_FORBIDDEN} (role too low),
 * 404 {@code ADMIN_ASSET_NOT_FOUND} / {@code ADMIN_NOT_FOUND}, 409 {@code ADMIN_ASSET_EXISTS} /
 * {@code ADMIN_ASSET_IN_USE}, 400 {@code ADMIN_INVALID}, 405, 413 (bodies over 64 KiB). Tokens never appear in
 * logs or answers (except the one answer that creates a token).
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final int MAX_BODY = 64 * 1024;
  private static final String PREFIX = "/admin/";

  private final OperatorAdmin admin;
  private final AdminTokens tokens;
  private final Server server;
  private final ServerConnector connector;
  private final String host;
  private final boolean tls;
  private final JsonMapper json = DentCodec.standard().mapper();

  private AdminServer(Builder b) {
    this.admin = Objects.requireNonNull(b.admin, "admin");
    this.tokens = Objects.requireNonNull(b.tokens, "tokens");
    this.host = b.host;
    this.tls = b.tls != null;
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("dent-admin");
    this.server = new Server(threads);
    if (b.tls != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(b.tls.sslContext());
      this.connector = new ServerConnector(server, 1, 1, ssl);
    } else {
      this.connector = new ServerConnector(server, 1, 1);
    }
    connector.setHost(b.host);
    connector.setPort(b.port);
    connector.setIdleTimeout(b.idleTimeout.toMillis());
    server.addConnector(connector);
    server.setHandler(new Dispatcher());
    server.setStopAtShutdown(false);
  }

  /** An admin server for {@code admin} guarded by {@code tokens}; loopback and a free port by default. */
  public static Builder builder(OperatorAdmin admin, AdminTokens tokens) {
    return new Builder(admin, tokens);
  }

  /** Starts listening; returns this. */
  public AdminServer start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the admin endpoint on " + host + ":" + connector.getPort(), e);
    }
    log.info("DENT admin endpoint listening on {}{}", baseUrl(), tls ? "" : " (plain HTTP: keep it on loopback or "
        + "a private network; bearer tokens travel in clear)");
    return this;
  }

  /** {@code http(s)://host:port}. */
  public URI baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create((tls ? "https://" : "http://") + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":"
        + connector.getLocalPort());
  }

  /** Stops the endpoint. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("admin endpoint stopped with an error", e);
    }
  }

  /** An answer: status and JSON body. */
  private record Answer(int status, @Nullable JsonNode body, @Nullable String html) {
    Answer(int status, JsonNode body) {
      this(status, body, null);
    }
  }

  /** A refusal with a stable code. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Refusal(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  private final class Dispatcher extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String method = request.getMethod();
      String path = Request.getPathInContext(request);
      Optional<AdminTokens.Entry> who = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      if (who.isEmpty()) {
        log.warn("admin request {} {} from {} refused: missing or unknown bearer token", method, path,
            Request.getRemoteAddr(request));
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"dent-admin\"");
        return write(response, callback, error(401, "ADMIN_UNAUTHENTICATED", "a valid bearer token is required"));
      }
      if (request.getLength() > MAX_BODY) {
        return write(response, callback, error(413, "ADMIN_INVALID", "body larger than " + MAX_BODY + " bytes"));
      }
      Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(
          Invocable.InvocationType.BLOCKING, (byte[] bytes, Throwable failure) -> {
            Answer answer;
            if (failure != null) {
              answer = error(413, "ADMIN_INVALID", "body unreadable or larger than " + MAX_BODY + " bytes");
            } else {
              try {
                answer = route(method, path, bytes, who.get());
              } catch (Refusal r) {
                answer = error(r.status, r.code, r.getMessage());
              } catch (AdminException e) {
                answer = error(status(e.code()), e.code(), e.getMessage());
              } catch (RuntimeException e) {
                log.error("admin {} {} failed", method, path, e);
                answer = error(500, "ADMIN_INTERNAL", "internal error");
              }
            }
            write(response, callback, answer);
          }));
      return true;
    }
  }

  private Optional<AdminTokens.Entry> authenticate(@Nullable String authorization) {
    if (authorization == null || authorization.length() < 8
        || !authorization.substring(0, 7).equalsIgnoreCase("Bearer ")) {
      return Optional.empty();
    }
    return tokens.authenticate(authorization.substring(7).trim());
  }

  private Answer route(String method, String path, byte[] body, AdminTokens.Entry who) {
    if (!path.startsWith(PREFIX)) {
      throw new Refusal(404, "ADMIN_NOT_FOUND", "no admin resource at " + path);
    }
    String[] seg = path.substring(PREFIX.length()).split("/", -1);
    OperatorAdmin as = admin.as(who.name());
    switch (seg[0]) {
      case "assets":
        return assets(method, seg, body, who, as);
      case "utilisation":
        only(seg, 1, method, "GET");
        need(who, AdminRole.VIEWER);
        return new Answer(200, utilisation(as.utilisation()));
      case "audit":
        only(seg, 1, method, "GET");
        need(who, AdminRole.VIEWER);
        ArrayNode entries = json.createArrayNode();
        for (AuditEntry e : as.auditLog()) {
          ObjectNode o = entries.addObject();
          o.put("at", e.at().toString());
          o.put("actor", e.actor());
          o.put("action", e.action());
          o.put("target", e.target());
          o.put("detail", e.detail());
          o.put("outcome", e.outcome());
        }
        ObjectNode audit = json.createObjectNode();
        audit.set("entries", entries);
        return new Answer(200, audit);
      case "report":
        only(seg, 1, method, "GET");
        need(who, AdminRole.VIEWER);
        return new Answer(200, as.fleetReport().toJson());
      case "report.html":
        only(seg, 1, method, "GET");
        need(who, AdminRole.VIEWER);
        return new Answer(200, null, as.fleetReport().toHtml());
      case "tokens":
        return tokens(method, seg, body, who);
      default:
        throw new Refusal(404, "ADMIN_NOT_FOUND", "no admin resource at " + path);
    }
  }

  private Answer assets(String method, String[] seg, byte[] body, AdminTokens.Entry who, OperatorAdmin as) {
    if (seg.length == 1) {
      if ("GET".equals(method)) {
        need(who, AdminRole.VIEWER);
        ObjectNode o = json.createObjectNode();
        ArrayNode list = o.putArray("assets");
        as.assets().forEach(a -> list.add(AssetJson.write(a)));
        ArrayNode faulted = o.putArray("faulted");
        for (OperatorAdmin.FaultedAsset f : as.faulted()) {
          ObjectNode fo = faulted.addObject();
          fo.set("asset", AssetJson.write(f.asset()));
          fo.put("reason", f.reason());
          fo.put("since", f.since().toString());
        }
        return new Answer(200, o);
      }
      if ("POST".equals(method)) {
        need(who, AdminRole.OPERATOR);
        return new Answer(201, AssetJson.write(as.addAsset(asset(body))));
      }
      throw notAllowed(method);
    }
    String id = seg[1];
    if (seg.length == 3 && "fault".equals(seg[2])) {
      need(who, AdminRole.OPERATOR);
      if ("POST".equals(method)) {
        JsonNode b = body.length == 0 ? json.createObjectNode() : object(body);
        String reason = b.path("reason").isString() ? b.path("reason").stringValue() : "asset fault";
        ObjectNode o = json.createObjectNode();
        ArrayNode cancelled = o.putArray("cancelled");
        as.markFaulted(id, reason).forEach(cancelled::add);
        return new Answer(200, o);
      }
      if ("DELETE".equals(method)) {
        return new Answer(200, AssetJson.write(as.clearFault(id)));
      }
      throw notAllowed(method);
    }
    if (seg.length != 2) {
      throw new Refusal(404, "ADMIN_NOT_FOUND", "no such admin resource");
    }
    switch (method) {
      case "GET":
        need(who, AdminRole.VIEWER);
        return new Answer(200, AssetJson.write(as.asset(id).orElseThrow(() -> new AdminException(
            AdminException.NOT_FOUND, "asset " + id + " is not in service"))));
      case "PUT": {
        need(who, AdminRole.OPERATOR);
        AssetSpec a = asset(body);
        if (!a.id().equals(id)) {
          throw new Refusal(400, AdminException.INVALID, "the body's id " + a.id() + " is not " + id);
        }
        return new Answer(200, AssetJson.write(as.changeAsset(a)));
      }
      case "PATCH": {
        need(who, AdminRole.OPERATOR);
        AssetSpec current = as.asset(id).orElseThrow(() -> new AdminException(AdminException.NOT_FOUND,
            "asset " + id + " is not in service"));
        JsonNode patch = object(body);
        if (patch.has("id") && !id.equals(patch.path("id").asString())) {
          throw new Refusal(400, AdminException.INVALID, "the id cannot change");
        }
        ObjectNode merged = AssetJson.write(current);
        patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        return new Answer(200, AssetJson.write(as.changeAsset(parse(merged))));
      }
      case "DELETE":
        need(who, AdminRole.OPERATOR);
        as.retireAsset(id);
        return new Answer(200, json.createObjectNode().put("retired", id));
      default:
        throw notAllowed(method);
    }
  }

  private Answer tokens(String method, String[] seg, byte[] body, AdminTokens.Entry who) {
    need(who, AdminRole.ADMIN);
    if (seg.length == 1 && "GET".equals(method)) {
      ObjectNode o = json.createObjectNode();
      ArrayNode list = o.putArray("tokens");
      tokens.list().forEach(e -> list.addObject().put("name", e.name()).put("role", e.role().code()));
      return new Answer(200, o);
    }
    if (seg.length == 1 && "POST".equals(method)) {
      JsonNode b = object(body);
      String name = b.path("name").asString("");
      AdminRole role;
      String token;
      try {
        role = AdminRole.fromCode(b.path("role").asString(""));
        token = tokens.create(name, role);
      } catch (IllegalArgumentException e) {
        admin.audit().record(who.name(), "create-token", name, "", AdminException.INVALID);
        throw new Refusal(400, AdminException.INVALID, e.getMessage());
      }
      admin.audit().record(who.name(), "create-token", name, "role=" + role.code(), "OK");
      return new Answer(201, json.createObjectNode().put("name", name).put("role", role.code()).put("token", token));
    }
    if (seg.length == 2 && "DELETE".equals(method)) {
      boolean removed = tokens.revoke(seg[1]);
      admin.audit().record(who.name(), "revoke-token", seg[1], "", removed ? "OK" : "ADMIN_NOT_FOUND");
      if (!removed) {
        throw new Refusal(404, "ADMIN_NOT_FOUND", "no token named " + seg[1]);
      }
      return new Answer(200, json.createObjectNode().put("revoked", seg[1]));
    }
    throw notAllowed(method);
  }

  private ObjectNode utilisation(FleetUtilisation u) {
    ObjectNode o = json.createObjectNode();
    o.put("at", u.at().toString());
    o.put("utilisation", u.utilisation().toPlainString());
    ArrayNode list = o.putArray("assets");
    for (FleetUtilisation.Asset a : u.assets()) {
      list.addObject().put("id", a.assetId()).put("status", a.status().name())
          .put("usable-kwh", a.usableKwh().toPlainString()).put("reserved-kwh", a.reservedKwh().toPlainString())
          .put("stored-kwh", a.storedKwh().toPlainString()).put("live-contracts", a.liveContracts())
          .put("utilisation", a.utilisation().toPlainString());
    }
    return o;
  }

  private static void need(AdminTokens.Entry who, AdminRole role) {
    if (!who.role().allows(role)) {
      throw new Refusal(403, "ADMIN_FORBIDDEN", "role " + who.role().code() + " may not do this (needs "
          + role.code() + ")");
    }
  }

  private static void only(String[] seg, int length, String method, String allowed) {
    if (seg.length != length) {
      throw new Refusal(404, "ADMIN_NOT_FOUND", "no such admin resource");
    }
    if (!allowed.equals(method)) {
      throw notAllowed(method);
    }
  }

  private static Refusal notAllowed(String method) {
    return new Refusal(405, "ADMIN_METHOD_NOT_ALLOWED", method.toUpperCase(Locale.ROOT) + " is not allowed here");
  }

  private JsonNode object(byte[] body) {
    JsonNode n;
    try {
      n = json.readTree(body);
    } catch (RuntimeException e) {
      throw new Refusal(400, AdminException.INVALID, "the body is not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new Refusal(400, AdminException.INVALID, "the body is a JSON object");
    }
    return n;
  }

  private AssetSpec asset(byte[] body) {
    return parse(object(body));
  }

  private static AssetSpec parse(JsonNode node) {
    try {
      return AssetJson.parse(node);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, AdminException.INVALID, e.getMessage());
    } catch (RuntimeException e) {
      throw new Refusal(400, AdminException.INVALID, "not a valid asset: " + e.getMessage());
    }
  }

  private static int status(String code) {
    switch (code) {
      case AdminException.NOT_FOUND:
        return 404;
      case AdminException.EXISTS:
      case AdminException.IN_USE:
        return 409;
      default:
        return 400;
    }
  }

  private Answer error(int status, String code, String message) {
    ObjectNode o = json.createObjectNode();
    o.putObject("error").put("code", code).put("message", message);
    return new Answer(status, o);
  }

  private boolean write(Response response, Callback callback, Answer answer) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (answer.html() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      response.write(true, ByteBuffer.wrap(answer.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          callback);
      return true;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(answer.body())), callback);
    return true;
  }

  /** Configures an {@link AdminServer}. */
  public static final class Builder {
    private final OperatorAdmin admin;
    private final AdminTokens tokens;
    private String host = "127.0.0.1";
    private int port;
    private @Nullable ServerTls tls;
    private Duration idleTimeout = Duration.ofSeconds(30);

    private Builder(OperatorAdmin admin, AdminTokens tokens) {
      this.admin = admin;
      this.tokens = tokens;
    }

    /** Interface to bind (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** Port (default 0: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Serve HTTPS (default plain HTTP). */
    public Builder tls(@Nullable ServerTls tls) {
      this.tls = tls;
      return this;
    }

    /** Idle connections are closed after this (default 30 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout);
      return this;
    }

    /** Builds the endpoint (not started). */
    public AdminServer build() {
      return new AdminServer(this);
    }
  }

  @Override
  public String toString() {
    return "AdminServer[" + host + ":" + connector.getLocalPort() + "]";
  }
}
