package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.convvae.ConvVaeBlock;
import io.paretone.spaces.convvae.ConvVaeFamily;
import io.paretone.spaces.image.ImageFormat;
import java.util.List;
import java.util.Map;

class ConvVaeContractTest extends ImageFamilyContract {
    @Override
    protected ModelFamily family() {
        return new ConvVaeFamily(ImageFormat.DIGITS);
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "channels", List.of("4", "8"),
                "kernel_size", List.of("3"),
                "latent", List.of("4", "8"),
                "kl_weight", List.of("1e-2"),
                "training_steps", List.of("20"),
                "batch_size", List.of("8"),
                "learning_rate", List.of("3e-3"));
    }

    /** Generating uses the decoder only. */
    @Override
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(((ConvVaeBlock) block).decoder());
    }
}
