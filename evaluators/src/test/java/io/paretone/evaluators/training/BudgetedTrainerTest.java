package io.paretone.evaluators.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.AudioSampler;
import io.paretone.spaces.TrainingPlan;
import io.paretone.spaces.TrainingTask;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetedTrainerTest {
    private final WaveNetFamily family = new WaveNetFamily();
    private final List<float[]> sine = List.of(sine(440), sine(660));

    @Test
    void lossGoesDownOnAPeriodicSignal() throws Exception {
        Architecture arch = family.decode(family.space().parse(
                "layers=2 dilation_cycle=2 residual_channels=8 skip_channels=16 kernel_size=2"
                        + " learning_rate=1e-2 training_steps=40"));
        List<Double> seen = new ArrayList<>();
        DjlRuntime.engine().setRandomSeed(1);
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            TrainingOutcome out = new BudgetedTrainer().train(model, arch, sine, 1, (s, n, l) -> seen.add(l));
            assertEquals(40, out.steps());
            assertEquals(40, seen.size());
            // ln(256) = 5.55 for a uniform guess; a periodic tone is far more predictable.
            assertTrue(out.initialLoss() > 4.5, "initial " + out.initialLoss());
            assertTrue(out.finalLoss() < 0.8 * out.initialLoss(), out.initialLoss() + " -> " + out.finalLoss());
        }
    }

    @Test
    void nonFiniteLossFailsTheCandidateWithItsStep() {
        Architecture arch = new NanLossArchitecture(family.decode(family.space().parse(
                "layers=2 dilation_cycle=1 residual_channels=4 skip_channels=8 kernel_size=2"
                        + " learning_rate=1e-3 training_steps=10")));
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            var e = assertThrows(TrainingFailedException.class,
                    () -> new BudgetedTrainer().train(model, arch, sine, 1, StepListener.NONE));
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("step 1"), e.getMessage());
        }
    }

    private static float[] sine(double hz) {
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.6 * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return x;
    }

    /** A real architecture whose loss is poisoned, as an exploding model's would be. */
    private record NanLossArchitecture(Architecture inner) implements Architecture {
        @Override public Genome genome() { return inner.genome(); }
        @Override public String describe() { return inner.describe(); }
        @Override public TrainingPlan trainingPlan() { return inner.trainingPlan(); }
        @Override public Block newBlock() { return inner.newBlock(); }
        @Override public Shape[] inputShapes(int batchSize) { return inner.inputShapes(batchSize); }
        @Override public AudioSampler sampler() { return inner.sampler(); }
        @Override public long generationFlopsPerSecond(Block b, LayerFlops c, int sr) {
            return inner.generationFlopsPerSecond(b, c, sr);
        }
        @Override public TrainingTask trainingTask() {
            TrainingTask task = inner.trainingTask();
            return new TrainingTask() {
                @Override public Batch batch(ai.djl.ndarray.NDManager m, List<float[]> clips, int b, int len,
                        java.util.SplittableRandom r) {
                    return task.batch(m, clips, b, len, r);
                }
                @Override public NDArray loss(NDList predictions, NDList labels) {
                    return task.loss(predictions, labels).mul(Float.NaN);
                }
            };
        }
    }
}
