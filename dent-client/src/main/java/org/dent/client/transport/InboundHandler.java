package org.dent.client.transport;

/**
 * Receives messages that passed the {@link InboundPipeline}. {@link #admit} runs synchronously before the ACK and
 * may refuse by throwing {@link NackException}; {@link #handle} runs afterwards on the pipeline's executor.
 */
public interface InboundHandler {
  /**
   * Decides, before the ACK is sent, whether to accept the message. The default accepts everything.
   *
   * @throws NackException to answer with this NACK instead of ACK (the handler is then not called)
   */
  default void admit(InboundMessage message) {}

  /** Processes an accepted message; runs on the pipeline's executor after the ACK. */
  void handle(InboundMessage message);

  /**
   * The same sender sent the same message_id again within its ttl: it was ACKed again but {@link #handle} is not
   * called. The default does nothing; a BPP engine re-sends the callback it already produced.
   */
  default void duplicate(InboundMessage message) {}
}
