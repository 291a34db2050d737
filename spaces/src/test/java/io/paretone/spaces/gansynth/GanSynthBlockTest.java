package io.paretone.spaces.gansynth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class GanSynthBlockTest {
    private final GanSynthFamily family = new GanSynthFamily();

    /** magenta's num_filters(block) = min(4096 / 2^block, 256) for the published configuration. */
    @Test
    void publishedChannelsFollowGanSynthsFilterSchedule() {
        GanSynthArchitecture arch =
                (GanSynthArchitecture) family.decode(family.published().genome());
        int[] channels = new int[8];
        int[] expected = new int[8];
        for (int block = 0; block <= 7; block++) {
            channels[block] = arch.channelsAt(block);
            expected[block] = (int) Math.min(4096 / Math.pow(2, block), 256);
        }
        assertArrayEquals(expected, channels);
        assertEquals(128, arch.frames());
        assertEquals(1024, arch.bins());
        assertEquals(64 * 1024, arch.clipLength());
    }

    @Test
    void generatorDrawsImagesInRangeAndTheCriticScoresAndClassifiesThem() {
        GanSynthArchitecture arch = (GanSynthArchitecture) family.decode(family.space()
                .parse("resolutions=3 start_frames=2 start_bins=2 channels=8 latent=8 phase=if critic_updates=1"
                        + " training_steps=10 batch_size=2 learning_rate=1e-3"));
        try (Model model = Model.newInstance("g", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            GanSynthBlock block = (GanSynthBlock) arch.newBlock();
            block.initialize(m, DataType.FLOAT32, arch.inputShapes(3));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray image = block.forward(ps, new NDList(m.randomNormal(arch.inputShapes(3)[0])), false)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 2, 8, 8), image.getShape());
            assertEquals(1f, image.abs().max().getFloat(), 1f, "tanh keeps the image in (-1, 1)");
            NDList judged = block.critic().forward(ps, new NDList(image), false);
            assertEquals(new Shape(3, 1), judged.get(0).getShape());
            assertEquals(new Shape(3, Pitches.COUNT), judged.get(1).getShape());
        }
    }

    @Test
    void averagePoolingMeansEachTwoByTwoSquare() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            assertArrayEquals(
                    new float[] {2.5f, 4.5f, 10.5f, 12.5f},
                    GanSynthBlock.Critic.averagePool(x).toFloatArray());
        }
    }
}
