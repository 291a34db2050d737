package io.paretone.search.store;

/**
 * A trial the search proposes.
 *
 * @param architecture the decoded architecture in words: the key that makes a trial unique
 * @param genome the genome's text form ({@code name=value ...})
 * @param generation the generation proposing it
 * @param seed the candidate's seed
 */
public record TrialRequest(
        String architecture, String family, String genome, String description, int generation, long seed) {}
