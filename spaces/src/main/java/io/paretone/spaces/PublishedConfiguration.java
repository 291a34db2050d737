package io.paretone.spaces;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.genome.Genome;
import java.util.OptionalLong;

/**
 * A family's configuration as published, expressed as a genome of its own space, so paretone can
 * build it at full scale and count its parameters and FLOPs without training it, and print them
 * beside the figure the literature reports.
 *
 * @param model the published model and paper, such as "SampleRNN 3-tier (Mehri et al. 2017)"
 * @param genome the configuration in the family's own space
 * @param publishedParameters the parameter count reported in the literature, if any
 * @param source where that count and the configuration come from
 * @param notes how our build differs from the published one, and what each count includes (a
 *     discriminator counted or not), so a reader can explain a difference
 */
public record PublishedConfiguration(
        String model, Genome genome, OptionalLong publishedParameters, String source, String notes) {
    public PublishedConfiguration {
        Check.notNull("model", model);
        Check.notNull("genome", genome);
        Check.notNull("published parameters", publishedParameters);
        Check.notNull("source", source);
        Check.notNull("notes", notes);
    }
}
