package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class FlopCounterTest {
    private final FlopCounter counter = new FlopCounter();

    @Test
    void dilatedGroupedConvolutionCountsTwoFlopsPerMultiplyAddPlusBias() {
        Block conv = Conv1d.builder().setKernelShape(new Shape(3)).optDilation(new Shape(2)).optGroups(2)
                .setFilters(6).build();
        // L_out = 20 - 2 x (3 - 1) = 16; 2 x N 2 x C_out 6 x L_out 16 x (C_in 8 / groups 2) x K 3 = 4608,
        // bias N x C_out x L_out = 192.
        assertEquals(4608 + 192, counter.of(conv, new Shape(2, 8, 20)));
    }

    @Test
    void strideAndPaddingChangeTheOutputLength() {
        Block conv = Conv1d.builder().setKernelShape(new Shape(4)).optStride(new Shape(2)).optPadding(new Shape(1))
                .setFilters(3).optBias(false).build();
        // L_out = floor((10 + 2 - 4) / 2) + 1 = 5; 2 x 1 x 3 x 5 x 2 x 4 = 240.
        assertEquals(240, counter.of(conv, new Shape(1, 2, 10)));
    }

    @Test
    void linearLayerCountsEveryRow() {
        Block linear = Linear.builder().setUnits(5).build();
        // 2 x 3 rows x 10 in x 5 out = 300, bias 3 x 5 = 15.
        assertEquals(315, counter.of(linear, new Shape(3, 10)));
    }

    @Test
    void layerWithoutARuleIsAnErrorNamingItsType() {
        Block relu = Activation.reluBlock();
        var e = assertThrows(UncountableLayerException.class, () -> counter.of(relu, new Shape(1, 4)));
        assertTrue(e.getMessage().contains(relu.getClass().getName()), e.getMessage());
    }

    @Test
    void countingNeedsNoInitialisedWeights() {
        try (Model model = Model.newInstance("x", DjlRuntime.device("cpu"))) {
            Block conv = Conv1d.builder().setKernelShape(new Shape(1)).setFilters(2).build();
            long before = counter.of(conv, new Shape(1, 3, 5));
            conv.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 5));
            assertEquals(before, counter.of(conv, new Shape(1, 3, 5)));
        }
    }
}
