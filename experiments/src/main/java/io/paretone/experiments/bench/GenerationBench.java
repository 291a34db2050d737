package io.paretone.experiments.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Generation speed of the autoregressive audio families, as a candidate's evaluation pays for it:
 * the family's own {@link Sampler} on freshly initialised weights, all clips of the quality proxy's
 * call in one request, timed from the call to the clips on the host. A short untimed call first,
 * as {@code CandidateEvaluator} does. Each row also prints a checksum of the clips, so that two
 * builds can be checked to generate the same audio for the same seed.
 */
public final class GenerationBench {
    /** The genomes: a quickstart-size WaveNet and SampleRNN, and large ones for a GPU. */
    public static final List<BenchGenome> GENOMES = List.of(
            new BenchGenome(
                    "small", "wavenet", "layers=4 dilation_cycle=4 residual_channels=8 skip_channels=16 kernel_size=2"),
            new BenchGenome(
                    "small",
                    "samplernn",
                    "cell=gru frame_tiers=2 frame_size=4 upper_ratio=4 rnn_units=16 rnn_layers=1 mlp_units=16"
                            + " embedding=16"),
            new BenchGenome(
                    "large",
                    "wavenet",
                    "layers=30 dilation_cycle=10 residual_channels=64 skip_channels=256 kernel_size=2"),
            new BenchGenome(
                    "large",
                    "samplernn",
                    "cell=lstm frame_tiers=2 frame_size=16 upper_ratio=4 rnn_units=1024 rnn_layers=2"
                            + " mlp_units=1024 embedding=256"));

    /** Values per example of the untimed call, as {@code CandidateEvaluator.WARM_UP_SAMPLES}. */
    private static final int WARM_UP_SAMPLES = 16;

    /**
     * One genome of the bench.
     *
     * @param size {@code small} (a quickstart-size genome) or {@code large}
     * @param genes the family's architecture genes in paretone's {@code name=value} syntax
     */
    public record BenchGenome(String size, String family, String genes) {
        Architecture architecture() {
            return ModelFamilies.byName(family)
                    .decode(ModelFamilies.byName(family)
                            .space()
                            .parse(genes + " training_steps=10 batch_size=8 learning_rate=1e-3"));
        }

        /** The row's name: size, family, genes. */
        public String name() {
            return size + " " + family + " " + genes;
        }
    }

    /**
     * How to run the bench.
     *
     * @param clips clips per call (the quality proxy's count)
     * @param samples samples per clip
     * @param only run only the genomes whose name contains this, or empty for all
     */
    public record Settings(Device device, int clips, int samples, String only, long seed) {
        public Settings {
            Check.positive("clips", clips);
            Check.positive("samples", samples);
            only = only == null ? "" : only;
        }
    }

    /**
     * One row.
     *
     * @param seconds wall time of the timed call
     * @param checksum a hash of the generated clips
     */
    public record Row(String genome, int clips, int samples, double seconds, int checksum) {
        /** Generated samples (of all clips) per second. */
        public double samplesPerSecond() {
            return (double) clips * samples / seconds;
        }
    }

    private GenerationBench() {}

    /** Runs every selected genome, printing each row as it is measured; returns the rows. */
    public static List<Row> run(Settings settings, PrintWriter out) {
        out.printf(
                "paretone bench generation: %s, %d clips x %d samples per call, seed %d%n",
                settings.device(), settings.clips(), settings.samples(), settings.seed());
        List<Row> rows = new ArrayList<>();
        for (BenchGenome g : GENOMES) {
            if (!g.name().contains(settings.only())) {
                continue;
            }
            Row row = measure(g, settings);
            out.printf(
                    "%-120s %10.0f samples/s  %7.3f s  checksum %08x%n",
                    row.genome(), row.samplesPerSecond(), row.seconds(), row.checksum());
            out.flush();
            rows.add(row);
        }
        return rows;
    }

    static Row measure(BenchGenome genome, Settings settings) {
        Architecture arch = genome.architecture();
        List<ClipLabel> labels = Collections.nCopies(settings.clips(), new ClipLabel(0, ClipLabel.NO_PITCH));
        DjlRuntime.engine().setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance("bench", settings.device())) {
            model.setBlock(arch.newBlock());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            Sampler sampler = arch.sampler();
            sampler.generate(
                    model.getBlock(),
                    ps,
                    new GenerationRequest(settings.clips(), WARM_UP_SAMPLES, settings.seed(), labels));
            long start = System.nanoTime();
            float[][] clips = sampler.generate(
                    model.getBlock(),
                    ps,
                    new GenerationRequest(settings.clips(), settings.samples(), settings.seed(), labels));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Row(genome.name(), settings.clips(), settings.samples(), seconds, Arrays.deepHashCode(clips));
        }
    }
}
