package io.paretone.evaluators.bench;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import io.paretone.evaluators.cost.FlopCount;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.evaluators.cost.GenerationSpeed;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: how long counting takes, and how fast candidates generate on this machine.
 * Run with {@code mvn -B -o -q -pl evaluators -am -Pbench verify} (see docs/measurement.md, Counting cost).
 *
 * <p>Counting time is the mean of repeated {@link ModelCost#count} calls after a warm-up. Generation
 * speed is measured as the search measures it: a warm-up, then one timed window generating a batch
 * of clips with untrained (random) weights, which cost the same FLOPs as trained ones.
 */
public final class CostBench {
    private static final int SAMPLE_RATE = 16000;
    private static final int CLIPS = 8;
    private static final int CLIP_SAMPLES = 2000;

    private CostBench() {}

    public static void main(String[] args) {
        WaveNetFamily family = new WaveNetFamily();
        List<String> genomes = List.of(
                "layers=2 dilation_cycle=2 residual_channels=4 skip_channels=8 kernel_size=2",
                "layers=6 dilation_cycle=3 residual_channels=16 skip_channels=32 kernel_size=2",
                "layers=10 dilation_cycle=5 residual_channels=32 skip_channels=128 kernel_size=3",
                "layers=16 dilation_cycle=10 residual_channels=64 skip_channels=256 kernel_size=3");
        System.out.printf(
                "paretone cost bench on %s, %d cores, %d clips x %d samples per generation window%n",
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), CLIPS, CLIP_SAMPLES);
        System.out.printf(
                "%-72s %10s %12s %12s %12s %10s %12s %8s%n",
                "wavenet genome", "params", "FLOPs/s", "train FLOPs", "count [ms]", "samples/s", "RTF", "GFLOP/s");
        for (String genes : genomes) {
            Architecture arch =
                    family.decode(family.space().parse(genes + " learning_rate=1e-3 training_steps=80 batch_size=8"));
            bench(genes, arch);
        }
        countOtherModels();
    }

    /** Unconditional families ignore the labels; one for each clip is required all the same. */
    private static Sampler.GenerationRequest request(int samples) {
        return new Sampler.GenerationRequest(
                CLIPS,
                samples,
                1,
                java.util.Collections.nCopies(CLIPS, new io.paretone.spaces.training.ClipLabel(0, 60)));
    }

    private static void bench(String genes, Architecture arch) {
        DjlRuntime.engine().setRandomSeed(1);
        try (Model model = Model.newInstance("bench", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            ModelCost cost = ModelCost.count(arch, block, SAMPLE_RATE);
            double countMs = meanMillis(() -> ModelCost.count(arch, block, SAMPLE_RATE), 200);

            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            arch.sampler().generate(block, ps, request(16));
            long t0 = System.nanoTime();
            arch.sampler().generate(block, ps, request(CLIP_SAMPLES));
            double seconds = (System.nanoTime() - t0) / 1e9;
            GenerationSpeed speed = new GenerationSpeed((long) CLIPS * CLIP_SAMPLES, seconds, SAMPLE_RATE);
            double achievedGflops =
                    cost.generationFlopsPerUnit() / (double) SAMPLE_RATE * speed.valuesPerSecond() / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%-72s %10d %12.4g %12.4g %12.3f %10.0f %12.4g %8.3f%n",
                    genes,
                    cost.parameters(),
                    (double) cost.generationFlopsPerUnit(),
                    (double) cost.trainingFlops(),
                    countMs,
                    speed.valuesPerSecond(),
                    speed.secondsPerUnit(),
                    achievedGflops);
        }
    }

    /** Counting time of a plain DJL tree the counter walks layer by layer. */
    private static void countOtherModels() {
        try (Model model = Model.newInstance("lstm", DjlRuntime.device("cpu"))) {
            Block lstm = new SequentialBlock()
                    .add(LSTM.builder().setStateSize(256).setNumLayers(3).build())
                    .add(Activation.tanhBlock())
                    .add(Linear.builder().setUnits(256).build());
            Shape input = new Shape(new long[] {8, 1000, 64}, "NTC");
            lstm.initialize(model.getNDManager(), DataType.FLOAT32, input);
            FlopCount count = FlopCounter.training().count(lstm, input);
            double ms = meanMillis(() -> FlopCounter.training().count(lstm, input), 2000);
            System.out.printf(
                    Locale.ROOT,
                    "3-layer LSTM(256) + tanh + Linear on [8, 1000, 64]: %.4g forward FLOPs"
                            + " (%s), counted in %.4f ms%n",
                    (double) count.forward(),
                    count.byLayer(),
                    ms);
        }
    }

    private static double meanMillis(Runnable r, int repetitions) {
        for (int i = 0; i < repetitions / 10 + 1; i++) {
            r.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e6 / repetitions;
    }
}
