package org.dent.client.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dent.core.json.DentCodec;
import org.dent.core.model.AckResponse;

/**
 * What the receiver answers synchronously: HTTP status, extra headers and the JSON body (an ACK or NACK).
 *
 * @param status HTTP status
 * @param headers extra response headers ({@code WWW-Authenticate}, {@code Retry-After}, ...)
 * @param body response body bytes
 * @param code {@code error.code} of a NACK, null for an ACK
 */
public record InboundResult(int status, Map<String, String> headers, byte[] body, String code) {
  private static final byte[] ACK_BYTES = DentCodec.standard().encode(AckResponse.ack());

  public InboundResult {
    headers = Map.copyOf(headers);
  }

  /** 200 with the ACK. */
  public static InboundResult ack() {
    return new InboundResult(200, Map.of(), ACK_BYTES, null);
  }

  /** A NACK with this status, code, message and JSON pointers. */
  public static InboundResult nack(int status, String code, String message, List<String> paths) {
    return nack(status, code, message, paths, Map.of());
  }

  /** A NACK with extra headers. */
  public static InboundResult nack(int status, String code, String message, List<String> paths,
      Map<String, String> headers) {
    return new InboundResult(status, headers, DentCodec.standard().encode(AckResponse.nack(code, message, paths)),
        code);
  }

  /** True when the answer is an ACK. */
  public boolean isAck() {
    return code == null;
  }

  @Override
  public String toString() {
    return "InboundResult[" + status + " " + (code == null ? "ACK" : code) + " "
        + new String(body, StandardCharsets.UTF_8) + "]";
  }
}
