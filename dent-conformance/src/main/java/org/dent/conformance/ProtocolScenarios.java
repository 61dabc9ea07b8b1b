package org.dent.conformance;

import static org.dent.conformance.ScenarioFailure.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dent.client.bap.SearchCall;
import org.dent.core.model.Intent;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.signing.SignatureHeaders;
import tools.jackson.databind.node.ObjectNode;

/** Wire-level scenarios: signatures, validation, receiver checks (DESIGN.md §2). */
final class ProtocolScenarios {
  private ProtocolScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of("protocol.search-ack-callback",
            "a signed search is ACKed and answered by a valid on_search signed by the BPP",
            ProtocolScenarios::searchAckCallback),
        Scenario.of("protocol.signature-missing",
            "a request without Authorization is refused 401 AUT_SIGNATURE_MISSING with WWW-Authenticate",
            c -> expect401(c, c.post("search", searchBytes(c), Map.of()), "AUT_SIGNATURE_MISSING")),
        Scenario.of("protocol.signature-bad",
            "a signature that does not match the body is refused 401 AUT_SIGNATURE_INVALID",
            ProtocolScenarios::badSignature),
        Scenario.of("protocol.signature-expired",
            "a signature whose expires has passed is refused 401",
            c -> {
              byte[] body = searchBytes(c);
              long now = Instant.now(c.clock()).getEpochSecond();
              expect401(c, c.post("search", body, Map.of(SignatureHeaders.AUTHORIZATION,
                  c.sign(body, now - 600, now - 300))), "AUT_SIGNATURE_INVALID");
            }),
        Scenario.of("protocol.signature-future",
            "a signature created in the future (beyond clock skew) is refused 401",
            c -> {
              byte[] body = searchBytes(c);
              long now = Instant.now(c.clock()).getEpochSecond();
              expect401(c, c.post("search", body, Map.of(SignatureHeaders.AUTHORIZATION,
                  c.sign(body, now + 600, now + 900))), "AUT_SIGNATURE_INVALID");
            }),
        Scenario.of("protocol.signer-not-sender",
            "a request whose keyId subscriber differs from context.bap_id is refused 401",
            c -> {
              ObjectNode search = search(c);
              ((ObjectNode) search.get("context")).put("bap_id", "someone-else.example");
              byte[] body = c.bytes(search);
              expect401(c, c.postSigned("search", body), "AUT_SIGNATURE_INVALID");
            }),
        Scenario.of("protocol.schema-violation",
            "a schema violation is NACKed 400 with code 30000 and the JSON pointer of the bad field",
            c -> {
              ObjectNode search = search(c);
              ((ObjectNode) search.get("context")).put("message_id", "not-a-uuid");
              RawResponse r = c.postSigned("search", c.bytes(search));
              check(r.status() == 400, "expected 400, got " + r.summary());
              check("30000".equals(c.errorCode(r)), "expected error.code 30000, got " + r.summary());
              check(c.errorPaths(r).contains("/context/message_id"),
                  "expected error.paths to name /context/message_id, got " + r.summary());
            }),
        Scenario.of("protocol.unknown-action",
            "a POST to an endpoint that is not a Beckn action is refused with a NACK",
            c -> {
              ObjectNode search = search(c);
              ((ObjectNode) search.get("context")).put("action", "purchase");
              RawResponse r = c.postSigned("purchase", c.bytes(search));
              check(r.status() >= 400 && r.status() < 500, "expected a 4xx NACK, got " + r.summary());
              check(c.errorCode(r) != null, "expected an error code, got " + r.summary());
            }),
        Scenario.of("protocol.path-action-mismatch",
            "a search body posted to /select is refused 400 30000",
            c -> {
              RawResponse r = c.postSigned("select", searchBytes(c));
              check(r.status() == 400 && "30000".equals(c.errorCode(r)), "expected 400 30000, got " + r.summary());
            }),
        Scenario.of("protocol.oversize-body",
            "a body over the size limit (2 MiB) is refused 413 without being processed",
            c -> {
              byte[] big = new byte[2 * 1024 * 1024];
              Arrays.fill(big, (byte) ' ');
              byte[] search = searchBytes(c);
              System.arraycopy(search, 0, big, 0, search.length);
              RawResponse r;
              try {
                r = c.postSigned("search", big);
              } catch (java.io.UncheckedIOException e) {
                // The BPP answered and closed before the upload ended (the body was never read): a refusal.
                return;
              }
              check(r.status() == 413, "expected 413, got " + r.summary());
            }),
        Scenario.of("protocol.stale-timestamp",
            "a request whose context.timestamp is older than its ttl is refused 400 30000",
            c -> {
              ObjectNode search = search(c);
              ((ObjectNode) search.get("context")).put("timestamp",
                  Instant.now(c.clock()).minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
              RawResponse r = c.postSigned("search", c.bytes(search));
              check(r.status() == 400 && "30000".equals(c.errorCode(r)), "expected 400 30000, got " + r.summary());
            }),
        Scenario.of("protocol.wrong-bpp-id",
            "a request addressed to another bpp_id is refused 400 30000",
            c -> {
              ObjectNode search = search(c);
              ((ObjectNode) search.get("context")).put("bpp_id", "another-bpp.example");
              RawResponse r = c.postSigned("search", c.bytes(search));
              check(r.status() == 400 && "30000".equals(c.errorCode(r)), "expected 400 30000, got " + r.summary());
            }),
        Scenario.of("protocol.duplicate-message-id",
            "the same message_id sent twice (a retry) is ACKed both times, not refused as a replay",
            c -> {
              byte[] body = searchBytes(c);
              RawResponse first = c.postSigned("search", body);
              check(first.status() == 200, "first attempt: " + first.summary());
              long now = Instant.now(c.clock()).getEpochSecond();
              RawResponse second = c.post("search", body, Map.of(SignatureHeaders.AUTHORIZATION,
                  c.sign(body, now, now + 59)));
              check(second.status() == 200 && c.errorCode(second) == null, "retry: " + second.summary());
            }));
  }

  static ObjectNode search(ConformanceContext c) {
    return Templates.shiftWindows(c.message("01-search"), c.clock());
  }

  static byte[] searchBytes(ConformanceContext c) {
    return c.bytes(search(c));
  }

  private static void searchAckCallback(ConformanceContext c) throws Exception {
    Intent intent = c.codec().bind(search(c), SearchRequest.class).message().intent();
    SearchCall call = c.client().search(intent, List.of(c.bppUrl()));
    call.sent().get(10, TimeUnit.SECONDS);
    OnSearchCallback on = call.first().get(15, TimeUnit.SECONDS);
    check(c.bppId().equals(on.context().bppId()), "on_search names bpp_id " + on.context().bppId());
    check(call.transactionId().equals(on.context().transactionId()), "on_search changed the transaction_id");
    check(call.messageId().equals(on.context().messageId()), "on_search changed the message_id");
    check(on.message() != null && on.message().catalog() != null, "on_search has no catalog");
  }

  private static void badSignature(ConformanceContext c) {
    byte[] body = searchBytes(c);
    String header = c.sign(body);
    int at = header.indexOf("signature=\"") + "signature=\"".length();
    byte[] sig = Base64.getDecoder().decode(header.substring(at, header.indexOf('"', at)));
    sig[0] ^= 0x01;
    String forged = header.substring(0, at) + Base64.getEncoder().encodeToString(sig)
        + header.substring(header.indexOf('"', at));
    expect401(c, c.post("search", body, Map.of(SignatureHeaders.AUTHORIZATION, forged)), "AUT_SIGNATURE_INVALID");
    // and an untouched signature over a body changed after signing
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"50\"", "\"51\"")
        .getBytes(StandardCharsets.UTF_8);
    expect401(c, c.post("search", tampered, Map.of(SignatureHeaders.AUTHORIZATION, header)),
        "AUT_SIGNATURE_INVALID");
  }

  static void expect401(ConformanceContext c, RawResponse r, String code) {
    check(r.status() == 401, "expected 401, got " + r.summary());
    check(code.equals(c.errorCode(r)), "expected error.code " + code + ", got " + r.summary());
    String challenge = r.header(SignatureHeaders.WWW_AUTHENTICATE);
    check(challenge != null && challenge.startsWith("Signature realm="),
        "expected a WWW-Authenticate: Signature challenge, got " + challenge);
  }
}
