package org.dent.client.bap;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.dent.client.correlation.Correlator;
import org.dent.core.model.OnSearchCallback;

/**
 * A search in flight: {@code on_search} callbacks from every BPP that answers, as a stream and as a list at the
 * end of the ttl (or as soon as every BPP it was sent to answered).
 */
public final class SearchCall {
  private final String transactionId;
  private final String messageId;
  private final Correlator.Collector<OnSearchCallback> collector;
  private final CompletableFuture<Void> sent;

  SearchCall(String transactionId, String messageId, Correlator.Collector<OnSearchCallback> collector,
      CompletableFuture<Void> sent) {
    this.transactionId = transactionId;
    this.messageId = messageId;
    this.collector = collector;
    this.sent = sent;
  }

  /** The transaction every follow-up request continues. */
  public String transactionId() {
    return transactionId;
  }

  /** The search's message_id. */
  public String messageId() {
    return messageId;
  }

  /** Each {@code on_search} as it arrives; completes when the search ends. */
  public Flow.Publisher<OnSearchCallback> results() {
    return collector.publisher();
  }

  /** The first {@code on_search}. */
  public CompletableFuture<OnSearchCallback> first() {
    return collector.first();
  }

  /** Every {@code on_search} received, when the search ends. */
  public CompletableFuture<List<OnSearchCallback>> all() {
    return collector.all();
  }

  /** Completes when the search was ACKed by every receiver it was sent to, or fails with the first refusal. */
  public CompletableFuture<Void> sent() {
    return sent;
  }
}
