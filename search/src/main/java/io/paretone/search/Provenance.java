package io.paretone.search;

/**
 * What produced a trial, so that any point on a Pareto plot can be re-run.
 *
 * @param seed the candidate's seed (initialisation, batches, generation)
 * @param device the DJL device it trained on
 * @param datasetHash SHA-256 of the dataset's clips and labels
 */
public record Provenance(
        long seed,
        String device,
        String dataset,
        String datasetHash,
        String paretoneVersion,
        String djlVersion,
        String javaVersion,
        String os) {

    /** The same provenance for another seed. */
    public Provenance withSeed(long newSeed) {
        return new Provenance(newSeed, device, dataset, datasetHash, paretoneVersion, djlVersion, javaVersion, os);
    }
}
