package io.paretone.spaces;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.genome.Genome;
import java.util.Optional;

/**
 * A family's configuration as published, expressed as a genome of its own space, so paretone can
 * build it at full scale and count its parameters and FLOPs without training it, and print them
 * beside the figure the literature reports.
 *
 * @param model the published model and paper, such as "SampleRNN 3-tier (Mehri et al. 2017)"
 * @param genome the configuration in the family's own space
 * @param publishedModel the model's name in the shipped table of published models
 *     ({@code published-models.yaml} of the experiments module), the one source of its published
 *     figures (parameters, training resources, MOS); empty when the literature gives no count
 * @param reproducesCount whether our build has the published model's layers, so its parameter
 *     count should lie within the report's stated tolerance of the published one; false where
 *     {@code notes} explain why it cannot
 * @param source where the configuration comes from
 * @param notes how our build differs from the published one, and what each count includes (a
 *     discriminator counted or not), so a reader can explain a difference; counts themselves are
 *     read from the table and computed, never written here
 */
public record PublishedConfiguration(
        String model,
        Genome genome,
        Optional<String> publishedModel,
        boolean reproducesCount,
        String source,
        String notes) {
    public PublishedConfiguration {
        Check.notNull("model", model);
        Check.notNull("genome", genome);
        Check.notNull("published model", publishedModel);
        Check.that(
                publishedModel.isPresent() || !reproducesCount,
                "reproduces count",
                reproducesCount,
                "needs a published model to reproduce");
        Check.notNull("source", source);
        Check.notNull("notes", notes);
    }
}
