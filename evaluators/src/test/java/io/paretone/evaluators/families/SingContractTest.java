package io.paretone.evaluators.families;

import ai.djl.nn.Block;
import ai.djl.nn.transformer.IdEmbedding;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.sing.SingFamily;
import java.util.List;
import java.util.Map;

class SingContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new SingFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "lstm_layers", List.of("1"),
                "lstm_units", List.of("16", "32"),
                "features", List.of("8", "16"),
                "decoder_channels", List.of("16", "32"),
                "rewrite_layers", List.of("0", "1"),
                "hop", List.of("64", "128"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("3e-3"));
    }

    /** The instrument, pitch and position tables are looked up, not multiplied. */
    @Override
    protected long generatingWeights(Block block) {
        long tables = 0;
        for (Block child : block.getChildren().values()) {
            if (child instanceof IdEmbedding) {
                tables += ParameterCounter.trainable(child);
            }
        }
        return ParameterCounter.trainable(block) - tables;
    }
}
