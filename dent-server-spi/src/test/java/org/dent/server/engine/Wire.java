package org.dent.server.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dent.core.json.DentCodec;
import org.dent.core.model.AckResponse;
import org.dent.core.error.ErrorPaths;
import org.dent.signing.SignatureHeaders;
import org.dent.signing.Signer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw signed POSTs for tests that must see the HTTP answer itself (status, challenge header, NACK): the worked
 * messages of the storage profile with a fresh context, signed over their exact bytes, sent over loopback.
 */
final class Wire {
  static final DentCodec CODEC = DentCodec.standard();
  static final OkHttpClient HTTP = new OkHttpClient();

  /** The answer to one POST. */
  record Answer(int status, @Nullable String challenge, @Nullable String proxyChallenge, @Nullable String retryAfter,
      @Nullable String code, List<String> paths, String message) {
    boolean isAck() {
      return status == 200 && code == null;
    }
  }

  private Wire() {}

  /** Worked message {@code name} (e.g. {@code 01-search}) with a fresh message id and timestamp, edited. */
  static byte[] message(String name, Clock clock, Consumer<ObjectNode> context) {
    ObjectNode root;
    try (InputStream in = Wire.class.getResourceAsStream("/examples/dent-energy-storage/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no worked message " + name);
      }
      root = (ObjectNode) CODEC.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode c = (ObjectNode) root.get("context");
    c.put("message_id", UUID.randomUUID().toString());
    c.put("timestamp", Instant.now(clock).toString());
    context.accept(c);
    return CODEC.mapper().writeValueAsBytes(root);
  }

  static Answer post(URI base, String action, byte[] body, @Nullable Signer signer, @Nullable Signer gateway) {
    Request.Builder rb = new Request.Builder().url(base + "/" + action)
        .post(RequestBody.create(body, MediaType.get("application/json")));
    if (signer != null) {
      rb.header(SignatureHeaders.AUTHORIZATION, signer.sign(body).value());
    }
    if (gateway != null) {
      rb.header(SignatureHeaders.GATEWAY_AUTHORIZATION, gateway.sign(body).value());
    }
    return send(rb.build());
  }

  /** A POST with these header values as they are (null leaves a header out). */
  static Answer postRaw(URI base, String action, byte[] body, @Nullable String authorization,
      @Nullable String gatewayAuthorization) {
    Request.Builder rb = new Request.Builder().url(base + "/" + action)
        .post(RequestBody.create(body, MediaType.get("application/json")));
    if (authorization != null) {
      rb.header(SignatureHeaders.AUTHORIZATION, authorization);
    }
    if (gatewayAuthorization != null) {
      rb.header(SignatureHeaders.GATEWAY_AUTHORIZATION, gatewayAuthorization);
    }
    return send(rb.build());
  }

  static Answer send(Request request) {
    try (Response r = HTTP.newCall(request).execute()) {
      AckResponse ack = CODEC.bind(CODEC.readTree(r.body().bytes()), AckResponse.class);
      String code = ack.error() == null ? null : ack.error().code();
      return new Answer(r.code(), r.header("WWW-Authenticate"), r.header("Proxy-Authenticate"),
          r.header("Retry-After"), ack.isAck() ? null : code,
          ErrorPaths.split(ack.error() == null ? null : ack.error().paths()),
          ack.error() == null || ack.error().message() == null ? "" : ack.error().message());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
