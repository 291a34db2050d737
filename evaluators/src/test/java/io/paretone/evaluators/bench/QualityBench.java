package io.paretone.evaluators.bench;

import ai.djl.Device;
import io.paretone.evaluators.CandidateEvaluator;
import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.evaluators.EvaluationSettings;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.CpuTimeEnergyMeter;
import io.paretone.evaluators.energy.LacosteEstimate;
import io.paretone.evaluators.quality.Judge;
import io.paretone.evaluators.quality.JudgeCache;
import io.paretone.evaluators.quality.JudgeQualityProxy;
import io.paretone.evaluators.quality.JudgeSettings;
import io.paretone.evaluators.training.StepListener;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: what the quality proxy costs at default settings on this machine. It
 * renders the default {@code notes} dataset, trains the default judge on the CPU (the acceptance
 * bound is 2 minutes), calibrates the proxy with a study's default 32 clips of 0.25 s, then trains
 * WaveNet candidates of the quickstart's space as a study does and compares the proxy's scoring
 * time with each candidate's training time (the bound is 10 %). Generation of the judged clips is
 * the candidate's own cost (it is measured as generation energy) and is printed beside it.
 * Run with {@code mvn -B -o -q -pl evaluators -am -Pbench verify}.
 */
public final class QualityBench {
    private static final int CLIPS = 32;
    private static final double CLIP_SECONDS = 0.25;
    private static final long SEED = 42;

    private QualityBench() {}

    public static void main(String[] args) throws Exception {
        Path cache = Files.createTempDirectory("paretone-quality-bench-");
        long t0 = System.nanoTime();
        SynthNotesDataset dataset =
                new SynthNotesDataset(SynthNotesSettings.builder().setSeed(SEED).build());
        AudioSplits data = dataset.load(cache);
        double renderSeconds = seconds(t0);
        int clipSamples = (int) Math.round(CLIP_SECONDS * data.sampleRate());

        t0 = System.nanoTime();
        Judge judge = JudgeCache.loadOrTrain(
                cache, data, clipSamples, JudgeSettings.builder().setSeed(SEED).build());
        double judgeSeconds = seconds(t0);
        t0 = System.nanoTime();
        JudgeQualityProxy proxy = JudgeQualityProxy.calibrate(judge, data, CLIPS, clipSamples, SEED);
        double calibrateSeconds = seconds(t0);
        System.out.printf(
                Locale.ROOT,
                "paretone quality bench on %s, %d cores, bank %s%n",
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                dataset.bank());
        System.out.printf(
                Locale.ROOT,
                "notes dataset: %d train / %d validation / %d test clips, rendered in %.1f s%n",
                data.train().size(),
                data.validation().size(),
                data.test().size(),
                renderSeconds);
        System.out.printf(
                Locale.ROOT,
                "judge: trained on the CPU in %.1f s (bound 120 s), validation accuracy %s%n",
                judgeSeconds,
                judge.validationAccuracy());
        System.out.printf(
                Locale.ROOT,
                "proxy calibration (reference, training windows, real and noise sets): %.2f s%n",
                calibrateSeconds);

        EvaluationSettings settings = new EvaluationSettings(
                Device.cpu(),
                new CpuTimeEnergyMeter(10),
                CarbonAccounting.worldAverage(),
                new LacosteEstimate(1, 0.01 * Runtime.getRuntime().availableProcessors()));
        CandidateEvaluator evaluator = new CandidateEvaluator(settings, data, proxy);
        WaveNetFamily family = new WaveNetFamily();
        List<String> genomes = List.of(
                "layers=2 dilation_cycle=1 residual_channels=4 skip_channels=8 kernel_size=2 learning_rate=0.003 training_steps=40",
                "layers=3 dilation_cycle=2 residual_channels=8 skip_channels=16 kernel_size=2 learning_rate=0.003 training_steps=80",
                "layers=4 dilation_cycle=3 residual_channels=8 skip_channels=16 kernel_size=3 learning_rate=0.003 training_steps=160",
                "layers=6 dilation_cycle=4 residual_channels=16 skip_channels=32 kernel_size=3 learning_rate=0.003 training_steps=320");
        evaluator.warmUp(family.decode(family.space().parse(genomes.get(0))));
        System.out.printf(
                "%-100s %9s %9s %9s %8s %6s%n", "candidate", "train [s]", "gen [s]", "proxy [s]", "proxy %", "Q");
        for (String genes : genomes) {
            Architecture arch = family.decode(family.space().parse(genes));
            CandidateMeasurement m = evaluator.evaluate(arch, 7, StepListener.NONE);
            proxy.score(m.clips());
            int runs = 5;
            t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                proxy.score(m.clips());
            }
            double proxySeconds = seconds(t0) / runs;
            System.out.printf(
                    Locale.ROOT,
                    "%-100s %9.2f %9.2f %9.3f %7.1f%% %6.3f%n",
                    genes,
                    m.training().seconds(),
                    m.generation().seconds(),
                    proxySeconds,
                    100 * proxySeconds / m.training().seconds(),
                    m.quality().percentMos());
        }
        judge.close();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
