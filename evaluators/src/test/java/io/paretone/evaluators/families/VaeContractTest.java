package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.vae.VaeBlock;
import io.paretone.spaces.vae.VaeFamily;
import java.util.List;
import java.util.Map;

class VaeContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new VaeFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "layers", List.of("3", "4"),
                "channels", List.of("8", "16"),
                "kernel_size", List.of("5"),
                "latent", List.of("4"),
                "kl_weight", List.of("1e-2"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("3e-3"));
    }

    /** Generating uses the decoder only. */
    @Override
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(((VaeBlock) block).decoder());
    }
}
