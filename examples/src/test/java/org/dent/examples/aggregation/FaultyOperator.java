package org.dent.examples.aggregation;

import java.util.concurrent.atomic.AtomicInteger;
import org.dent.core.model.CancelRequest;
import org.dent.core.model.ConfirmRequest;
import org.dent.core.model.InitRequest;
import org.dent.core.model.OnCancelCallback;
import org.dent.core.model.OnConfirmCallback;
import org.dent.core.model.OnInitCallback;
import org.dent.core.model.OnRatingCallback;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.OnSelectCallback;
import org.dent.core.model.OnStatusCallback;
import org.dent.core.model.OnSupportCallback;
import org.dent.core.model.OnTrackCallback;
import org.dent.core.model.OnUpdateCallback;
import org.dent.core.model.RatingRequest;
import org.dent.core.model.SearchRequest;
import org.dent.core.model.SelectRequest;
import org.dent.core.model.StatusRequest;
import org.dent.core.model.SupportRequest;
import org.dent.core.model.TrackRequest;
import org.dent.core.model.UpdateRequest;
import org.dent.server.reference.ReferenceOperator;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;

/** The reference operator with a replaceable {@code confirm} and {@code update}, to make a BPP fail on purpose. */
final class FaultyOperator implements StorageOperator {
  /** A replacement for one action: gets the request, the context and the reference operator. */
  interface Fault<Q, A> {
    A apply(Q request, RequestContext context, ReferenceOperator reference);
  }

  final ReferenceOperator reference;
  final AtomicInteger confirms = new AtomicInteger();
  volatile Fault<ConfirmRequest, OnConfirmCallback.Message> confirmFault;
  volatile Fault<UpdateRequest, OnUpdateCallback.Message> updateFault;

  FaultyOperator(ReferenceOperator reference) {
    this.reference = reference;
  }

  @Override
  public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
    return reference.search(request, context);
  }

  @Override
  public OnSelectCallback.Message select(SelectRequest request, RequestContext context) {
    return reference.select(request, context);
  }

  @Override
  public OnInitCallback.Message init(InitRequest request, RequestContext context) {
    return reference.init(request, context);
  }

  @Override
  public OnConfirmCallback.Message confirm(ConfirmRequest request, RequestContext context) {
    confirms.incrementAndGet();
    Fault<ConfirmRequest, OnConfirmCallback.Message> f = confirmFault;
    return f == null ? reference.confirm(request, context) : f.apply(request, context, reference);
  }

  @Override
  public OnCancelCallback.Message cancel(CancelRequest request, RequestContext context) {
    return reference.cancel(request, context);
  }

  @Override
  public OnUpdateCallback.Message update(UpdateRequest request, RequestContext context) {
    Fault<UpdateRequest, OnUpdateCallback.Message> f = updateFault;
    return f == null ? reference.update(request, context) : f.apply(request, context, reference);
  }

  @Override
  public OnStatusCallback.Message status(StatusRequest request, RequestContext context) {
    return reference.status(request, context);
  }

  @Override
  public OnTrackCallback.Message track(TrackRequest request, RequestContext context) {
    return reference.track(request, context);
  }

  @Override
  public OnRatingCallback.Message rating(RatingRequest request, RequestContext context) {
    return reference.rating(request, context);
  }

  @Override
  public OnSupportCallback.Message support(SupportRequest request, RequestContext context) {
    return reference.support(request, context);
  }
}
