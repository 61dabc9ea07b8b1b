package org.dent.server.store;

/**
 * Who confirmed an order, so that pushes reach them and nobody else can address it.
 *
 * @param orderId the order id
 * @param bapId the BAP that confirmed it
 * @param bapUri where its callbacks go
 * @param transactionId the order's transaction
 * @param domain the domain of the transaction
 */
public record OrderOwnerRecord(String orderId, String bapId, String bapUri, String transactionId, String domain) {}
