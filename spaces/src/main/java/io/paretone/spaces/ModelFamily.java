package io.paretone.spaces;

import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;

/**
 * A family of generative models (WaveNet, SampleRNN, WaveGAN, ...): its genes, how a genome becomes
 * a trainable architecture, and the configuration its paper published. One implementation per
 * family, registered in {@link io.paretone.spaces.families.ModelFamilies}.
 */
public interface ModelFamily {
    /** The kind of data the family models; a study searches families of one domain. Audio unless a family says otherwise. */
    default Domain domain() {
        return Domain.AUDIO;
    }

    /** The short name used in configs, gene prefixes and tables, such as {@code wavenet}. */
    String name();

    /** One line on what the family is, for {@code paretone spaces}. */
    String summary();

    /**
     * The family's own genes with their full ranges, from tiny to the published size, including
     * the shared {@link io.paretone.spaces.training.TrainingGenes}. Conditions may only refer to
     * genes of this space.
     */
    SearchSpace space();

    /** The architecture a genome of {@link #space()} describes. */
    Architecture decode(Genome genome);

    /**
     * Returns the genome if it belongs to this family's space; decoding another family's genome
     * would read genes it does not have.
     */
    default Genome requireOwn(Genome genome) {
        if (!genome.space().name().equals(name())) {
            throw new IllegalArgumentException("not a " + name() + " genome: " + genome);
        }
        return genome;
    }

    /** The configuration of the family's paper, for counting its cost at full scale. */
    PublishedConfiguration published();
}
