package org.dent.server.spi;

/**
 * Everything a storage operator can plug into the engine, in one type: implement the methods of the actions you
 * offer. Found by {@link java.util.ServiceLoader} under {@code META-INF/services/org.dent.server.spi.StorageOperator}
 * when the engine is told to look, or installed explicitly.
 */
public interface StorageOperator
    extends CatalogProvider, ReservationHandler, TransferHandler, RatingHandler, SupportHandler {}
