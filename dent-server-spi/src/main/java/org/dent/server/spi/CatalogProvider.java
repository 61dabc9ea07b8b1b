package org.dent.server.spi;

import org.dent.core.model.Action;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;

/** Answers {@code search}: the offers that satisfy every filter of the request's intent. */
public interface CatalogProvider {
  /**
   * The catalog for this search. Return offers that satisfy every filter (distance, window, energy, power,
   * budget); an empty catalog is a valid answer.
   *
   * @throws BusinessException to answer with an error callback
   */
  default OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
    throw new NotImplementedException(Action.SEARCH);
  }
}
