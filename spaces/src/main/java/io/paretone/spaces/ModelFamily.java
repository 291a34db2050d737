package io.paretone.spaces;

import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;

/**
 * A family of generative models (WaveNet, SampleRNN, ...): its genes and how a genome becomes a
 * trainable architecture. One implementation per family.
 */
public interface ModelFamily {
    /** The short name used in configs and tables, such as {@code wavenet}. */
    String name();

    /** The family's genes, with their full ranges. */
    SearchSpace space();

    /** The architecture a genome of {@link #space()} (or of a restriction of it) describes. */
    Architecture decode(Genome genome);
}
