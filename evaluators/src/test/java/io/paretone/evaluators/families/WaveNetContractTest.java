package io.paretone.evaluators.families;

import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.List;
import java.util.Map;

class WaveNetContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new WaveNetFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "layers", List.of("2", "3"),
                "dilation_cycle", List.of("1", "2"),
                "residual_channels", List.of("4", "8"),
                "skip_channels", List.of("8", "16"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("1e-2"));
    }
}
