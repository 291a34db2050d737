package io.paretone.search.store;

/**
 * Who runs a trial.
 *
 * @param owner the scheduling process, as {@link OwnerLiveness} writes it
 * @param worker the worker process or thread that trains it
 * @param device the device it trains on
 */
public record Claim(String owner, String worker, String device) {}
