package org.dent.store.jdbc;

import org.dent.server.store.EngineStore;
import org.dent.server.store.InMemoryStore;
import org.dent.server.store.OperatorStore;

/** The store contract against {@link InMemoryStore}: a restart within one JVM keeps the same store object. */
class InMemoryStoreTest extends StoreContractTest {
  @Override
  @SuppressWarnings("unchecked")
  <S extends OperatorStore & EngineStore> S newStore() {
    return (S) new InMemoryStore();
  }

  @Override
  <S extends OperatorStore & EngineStore> S reopen(S store) {
    return store;
  }
}
