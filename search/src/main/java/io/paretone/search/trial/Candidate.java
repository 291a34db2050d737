package io.paretone.search.trial;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;

/**
 * A genome the search proposes, decoded once on the scheduling side: everything after the search
 * (duplicate checks, the trial store's key, the scheduler) reads this value instead of decoding the
 * genome again. Only the genome's text crosses to a worker process, which decodes it once there.
 *
 * @param genome the genome in the study's mixed space
 * @param architecture what it decodes to
 * @param description the architecture in words ({@link Architecture#describe()}): the key that makes
 *     a trial unique, since different genomes can decode to the same network
 * @param seed the candidate's seed, from the study seed and the description only
 */
public record Candidate(Genome genome, Architecture architecture, String description, long seed) {

    /** The model family's name. */
    public String family() {
        return genome.choice(ModelFamilies.FAMILY);
    }
}
