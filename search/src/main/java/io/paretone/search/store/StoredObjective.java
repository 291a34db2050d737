package io.paretone.search.store;

/**
 * One minimised objective as a stored study names it.
 *
 * @param name the key of the objective in each trial ({@code co2e}, {@code parameters}, ...)
 * @param unit the unit of its stored values
 * @param meaning what it measures, in words
 */
public record StoredObjective(String name, String unit, String meaning) {}
