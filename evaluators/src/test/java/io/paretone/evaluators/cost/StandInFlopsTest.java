package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.blocks.OneHotProjection;
import io.paretone.spaces.blocks.UpsampleConv;
import io.paretone.spaces.image.ImageLayers;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocks that stand in for a layer DJL cannot run are counted as the layer the architecture defines. */
class StandInFlopsTest {

    private static FlopCount count(Block block, Shape input) {
        try (Model model = Model.newInstance("s", DjlRuntime.device("cpu"))) {
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);
            return FlopCounter.inference().count(block, input);
        }
    }

    @Test
    void upsampleConvCountsAsTheTransposedConvolutionItStandsFor() {
        // Transposed convolution, stride 4, width 5, 6 -> 3 channels, batch 2, 10 input positions:
        // every input position scatters 6 x 3 x 5 multiply-adds: 2 x 2 x 10 x 6 x 3 x 5 = 3600;
        // bias on the 2 x 3 x 40 outputs = 240. (Upsampling then convolving runs 4 x 3600 products.)
        FlopCount count = count(new UpsampleConv(4, 5, 3), new Shape(2, 6, 10));
        assertEquals(3600 + 240, count.forward());
        // The convolution's weights do the products and the bias on the 10 input positions; the
        // bias on the 30 further outputs is the block's own, weightless work.
        assertEquals(3600 + 2 * 3 * 10, count.forwardOfLayersWithWeights());
    }

    @Test
    void imageUpsamplingLayerCountsAsTheTransposedConvolutionItStandsFor() {
        // DCGAN's stride-2 transposed 3x3 convolution, 2 -> 4 channels, from 3 x 3 to 6 x 6: each of the
        // 9 input positions scatters 2 x 4 x 9 multiply-adds: 2 x 9 x 2 x 4 x 9 = 1296; bias on the
        // 4 x 36 outputs = 144. (Upsampling then convolving runs 4 x 1296 products.)
        FlopCount count = count(ImageLayers.upsampleConv(3, 4), new Shape(1, 2, 3, 3));
        assertEquals(1296 + 144, count.forward());
        assertEquals(1296 + 4 * 9, count.forwardOfLayersWithWeights());
    }

    @Test
    void oneHotProjectionCountsAsAnEmbeddingLookup() {
        // 256 classes one-hot to 8 channels over 5 positions: a lookup, no arithmetic.
        FlopCount count = count(new OneHotProjection(8), new Shape(1, 256, 5));
        assertEquals(0, count.forward());
        assertEquals(Map.of(), count.byLayer());
    }
}
