package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.wavenet.WaveNetFamily;
import org.junit.jupiter.api.Test;

/** The WaveNet family's parameters and generation FLOPs against counts made by hand. */
class WaveNetCostTest {
    private final WaveNetFamily family = new WaveNetFamily();
    private final Architecture arch = family.decode(family.space()
            .parse("layers=3 dilation_cycle=2 residual_channels=4 skip_channels=8 kernel_size=3"
                    + " learning_rate=1e-3 training_steps=10 batch_size=8"));

    @Test
    void parameterCountMatchesTheHandCount() {
        // input 1x1 conv 256->4, no bias: 1024
        // per layer: filter and gate 4->4 k3: 2 x (48+4); residual 4->4: 16+4; skip 4->8: 32+8 => 164, x3 = 492
        // post1 8->8: 72; post2 8->256: 2048+256 = 2304
        try (Model model = Model.newInstance("w", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(2));
            assertEquals(1024 + 492 + 72 + 2304, ParameterCounter.trainable(block));
        }
    }

    @Test
    void generationFlopsPerUnitMatchTheHandCount() {
        // One sample step, batch 1:
        // input: a 1x1 convolution of the one-hot sample, an embedding lookup: 0
        // layer: filter and gate 2 x (2 x 4 x 4 x 3 + 4) = 200; gate 3 x 4 = 12; residual 2 x 4 x 4 + 4 = 36;
        //        skip 2 x 8 x 4 + 8 = 72; residual add 4; skip sum 8 (not for the first layer)
        //        => 324 + 332 + 332 = 988
        // head: ReLU 8, post1 2 x 8 x 8 + 8 = 136, ReLU 8, post2 2 x 256 x 8 + 256 = 4352 => 4504
        long perSample = 988 + 4504;
        try (Model model = Model.newInstance("w", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            assertEquals(perSample * 16000, arch.generationFlopsPerUnit(block, FlopCounter.inference(), 16000));
        }
    }

    @Test
    void trainingRunCostFollowsTheBackwardConvention() {
        // Per time position (the parallel pass is linear in time), split by weights:
        // convolutions 3 x (200 + 36 + 72) + 136 + 4352 = 5412 (the input embedding is a lookup, 0);
        // weightless: gates 12 + residual add 4 per layer, skip sums 8 + 8, ReLUs 8 + 8 = 80.
        long withWeights = 3 * (200 + 36 + 72) + 136 + 4352;
        long rest = 3 * (12 + 4) + 2 * 8 + 2 * 8;
        // Training crop: receptive field 1 + 2 x (1 + 2 + 1) = 9, plus 256 predicted, minus the one it predicts from.
        long positions = 9 + 256 - 1;
        long perExample = positions * (withWeights + rest);
        long forwardAndBackward = positions * (3 * withWeights + 2 * rest);
        try (Model model = Model.newInstance("w", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            ModelCost cost = ModelCost.count(arch, block, 16000);
            assertEquals(perExample, cost.forwardFlopsPerTrainingExample());
            assertEquals(positions * withWeights, cost.trainingExample().forwardOfLayersWithWeights());
            // 10 steps x batch 8.
            assertEquals(10 * 8 * forwardAndBackward, cost.trainingFlops());
            assertEquals((1024 + 492 + 72 + 2304) * 4, cost.modelBytes(), "float32 weights, 4 bytes each");
            assertEquals("float32", cost.dataType());
        }
    }
}
