package io.paretone.spaces.wavenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaveNetSamplerTest {
    private final WaveNetFamily family = new WaveNetFamily();
    private final WaveNetArchitecture arch = (WaveNetArchitecture) family.decode(family.space().parse(
            "layers=3 dilation_cycle=2 residual_channels=4 skip_channels=8 kernel_size=2"
                    + " learning_rate=1e-3 training_steps=10 batch_size=2"));

    private static final List<ClipLabel> LABELS = List.of(new ClipLabel(0, ClipLabel.NO_PITCH),
            new ClipLabel(0, ClipLabel.NO_PITCH), new ClipLabel(0, ClipLabel.NO_PITCH));

    @Test
    void clipsAreMuLawLevelsReproducibleFromTheRequestSeed() {
        DjlRuntime.engine().setRandomSeed(2);
        try (Model model = Model.newInstance("sampler", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 16));
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            float[][] a = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(3, 200, 7, LABELS));
            float[][] b = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(3, 200, 7, LABELS));
            float[][] c = arch.sampler().generate(model.getBlock(), ps, new GenerationRequest(3, 200, 8, LABELS));
            assertEquals(3, a.length);
            Set<Float> levels = new HashSet<>();
            for (int k = 0; k < MuLaw.CLASSES; k++) {
                levels.add(MuLaw.decode(k));
            }
            Set<Float> seen = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, a[i].length);
                assertArrayEquals(a[i], b[i], "the same seed gives the same clip " + i);
                for (float v : a[i]) {
                    assertTrue(levels.contains(v), v + " is a mu-law level");
                    seen.add(v);
                }
            }
            // An untrained net's softmax is near uniform: 600 draws land on many of the 256 levels.
            assertTrue(seen.size() > 100, seen.size() + " distinct levels");
            assertTrue(!java.util.Arrays.deepEquals(a, c), "another seed gives other clips");
        }
    }
}
