package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.dcgan.DcganBlock;
import io.paretone.spaces.dcgan.DcganFamily;
import io.paretone.spaces.image.ImageFormat;
import java.util.List;
import java.util.Map;

class DcganContractTest extends ImageFamilyContract {
    @Override
    protected ModelFamily family() {
        return new DcganFamily(ImageFormat.DIGITS);
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "latent", List.of("8", "16"),
                "generator_channels", List.of("8"),
                "discriminator_channels", List.of("4", "8"),
                "kernel_size", List.of("3"),
                "critic_updates", List.of("1", "2"),
                "training_steps", List.of("20"),
                "batch_size", List.of("8"),
                "learning_rate", List.of("1e-3"));
    }

    /** Generating uses the generator only. */
    @Override
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(((DcganBlock) block).generator());
    }
}
