package io.paretone.evaluators.families;

import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.flow.FlowFamily;
import java.util.List;
import java.util.Map;

class FlowContractTest extends ModelFamilyContract {
    @Override
    protected ModelFamily family() {
        return new FlowFamily();
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "mixing", List.of("swap", "lu_1x1"),
                "squeezes", List.of("1", "2"),
                "flows", List.of("1", "2"),
                "coupling_layers", List.of("1", "2"),
                "channels", List.of("8"),
                "training_steps", List.of("20"),
                "batch_size", List.of("2"),
                "learning_rate", List.of("1e-2"));
    }
}
