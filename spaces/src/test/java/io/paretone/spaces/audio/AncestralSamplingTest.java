package io.paretone.spaces.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AncestralSamplingTest {
    private static final int CLIPS = 3;
    private static final List<ClipLabel> LABELS =
            java.util.Collections.nCopies(CLIPS, new ClipLabel(0, ClipLabel.NO_PITCH));

    /**
     * A step that puts all its mass on the previous class plus the clip's index plus one: each class
     * drawn must come back as the next step's input, per clip, starting from silence.
     */
    @Test
    void eachDrawnClassIsFedBackToItsOwnClip() {
        int samples = 300; // more than 256, so the classes wrap around
        try (NDManager m = DjlRuntime.engine().newBaseManager(DjlRuntime.device("cpu"))) {
            NDArray shift = m.create(new long[] {1, 2, 3}, new Shape(CLIPS, 1));
            float[][] audio = AncestralSampling.generate(m, CLIPS, samples, 5, (t, previous) -> previous.add(shift)
                    .mod(MuLaw.CLASSES)
                    .squeeze(1)
                    .oneHot(MuLaw.CLASSES)
                    .mul(100));
            assertEquals(CLIPS, audio.length);
            int silence = MuLaw.encode(0f);
            for (int c = 0; c < CLIPS; c++) {
                assertEquals(samples, audio[c].length);
                for (int t = 0; t < samples; t++) {
                    assertEquals(
                            MuLaw.decode((silence + (c + 1) * (t + 1)) % MuLaw.CLASSES),
                            audio[c][t],
                            "clip " + c + " sample " + t);
                }
            }
        }
    }

    /** Both autoregressive mu-law families: a batch of clips of mu-law levels, reproducible from the seed. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "wavenet: layers=3 dilation_cycle=2 residual_channels=4 skip_channels=8 kernel_size=2",
                "samplernn: cell=lstm frame_tiers=2 frame_size=2 upper_ratio=2 rnn_units=8 rnn_layers=1 mlp_units=8"
                        + " embedding=4"
            })
    void samplersGiveBatchesOfMuLawLevelsReproducibleFromTheSeed(String familyAndGenes) {
        String[] parts = familyAndGenes.split(": ");
        ModelFamily family = ModelFamilies.byName(parts[0]);
        Architecture arch =
                family.decode(family.space().parse(parts[1] + " learning_rate=1e-3 training_steps=10 batch_size=2"));
        DjlRuntime.engine().setRandomSeed(2);
        try (Model model = Model.newInstance("sampler", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            float[][] a = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(CLIPS, 100, 7, LABELS));
            float[][] b = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(CLIPS, 100, 7, LABELS));
            float[][] c = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(CLIPS, 100, 8, LABELS));
            assertEquals(CLIPS, a.length);
            Set<Float> levels = new HashSet<>();
            for (int k = 0; k < MuLaw.CLASSES; k++) {
                levels.add(MuLaw.decode(k));
            }
            Set<Float> seen = new HashSet<>();
            for (int i = 0; i < CLIPS; i++) {
                assertEquals(100, a[i].length);
                assertArrayEquals(a[i], b[i], "the same seed gives the same clip " + i);
                for (float v : a[i]) {
                    assertTrue(levels.contains(v), v + " is a mu-law level");
                    seen.add(v);
                }
            }
            // An untrained net's softmax is near uniform: 300 draws land on many of the 256 levels (176 expected).
            assertTrue(seen.size() > 100, seen.size() + " distinct levels");
            assertFalse(Arrays.deepEquals(a, c), "another seed gives other clips");
            assertFalse(Arrays.equals(a[0], a[1]), "the clips of a batch differ");
        }
    }
}
