package io.paretone.search.trial;

/**
 * What produced a trial, so that any point on a Pareto plot can be re-run.
 *
 * @param seed the candidate's seed (initialisation, batches, generation)
 * @param device the DJL device it trained on
 * @param datasetHash SHA-256 of the dataset's clips and labels
 * @param host the machine it trained on (a cluster spreads a study over several); null in trials
 *     stored before hosts were recorded
 */
public record Provenance(
        long seed,
        String device,
        String dataset,
        String datasetHash,
        String paretoneVersion,
        String djlVersion,
        String javaVersion,
        String os,
        String host) {

    /** The same provenance for another seed. */
    public Provenance withSeed(long newSeed) {
        return new Provenance(
                newSeed, device, dataset, datasetHash, paretoneVersion, djlVersion, javaVersion, os, host);
    }
}
