package io.paretone.evaluators.families;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.PublishedConfiguration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A family's published configuration built at full scale, untrained, and counted: trainable
 * parameters and forward FLOPs per generated second, to print beside the figure the literature
 * reports (read from the shipped table of published models, see
 * {@link PublishedConfiguration#publishedModel}).
 *
 * @param generationFlopsPerUnit empty when a layer has no FLOP rule yet; {@code flopsUnavailable} says which
 */
public record PublishedCost(
        ModelFamily family,
        PublishedConfiguration configuration,
        long parameters,
        OptionalLong generationFlopsPerUnit,
        Optional<String> flopsUnavailable) {

    /** Builds and counts the published configuration of a family on the CPU. */
    public static PublishedCost of(ModelFamily family, int sampleRate) {
        PublishedConfiguration published = family.published();
        Architecture arch = family.decode(published.genome());
        try (Model model = Model.newInstance("published-" + family.name(), Device.cpu())) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            long parameters = ParameterCounter.trainable(block);
            try {
                long flops = arch.generationFlopsPerUnit(block, FlopCounter.inference(), sampleRate);
                return new PublishedCost(family, published, parameters, OptionalLong.of(flops), Optional.empty());
            } catch (IllegalStateException e) {
                return new PublishedCost(
                        family, published, parameters, OptionalLong.empty(), Optional.of(e.getMessage()));
            }
        }
    }
}
