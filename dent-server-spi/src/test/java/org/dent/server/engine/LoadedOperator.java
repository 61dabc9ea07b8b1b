package org.dent.server.engine;

import java.util.List;
import org.dent.core.model.Catalog;
import org.dent.core.model.OnSearchCallback;
import org.dent.core.model.SearchRequest;
import org.dent.server.spi.RequestContext;
import org.dent.server.spi.StorageOperator;

/** Found through {@code META-INF/services}: offers search only. */
public final class LoadedOperator implements StorageOperator {
  @Override
  public OnSearchCallback.Message search(SearchRequest request, RequestContext context) {
    return new OnSearchCallback.Message(Catalog.builder().providers(List.of()).build());
  }
}
