package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.wavegan.WaveGanBlock;
import io.paretone.spaces.wavegan.WaveGanFamily;
import java.util.List;
import java.util.Map;

class WaveGanContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new WaveGanFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "model_size", List.of("2", "4"),
                "layers", List.of("3"),
                "stride", List.of("4"),
                "kernel_size", List.of("5"),
                "critic_updates", List.of("1", "2"),
                "latent", List.of("16"),
                // Adversarial losses fall while the critic learns, then oscillate as the generator
                // catches up: ten steps stay in the first phase.
                "training_steps", List.of("10"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("1e-3"));
    }

    /** Generating uses the generator only. */
    @Override
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(((WaveGanBlock) block).generator());
    }
}
