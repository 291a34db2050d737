package io.paretone.evaluators.families;

import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.samplernn.SampleRnnFamily;
import java.util.List;
import java.util.Map;

class SampleRnnContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new SampleRnnFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "frame_size", List.of("2", "4"),
                "upper_ratio", List.of("2"),
                "rnn_units", List.of("8", "16"),
                "rnn_layers", List.of("1"),
                "mlp_units", List.of("16"),
                "embedding", List.of("8"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("1e-2"));
    }
}
