package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.gansynth.GanSynthBlock;
import io.paretone.spaces.gansynth.GanSynthFamily;
import java.util.List;
import java.util.Map;

class GanSynthContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new GanSynthFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "resolutions", List.of("3"),
                "start_frames", List.of("8", "16"),
                "start_bins", List.of("2", "4"),
                "channels", List.of("8"),
                "latent", List.of("8", "16"),
                "phase", List.of("if", "griffin_lim"),
                "critic_updates", List.of("1", "2"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("1e-3"));
    }

    /** Generating uses the generator only. */
    @Override
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(((GanSynthBlock) block).generator());
    }
}
