package io.paretone.evaluators.families;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.TrainingClips;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingOutcome;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every model family must do, checked at a tiny size on the CPU: a subclass per family names
 * the family and the gene values that keep it tiny. Each test draws a random genome of the mixed
 * space restricted to that family and those values, and decodes it the way a study does.
 */
public abstract class ModelFamilyContract {
    private static final int SEED = 11;
    private static TrainingData notes;

    /** The family under test. */
    protected abstract ModelFamily family();

    /**
     * Values (as the user writes them) limiting the family's own genes, named without the family
     * prefix, and the shared training genes, so that any genome trains in seconds and its loss
     * falls within its steps.
     */
    protected abstract Map<String, List<String>> tinyValues();

    /** Twelve synthesised notes of 0.25 s, rendered once per test run. */
    protected static synchronized TrainingData notes() throws IOException {
        if (notes == null) {
            SynthNotesSettings settings = SynthNotesSettings.builder()
                    .setSeed(5)
                    .optNotes(12)
                    .optClipSeconds(0.25)
                    .build();
            AudioSplits splits = new SynthNotesDataset(settings).load(Path.of("target", "contract-notes"));
            notes = TrainingClips.from(splits.train(), splits.sampleRate());
        }
        return notes;
    }

    /** The data the family trains on here: the notes by default; image families override it. */
    protected TrainingData trainingData() throws IOException {
        return notes();
    }

    /** The tiny space of this family inside the mixed space, as a study restricted to it sees it. */
    protected SearchSpace tinySpace() {
        String name = family().name();
        SearchSpace mixed = ModelFamilies.space(List.of(name));
        Map<String, List<String>> prefixed = new LinkedHashMap<>();
        tinyValues()
                .forEach((gene, values) ->
                        prefixed.put(mixed.contains(name + "." + gene) ? name + "." + gene : gene, values));
        return mixed.restrict(prefixed);
    }

    protected Genome randomGenome(long seed) {
        SearchSpace space = tinySpace();
        SplittableRandom random = new SplittableRandom(seed);
        int[] indices = new int[space.size()];
        List<Gene> genes = space.genes();
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(genes.get(i).size());
        }
        return space.genome(indices);
    }

    protected Architecture randomArchitecture(long seed) {
        return ModelFamilies.decode(randomGenome(seed));
    }

    @Test
    void randomGenomesDecodeToDescribedArchitecturesOfThisFamily() {
        for (long s = 0; s < 8; s++) {
            Genome genome = randomGenome(s);
            assertEquals(family().name(), genome.choice(ModelFamilies.FAMILY));
            Architecture arch = ModelFamilies.decode(genome);
            assertEquals(family().name(), arch.genome().space().name());
            assertTrue(
                    arch.describe().toLowerCase().startsWith(family().name()),
                    "a description starts with the family: " + arch.describe());
            assertEquals(arch.trainingRecipe().steps(), genome.integer("training_steps"));
        }
    }

    @Test
    void trainsWithTheReportedLossGoingDownOnNotes() throws Exception {
        Architecture arch = randomArchitecture(SEED);
        DjlRuntime.engine().setRandomSeed(SEED);
        try (Model model = Model.newInstance("contract", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            List<Double> seen = Collections.synchronizedList(new ArrayList<>());
            StepListener listener = (step, total, loss) -> seen.add(loss);
            TrainingOutcome outcome = new BudgetedTrainer().train(model, arch, trainingData(), SEED, listener);
            assertEquals(arch.trainingRecipe().steps(), outcome.steps());
            assertEquals(outcome.steps(), seen.size());
            assertTrue(
                    outcome.finalLoss() < outcome.initialLoss(),
                    arch.describe() + ": " + outcome.initialLoss() + " -> " + outcome.finalLoss());
        }
    }

    @Test
    void generatesTheRequestedNumberOfFiniteReproducibleClipsOfTheRequestedLength() throws Exception {
        Architecture arch = randomArchitecture(SEED + 1);
        DjlRuntime.engine().setRandomSeed(SEED);
        try (Model model = Model.newInstance("contract", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            TrainingData data = trainingData();
            List<ClipLabel> labels = List.of(
                    data.clips().get(0).label(),
                    data.clips().get(1).label(),
                    data.clips().get(2).label());
            GenerationRequest request = new GenerationRequest(3, 700, 7, labels);
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            float[][] clips = arch.sampler().generate(block, ps, request);
            assertEquals(3, clips.length);
            for (float[] clip : clips) {
                assertEquals(700, clip.length);
                for (float v : clip) {
                    assertTrue(Float.isFinite(v) && v >= -1 && v <= 1, "sample " + v);
                }
            }
            float[][] again = arch.sampler().generate(block, ps, request);
            for (int i = 0; i < clips.length; i++) {
                assertArrayEquals(clips[i], again[i], "the same seed gives the same clip " + i);
            }
        }
    }

    /**
     * Every layer has a FLOP rule, and generating a second takes at least one multiply-add per
     * generating weight: each weight used to generate is applied at least once per second of audio.
     */
    @Test
    void parametersAndGenerationFlopsAreCounted() {
        Architecture arch = randomArchitecture(SEED + 2);
        try (Model model = Model.newInstance("contract", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            long parameters = ParameterCounter.trainable(block);
            long flops = arch.generationFlopsPerUnit(block, FlopCounter.inference(), 16000);
            assertTrue(parameters > 0, "parameters " + parameters);
            assertTrue(flops >= 2 * generatingWeights(block), arch.describe() + ": " + flops + " FLOPs/s");
        }
    }

    /**
     * Weights applied by multiplication when generating (not a discriminator's or encoder's, not an
     * embedding table, which is looked up); by default every trainable weight.
     */
    protected long generatingWeights(Block block) {
        return ParameterCounter.trainable(block);
    }

    @Test
    void publishedConfigurationIsAGenomeOfTheFamilyAndIsCountedAtFullScale() {
        PublishedConfiguration published = family().published();
        assertEquals(family().space(), published.genome().space());
        Architecture arch = family().decode(published.genome());
        try (Model model = Model.newInstance("published", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            long parameters = ParameterCounter.trainable(block);
            assertTrue(parameters > 0);
            assertTrue(arch.generationFlopsPerUnit(block, FlopCounter.inference(), 16000) > 0);
        }
    }
}
