/**
 * Durable state of a BPP: the storage SPI the engine ({@link org.dent.server.store.EngineStore}) and the reference
 * operator ({@link org.dent.server.store.OperatorStore}) write through, and {@link
 * org.dent.server.store.InMemoryStore}, the default. Module {@code dent-store-jdbc} implements both on PostgreSQL
 * so that a BPP survives a restart and several BPP instances can share one database.
 */
package org.dent.server.store;
