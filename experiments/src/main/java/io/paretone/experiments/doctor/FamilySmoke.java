package io.paretone.experiments.doctor;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.evaluators.CandidateEvaluator;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.evaluators.training.TrainingOutcome;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains one family's smallest genome (its first value of every gene: fewest layers and channels,
 * 10 steps, batch 1) on a device, generates from it, counts it and meters the training: what a
 * trial does, without the quality proxy, to show that the family works on that device.
 */
final class FamilySmoke {
    /**
     * One example generated, of {@link #GENERATED_SECONDS} for audio (an image for images): the
     * autoregressive families take a forward pass per value, which is slow on a CPU.
     */
    static final int GENERATED = 1;

    static final double GENERATED_SECONDS = 0.01;
    private static final long SEED = 1;

    /** One family's verdict: ok with a few numbers, or what failed. */
    record Result(String family, boolean ok, String detail) {
        String line() {
            return String.format(Locale.ROOT, "%-10s %s  %s", family, ok ? "ok    " : "FAILED", detail);
        }
    }

    private FamilySmoke() {}

    static Result run(String family, DataSplits data, Device device, EnergyMeter meter) {
        Genome genome = ModelFamilies.smallestPerFamily(ModelFamilies.space(List.of(family)))
                .get(0);
        Architecture architecture = ModelFamilies.decode(genome);
        TrainingData training = data.trainingData();
        DjlRuntime.engine().setRandomSeed((int) SEED);
        try (Model model = Model.newInstance("smoke-" + family, device)) {
            Block block = architecture.newBlock();
            model.setBlock(block);
            EnergyMeter.Window window = meter.start();
            TrainingOutcome outcome =
                    new BudgetedTrainer().train(model, architecture, training, SEED, StepListener.NONE);
            EnergyReading energy = window.stop();
            ModelCost cost = ModelCost.count(architecture, block, data.valuesPerUnit());
            long start = System.nanoTime();
            float[][] generated = architecture
                    .sampler()
                    .generate(
                            block,
                            new ParameterStore(model.getNDManager(), false),
                            new GenerationRequest(
                                    GENERATED, data.judgedValues(GENERATED_SECONDS), SEED, labels(training)));
            double generationSeconds = (System.nanoTime() - start) / 1e9;
            try {
                CandidateEvaluator.checkFinite(generated);
            } catch (TrainingFailedException e) {
                return new Result(family, false, e.getMessage() + " after training on " + device);
            }
            return new Result(
                    family,
                    true,
                    String.format(
                            Locale.ROOT,
                            "%d steps on %s in %.2f s (loss %.3g -> %.3g), %,d parameters, %.3g generation FLOPs per %s,"
                                    + " %d examples generated in %.2f s, training %.3g J (%s%s)",
                            outcome.steps(),
                            device,
                            energy.seconds(),
                            outcome.initialLoss(),
                            outcome.finalLoss(),
                            cost.parameters(),
                            (double) cost.generationFlopsPerUnit(),
                            data.domain().unit(),
                            generated.length,
                            generationSeconds,
                            energy.joules(),
                            energy.meter(),
                            energy.estimated() ? ", estimated" : ", measured"));
        } catch (Exception | LinkageError e) {
            // A smoke run reports every family's failure and goes on to the next.
            return new Result(family, false, e.toString().lines().findFirst().orElse(""));
        }
    }

    private static List<ClipLabel> labels(TrainingData training) {
        List<ClipLabel> labels = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            labels.add(training.clips().get(i % training.clips().size()).label());
        }
        return labels;
    }
}
