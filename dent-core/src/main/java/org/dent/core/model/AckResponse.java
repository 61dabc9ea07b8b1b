package org.dent.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.dent.core.error.ErrorPaths;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The synchronous answer to every POST: {@code {"message":{"ack":{"status":"ACK"}}}} or a NACK carrying an
 * {@code error{code, paths, message}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AckResponse(
    @JsonProperty("message") @Nullable Message message,
    @JsonProperty("error") @Nullable BecknError error,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extensions) {

  private static final AckResponse ACK = new AckResponse(new Message(new Ack("ACK", null, Map.of()), Map.of()), null,
      Map.of());

  /** Normalises {@code extensions} to an unmodifiable, never-null map. */
  public AckResponse {
    extensions = Models.copy(extensions);
  }

  /** The positive acknowledgement. */
  public static AckResponse ack() {
    return ACK;
  }

  /**
   * A NACK with this error. {@code paths} are JSON pointers; the Beckn 1.1.0 schema types {@code error.paths} as a
   * string, so several are joined with {@code ", "}.
   */
  public static AckResponse nack(String code, String message, List<String> paths) {
    return new AckResponse(new Message(new Ack("NACK", null, Map.of()), Map.of()),
        new BecknError(code, ErrorPaths.join(paths), message, Map.of()), Map.of());
  }

  /** True when {@code message.ack.status} is {@code ACK}. */
  @JsonIgnore
  public boolean isAck() {
    return message != null && message.ack() != null && "ACK".equals(message.ack().status());
  }

  /** The {@code message} member: the acknowledgement. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(
      @JsonProperty("ack") @Nullable Ack ack,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extensions) {

    /** Normalises {@code extensions} to an unmodifiable, never-null map. */
    public Message {
      extensions = Models.copy(extensions);
    }
  }
}
