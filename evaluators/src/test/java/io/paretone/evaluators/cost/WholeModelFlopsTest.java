package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.cost.ParallelJoin;
import io.paretone.spaces.cost.Pooling;
import io.paretone.spaces.cost.Upsample;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small model of many layer kinds: its count is the sum of its layers, split by weights. */
class WholeModelFlopsTest {

    private static Block model() {
        return new SequentialBlock()
                .add(Conv1d.builder()
                        .setKernelShape(new Shape(3))
                        .optPadding(new Shape(1))
                        .setFilters(4)
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pooling.max(new Shape(2), new Shape(2), new Shape(0)))
                .add(ParallelJoin.sum(
                        Blocks.identityBlock(),
                        Conv1d.builder()
                                .setKernelShape(new Shape(3))
                                .optDilation(new Shape(2))
                                .optPadding(new Shape(2))
                                .optGroups(2)
                                .setFilters(4)
                                .build()))
                .add(new Upsample(2))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build());
    }

    // Input [1, 2, 16], layer by layer:
    private static final long CONV = 2 * 4 * 16 * 2 * 3 + 4 * 16; // -> [1, 4, 16]: 768 + bias 64
    private static final long BATCH_NORM = 64 * 7; // training: 7 per element
    private static final long RELU = 64;
    private static final long MAX_POOL = 32 * 1; // -> [1, 4, 8]: (2 - 1) comparisons per output
    private static final long DILATED = 2 * 4 * 8 * (4 / 2) * 3 + 4 * 8; // L_out = 8 + 4 - 2 x 2 = 8
    private static final long RESIDUAL_ADD = 32;
    private static final long LINEAR = 2 * 64 * 3 + 3; // upsampled [1, 4, 16], flattened [1, 64]

    @Test
    void wholeModelCountsTheSumOfItsLayers() {
        Block model = model();
        Shape input = new Shape(1, 2, 16);
        assertEquals(new Shape(1, 3), FlopCounterTest.forwardShapes(model, input)[0], "the model really runs");
        FlopCount count = FlopCounter.training().count(model, input);
        assertEquals(CONV + BATCH_NORM + RELU + MAX_POOL + DILATED + RESIDUAL_ADD + LINEAR, count.forward());
        assertEquals(
                Map.of(
                        "Conv1d",
                        CONV + DILATED,
                        "BatchNorm",
                        BATCH_NORM,
                        "ReLU",
                        RELU,
                        "Pooling",
                        MAX_POOL,
                        "ParallelJoin",
                        RESIDUAL_ADD,
                        "Linear",
                        LINEAR),
                count.byLayer());
    }

    @Test
    void backwardIsTwiceTheLayersWithWeightsAndOnceTheRest() {
        FlopCount count = FlopCounter.training().count(model(), new Shape(1, 2, 16));
        long withWeights = CONV + BATCH_NORM + DILATED + LINEAR; // BatchNorm's gamma and beta are trained
        long rest = RELU + MAX_POOL + RESIDUAL_ADD;
        assertEquals(withWeights, count.forwardOfLayersWithWeights());
        assertEquals(2 * withWeights + rest, count.backward());
        assertEquals(3 * withWeights + 2 * rest, count.forwardAndBackward());
    }

    @Test
    void customBlockCountingLessThanItsChildrenIsCaught() {
        var e = assertThrows(
                IllegalStateException.class, () -> FlopCounter.training().of(new UnderCounting(), new Shape(1, 1, 4)));
        assertTrue(e.getMessage().contains(UnderCounting.class.getName()), e.getMessage());
    }

    /** Forgets one FLOP of its child: its own work would be negative. */
    private static final class UnderCounting extends SequentialBlock implements FlopCountable {
        private final Block conv =
                Conv1d.builder().setKernelShape(new Shape(1)).setFilters(1).build();

        @Override
        public long forwardFlops(LayerFlops counter, Shape... in) {
            return counter.of(conv, in) - 1;
        }
    }
}
