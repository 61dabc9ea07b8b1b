package org.dent.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.core.json.DentCodec;
import org.dent.core.testing.MutableClock;
import org.dent.server.reference.AuditEntry;
import org.dent.server.reference.ReferenceOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The admin endpoint over real HTTP: tokens, roles, changes, audit. */
class AdminServerTest {
  static final String VIEWER = "viewer-token-0123456789";
  static final String OPERATOR = "operator-token-0123456789";
  static final String ADMIN = "admin-token-0123456789";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  final OkHttpClient http = new OkHttpClient();
  ReferenceOperator operator;
  AdminServer server;

  @BeforeEach
  void start() throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# test tokens\n"
        + AdminTokens.fileLine("vera", AdminRole.VIEWER, VIEWER) + "\n"
        + AdminTokens.fileLine("otto", AdminRole.OPERATOR, OPERATOR) + "\n"
        + AdminTokens.fileLine("ada", AdminRole.ADMIN, ADMIN) + "\n");
    assertThat(Files.readString(file)).doesNotContain(VIEWER).doesNotContain(OPERATOR).doesNotContain(ADMIN);
    operator = ReferenceOperator.builder().clock(clock).build();
    server = AdminServer.builder(operator.admin(), AdminTokens.load(file)).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
    operator.close();
  }

  record Answer(int status, JsonNode body, String wwwAuthenticate) {
    String code() {
      return body.path("error").path("code").asString();
    }
  }

  Answer call(String method, String path, String token, String body) throws IOException {
    Request.Builder rb = new Request.Builder().url(server.baseUrl() + path);
    if (token != null) {
      rb.header("Authorization", "Bearer " + token);
    }
    rb.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
    try (Response r = http.newCall(rb.build()).execute()) {
      return new Answer(r.code(), DentCodec.standard().mapper().readTree(r.body().bytes()),
          r.header("WWW-Authenticate"));
    }
  }

  static final String PRICING = "{\"pricing\": {\"model\": \"capacity-time+fixed\", \"currency\": \"INR\","
      + " \"capacity-price-per-kwh-day\": \"9.00\", \"fixed-fee\": \"10.00\"}}";

  @Test
  void missingOrWrongTokensAre401() throws IOException {
    Answer none = call("GET", "/admin/assets", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.code()).isEqualTo("ADMIN_UNAUTHENTICATED");
    assertThat(none.wwwAuthenticate()).isEqualTo("Bearer realm=\"dent-admin\"");
    assertThat(call("GET", "/admin/assets", VIEWER + "x", null).status()).isEqualTo(401);
    assertThat(call("PATCH", "/admin/assets/vv-bess-01", "", PRICING).status()).isEqualTo(401);
    assertThat(operator.admin().auditLog()).isEmpty();
  }

  @Test
  void aViewerReadsTheFleetReportAsJsonAndAsAPage() throws IOException {
    Answer report = call("GET", "/admin/report", VIEWER, null);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).isEqualTo(operator.fleetReport().toJson());
    assertThat(report.body().path("assets")).hasSize(4);
    Request page = new Request.Builder().url(server.baseUrl() + "/admin/report.html")
        .header("Authorization", "Bearer " + VIEWER).build();
    try (Response r = http.newCall(page).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("text/html");
      assertThat(r.header("Cache-Control")).isEqualTo("no-store");
      assertThat(r.body().string()).startsWith("<!DOCTYPE html>").contains("<svg", "vv-bess-01");
    }
    assertThat(call("GET", "/admin/report.html", null, null).status()).isEqualTo(401);
    assertThat(call("POST", "/admin/report", OPERATOR, "{}").status()).isEqualTo(405);
  }

  @Test
  void aViewerReadsButCannotChange() throws IOException {
    Answer assets = call("GET", "/admin/assets", VIEWER, null);
    assertThat(assets.status()).isEqualTo(200);
    assertThat(assets.body().path("assets")).hasSize(4);
    assertThat(call("GET", "/admin/utilisation", VIEWER, null).body().path("assets")).hasSize(4);
    Answer patch = call("PATCH", "/admin/assets/vv-bess-01", VIEWER, PRICING);
    assertThat(patch.status()).isEqualTo(403);
    assertThat(patch.code()).isEqualTo("ADMIN_FORBIDDEN");
    assertThat(call("DELETE", "/admin/assets/vv-bess-01", VIEWER, null).status()).isEqualTo(403);
    assertThat(call("GET", "/admin/tokens", VIEWER, null).status()).isEqualTo(403);
    assertThat(operator.admin().asset("vv-bess-01").orElseThrow().pricing().fixedFee())
        .isEqualByComparingTo("50.00");
  }

  @Test
  void anOperatorChangesPricesAndAssetsAndEveryChangeIsAudited() throws IOException {
    Answer patch = call("PATCH", "/admin/assets/vv-bess-01", OPERATOR, PRICING);
    assertThat(patch.status()).isEqualTo(200);
    assertThat(patch.body().path("pricing").path("fixed-fee").asString()).isEqualTo("10.00");
    assertThat(operator.admin().asset("vv-bess-01").orElseThrow().pricing().fixedFee())
        .isEqualByComparingTo("10.00");

    JsonNode asset = call("GET", "/admin/assets/vv-bess-04", OPERATOR, null).body();
    String copy = asset.toString().replace("\"vv-bess-04\"", "\"vv-new-09\"");
    assertThat(call("POST", "/admin/assets", OPERATOR, copy).status()).isEqualTo(201);
    assertThat(call("POST", "/admin/assets", OPERATOR, copy).code()).isEqualTo("ADMIN_ASSET_EXISTS");
    assertThat(call("POST", "/admin/assets", OPERATOR, "{\"id\": \"x\"}").code()).isEqualTo("ADMIN_INVALID");
    assertThat(call("POST", "/admin/assets", OPERATOR, "[[[").status()).isEqualTo(400);
    assertThat(call("POST", "/admin/assets/vv-new-09/fault", OPERATOR, "{\"reason\": \"test\"}").body()
        .path("cancelled")).isEmpty();
    assertThat(call("GET", "/admin/assets", OPERATOR, null).body().path("faulted").get(0).path("reason")
        .asString()).isEqualTo("test");
    assertThat(call("DELETE", "/admin/assets/vv-new-09/fault", OPERATOR, null).status()).isEqualTo(200);
    assertThat(call("DELETE", "/admin/assets/vv-new-09", OPERATOR, null).status()).isEqualTo(200);
    assertThat(call("DELETE", "/admin/assets/vv-new-09", OPERATOR, null).status()).isEqualTo(404);
    // an operator does not manage tokens
    assertThat(call("POST", "/admin/tokens", OPERATOR, "{\"name\": \"x\", \"role\": \"admin\"}").status())
        .isEqualTo(403);

    assertThat(operator.admin().auditLog()).extracting(AuditEntry::actor).containsOnly("otto");
    assertThat(operator.admin().auditLog()).extracting(e -> e.action() + " " + e.target() + " " + e.outcome())
        .containsExactly("change-asset vv-bess-01 OK", "add-asset vv-new-09 OK",
            "add-asset vv-new-09 ADMIN_ASSET_EXISTS", "mark-faulted vv-new-09 OK", "clear-fault vv-new-09 OK",
            "retire-asset vv-new-09 OK", "retire-asset vv-new-09 ADMIN_ASSET_NOT_FOUND");
    JsonNode audit = call("GET", "/admin/audit", VIEWER, null).body().path("entries");
    assertThat(audit).hasSize(7);
    assertThat(audit.toString()).doesNotContain(OPERATOR).doesNotContain(VIEWER);
  }

  @Test
  void anAdminManagesTokensWhichAreShownOnce() throws IOException {
    Answer created = call("POST", "/admin/tokens", ADMIN, "{\"name\": \"grafana\", \"role\": \"viewer\"}");
    assertThat(created.status()).isEqualTo(201);
    String token = created.body().path("token").asString();
    assertThat(token).hasSizeGreaterThan(40);
    assertThat(call("GET", "/admin/utilisation", token, null).status()).isEqualTo(200);
    assertThat(call("PATCH", "/admin/assets/vv-bess-01", token, PRICING).status()).isEqualTo(403);
    Answer list = call("GET", "/admin/tokens", ADMIN, null);
    assertThat(list.body().toString()).contains("grafana").doesNotContain(token).doesNotContain("sha256");
    assertThat(call("POST", "/admin/tokens", ADMIN, "{\"name\": \"grafana\", \"role\": \"viewer\"}").status())
        .isEqualTo(400);
    assertThat(call("DELETE", "/admin/tokens/grafana", ADMIN, null).status()).isEqualTo(200);
    assertThat(call("GET", "/admin/utilisation", token, null).status()).isEqualTo(401);
    assertThat(operator.admin().auditLog()).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
        .contains("ada create-token OK", "ada revoke-token OK");
  }

  @Test
  void unknownRoutesAndMethods() throws IOException {
    assertThat(call("GET", "/admin/nothing", VIEWER, null).status()).isEqualTo(404);
    assertThat(call("GET", "/elsewhere", VIEWER, null).status()).isEqualTo(404);
    assertThat(call("POST", "/admin/utilisation", ADMIN, "{}").status()).isEqualTo(405);
    assertThat(call("POST", "/admin/assets", OPERATOR, "{\"x\": \"" + "a".repeat(70_000) + "\"}").status())
        .isEqualTo(413);
  }
}
