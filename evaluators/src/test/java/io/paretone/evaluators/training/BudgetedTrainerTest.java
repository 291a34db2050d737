package io.paretone.evaluators.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.ParameterGroup;
import io.paretone.spaces.training.Pass;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.TrainingRecipe;
import io.paretone.spaces.training.Update;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetedTrainerTest {
    private static final double LR = 0.01;
    private final WaveNetFamily family = new WaveNetFamily();
    private final TrainingData sine = data(sine(440), sine(660));

    @Test
    void lossGoesDownOnAPeriodicSignal() throws Exception {
        Architecture arch = family.decode(family.space()
                .parse("layers=2 dilation_cycle=2 residual_channels=8 skip_channels=16 kernel_size=2"
                        + " learning_rate=1e-2 training_steps=40 batch_size=8"));
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
    void nonFiniteLossFailsTheCandidateWithItsUpdateAndStep() {
        TrainingRecipe recipe = new TrainingRecipe(
                5,
                List.of(ParameterGroup.whole(LR)),
                List.of(
                        new Update("critic", "all", onA(), c -> sum(c.forward(part(c.block(), 0), ones(c.manager())))),
                        new Update("exploding", "all", onA(), c -> sum(c.forward(part(c.block(), 0), ones(c.manager())))
                                .mul(Float.NaN))),
                "critic");
        var e = assertThrows(TrainingFailedException.class, () -> train(new Toy(recipe)));
        assertTrue(e.getMessage().contains("exploding loss became NaN at step 1 of 5"), e.getMessage());
    }

    /** Losses are read in batches, so a NaN is found at the first read after it: step 64 for a NaN at step 40. */
    @Test
    void aNanLossMidwayFailsAtTheNextReadNamingTheStepItAppearedAt() {
        int[] computed = {0};
        TrainingRecipe recipe = TrainingRecipe.singleLoss(200, LR, "likelihood", new Shape[] {new Shape(1, 4)}, c -> {
            computed[0]++;
            NDArray loss = sum(c.forward(part(c.block(), 0), ones(c.manager())));
            return c.step() >= 40 ? loss.mul(Float.NaN) : loss;
        });
        var e = assertThrows(TrainingFailedException.class, () -> train(new Toy(recipe)));
        assertTrue(e.getMessage().contains("likelihood loss became NaN at step 40 of 200"), e.getMessage());
        assertEquals(2 * BudgetedTrainer.READ_EVERY, computed[0], "steps run before the failure");
    }

    @Test
    void everyStepIsReportedInOrderAndANeededStepBeforeTheNextOneRuns() throws Exception {
        int[] computed = {0};
        List<Integer> reported = new ArrayList<>();
        List<Integer> computedWhenStep5WasReported = new ArrayList<>();
        TrainingRecipe recipe = TrainingRecipe.singleLoss(70, LR, "likelihood", new Shape[] {new Shape(1, 4)}, c -> {
            computed[0]++;
            return sum(c.forward(part(c.block(), 0), ones(c.manager())));
        });
        StepListener listener = new StepListener() {
            @Override
            public void onStep(int step, int total, double loss) {
                reported.add(step);
                if (step == 5) {
                    computedWhenStep5WasReported.add(computed[0]);
                }
            }

            @Override
            public boolean needsLossAt(int step, int total) {
                return step == 5;
            }
        };
        DjlRuntime.engine().setRandomSeed(3);
        try (Model model = Model.newInstance("toy", DjlRuntime.device("cpu"))) {
            Toy toy = new Toy(recipe);
            model.setBlock(toy.newBlock());
            TrainingOutcome outcome = new BudgetedTrainer().train(model, toy, sine, 1, listener);
            assertEquals(70, outcome.steps());
        }
        for (int i = 0; i < 70; i++) {
            assertEquals(i + 1, reported.get(i));
        }
        assertEquals(70, reported.size());
        assertEquals(List.of(5), computedWhenStep5WasReported);
    }

    /**
     * Group b's update also puts gradients on a; if they leaked into a's update, a would move by
     * lr x sign(10 - 1) downwards instead of upwards. Adam's first step moves each weight by the
     * learning rate against the sign of its gradient.
     */
    @Test
    void eachUpdateMovesOnlyItsGroupAndStartsFromClearGradients() throws Exception {
        TrainingRecipe recipe = new TrainingRecipe(
                1,
                List.of(group("a", 0), group("b", 1)),
                List.of(
                        new Update("b-update", "b", List.of(pass(0), pass(1)), c -> sum(c.forward(
                                        part(c.block(), 0), ones(c.manager())))
                                .mul(10)
                                .add(sum(c.forward(part(c.block(), 1), ones(c.manager()))))),
                        new Update("a-update", "a", onA(), c -> sum(c.forward(part(c.block(), 0), ones(c.manager())))
                                .neg())),
                "a-update");
        Toy toy = new Toy(recipe);
        float[][] moved = train(toy);
        for (float d : moved[0]) {
            assertEquals(LR, d, 1e-5, "a follows only its own gradient -1");
        }
        for (float d : moved[1]) {
            assertEquals(-LR, d, 1e-5, "b follows its gradient +1");
        }
    }

    /**
     * For D(x) = w.x the gradient penalty (|dD/dx| - 1)^2 = (|w| - 1)^2 has gradient
     * 2(|w| - 1) w / |w|. The input x is chosen so that the uncorrected double backward pass (which
     * adds dD/dw = x) would flip the sign of every component.
     */
    @Test
    void inputGradientIsDifferentiableAndLeavesNoTraceOnParameterGradients() throws Exception {
        float[] x = new float[4];
        float[][] initial = new float[1][];
        TrainingRecipe recipe = TrainingRecipe.singleLoss(1, LR, "penalty", new Shape[] {new Shape(1, 4)}, c -> {
            Block d = part(c.block(), 0);
            NDArray input = c.manager().create(x, new Shape(1, 4));
            input.setRequiresGradient(true);
            NDArray g = c.inputGradient(c.forward(d, input), input);
            return g.square().sum().sqrt().sub(1).square().sum();
        });
        Toy toy = new Toy(recipe) {
            @Override
            void beforeTraining(Block block) {
                float[] w = block.getParameters().get(0).getValue().getArray().toFloatArray();
                initial[0] = w;
                double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
                for (int i = 0; i < 4; i++) {
                    double grad = 2 * (norm - 1) * w[i] / norm;
                    x[i] = (float) (-1000 * Math.signum(grad));
                }
            }
        };
        float[] moved = train(toy)[0];
        float[] w = initial[0];
        double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
        for (int i = 0; i < 4; i++) {
            double grad = 2 * (norm - 1) * w[i] / norm;
            assertEquals(-LR * Math.signum(grad), moved[i], 1e-5, "component " + i);
        }
    }

    /**
     * A GAN-like recipe of two groups (two critic updates and one generator update per step, the
     * generator's loss back-propagating through the critic), trained by the trainer and by DJL's
     * Adam applied to each parameter after zeroing every gradient before each update: the same
     * initial weights must end equal.
     */
    @Test
    void twoGroupsTrainAsDjlsAdamPerParameterFromClearedGradients() throws Exception {
        ToyLoss critic = (root, ps, m) -> {
            NDArray real = critic(root, ps, m.arange(0f, 8f).reshape(2, 4).sin());
            NDArray fake = critic(root, ps, generator(root, ps, m).stopGradient());
            return real.square().mean().add(fake.mean());
        };
        ToyLoss generator = (root, ps, m) ->
                critic(root, ps, generator(root, ps, m)).sub(1).square().mean();
        List<ParameterGroup> groups = List.of(
                new ParameterGroup("generator", LR, 0.5, 0.9, b -> part(b, 0)),
                new ParameterGroup("critic", 2 * LR, 0.5, 0.9, b -> part(b, 1)));
        Pass g = Pass.trained("generator", b -> part(b, 0), new Shape(2, 4));
        Pass d = Pass.trained("critic", b -> part(b, 1), new Shape(2, 4));
        List<Update> updates = List.of(
                new Update(
                        "critic",
                        "critic",
                        List.of(Pass.forward("generator", b -> part(b, 0), new Shape(2, 4)), d, d),
                        c -> critic.of(c.block(), c.parameters(), c.manager())),
                new Update(
                        "critic-again", "critic", List.of(d), c -> critic.of(c.block(), c.parameters(), c.manager())),
                new Update(
                        "generator",
                        "generator",
                        List.of(g, d),
                        c -> generator.of(c.block(), c.parameters(), c.manager())));
        TrainingRecipe recipe = new TrainingRecipe(5, groups, updates, "generator");
        ToyLoss[] losses = {critic, critic, generator};
        Toy toy = new Toy(recipe) {
            @Override
            public Block newBlock() {
                return new TwoParts(mlp(3, 4), mlp(2, 1));
            }
        };
        DjlRuntime.engine().setRandomSeed(5);
        try (Model trained = Model.newInstance("trained", DjlRuntime.device("cpu"));
                Model reference = Model.newInstance("reference", DjlRuntime.device("cpu"))) {
            for (Model m : List.of(trained, reference)) {
                m.setBlock(toy.newBlock());
                m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, toy.inputShapes(2));
            }
            var source = reference.getBlock().getParameters();
            var target = trained.getBlock().getParameters();
            for (int i = 0; i < source.size(); i++) {
                target.get(i)
                        .getValue()
                        .getArray()
                        .set(source.get(i).getValue().getArray().toFloatArray());
            }
            new BudgetedTrainer().train(trained, toy, sine, 1, StepListener.NONE);

            Block root = reference.getBlock();
            NDManager m = reference.getNDManager();
            List<Optimizer> adams = new ArrayList<>();
            for (ParameterGroup group : groups) {
                adams.add(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed((float) group.learningRate()))
                        .optBeta1((float) group.beta1())
                        .optBeta2((float) group.beta2())
                        .build());
            }
            for (int step = 0; step < recipe.steps(); step++) {
                for (int u = 0; u < updates.size(); u++) {
                    for (var p : root.getParameters()) {
                        JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
                    }
                    try (NDManager scope = m.newSubManager();
                            GradientCollector collector = m.getEngine().newGradientCollector()) {
                        collector.backward(losses[u].of(root, new ParameterStore(scope, false), scope));
                    }
                    int group = updates.get(u).group().equals("generator") ? 0 : 1;
                    for (var p : part(root, group).getParameters()) {
                        NDArray w = p.getValue().getArray();
                        try (NDArray gradient = w.getGradient()) {
                            adams.get(group).update(p.getValue().getId(), w, gradient);
                        }
                    }
                }
            }
            for (int i = 0; i < source.size(); i++) {
                assertArrayEquals(
                        source.get(i).getValue().getArray().toFloatArray(),
                        target.get(i).getValue().getArray().toFloatArray(),
                        1e-6f,
                        source.get(i).getKey());
            }
        }
    }

    /** A loss of the two-part toy, computable with or without the trainer. */
    @FunctionalInterface
    private interface ToyLoss {
        NDArray of(Block root, ParameterStore parameters, NDManager manager);
    }

    private static NDArray generator(Block root, ParameterStore ps, NDManager m) {
        NDArray z = m.arange(0f, 8f).reshape(2, 4).cos();
        return part(root, 0).forward(ps, new NDList(z), true).singletonOrThrow();
    }

    private static NDArray critic(Block root, ParameterStore ps, NDArray x) {
        return part(root, 1).forward(ps, new NDList(x), true).singletonOrThrow();
    }

    /** A linear map to {@code hidden} units, tanh, and a linear map to {@code out} units, with biases. */
    private static Block mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(out).build());
    }

    /** Trains the toy and returns how far each part's weights moved. */
    private float[][] train(Toy toy) throws TrainingFailedException {
        DjlRuntime.engine().setRandomSeed(3);
        try (Model model = Model.newInstance("toy", DjlRuntime.device("cpu"))) {
            Block block = toy.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, toy.inputShapes(1));
            toy.beforeTraining(block);
            float[][] before = weights(block);
            new BudgetedTrainer().train(model, toy, sine, 1, StepListener.NONE);
            float[][] after = weights(block);
            for (int p = 0; p < after.length; p++) {
                for (int i = 0; i < after[p].length; i++) {
                    after[p][i] -= before[p][i];
                }
            }
            return after;
        }
    }

    private static float[][] weights(Block block) {
        return new float[][] {
            block.getParameters().get(0).getValue().getArray().toFloatArray(),
            block.getParameters().get(1).getValue().getArray().toFloatArray()
        };
    }

    private static ParameterGroup group(String name, int part) {
        return new ParameterGroup(name, LR, 0.9, 0.999, b -> part(b, part));
    }

    /** The pass each toy update runs: one part on a {@code [1, 4]} batch of ones. */
    private static Pass pass(int index) {
        return Pass.trained("part " + index, b -> part(b, index), new Shape(1, 4));
    }

    private static List<Pass> onA() {
        return List.of(pass(0));
    }

    private static Block part(Block block, int index) {
        return block.getChildren().get(index).getValue();
    }

    private static NDArray ones(NDManager m) {
        return m.ones(new Shape(1, 4));
    }

    private static NDArray sum(NDArray a) {
        return a.sum();
    }

    private static TrainingData data(float[]... clips) {
        List<TrainingClip> list = new ArrayList<>();
        for (float[] c : clips) {
            list.add(new TrainingClip(c, new ClipLabel(0, 69)));
        }
        return new TrainingData(16000, list, 1);
    }

    private static float[] sine(double hz) {
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.6 * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return x;
    }

    /** Two parts a and b, each given the root's input when initialised; the root's forward runs a. */
    private static final class TwoParts extends AbstractBlock {
        TwoParts(Block a, Block b) {
            addChildBlock("a", a);
            addChildBlock("b", b);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            return getChildren().get(0).getValue().forward(ps, inputs, training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return getChildren().get(0).getValue().getOutputShapes(inputShapes);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            for (var child : getChildren().values()) {
                child.initialize(manager, dataType, inputShapes);
            }
        }
    }

    /**
     * A hand-made architecture with a given recipe, by default around two linear maps of 4 inputs to
     * 1 output without bias: weights a and b.
     */
    private static class Toy implements Architecture {
        private final TrainingRecipe recipe;

        Toy(TrainingRecipe recipe) {
            this.recipe = recipe;
        }

        void beforeTraining(Block block) {}

        @Override
        public Genome genome() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "toy";
        }

        @Override
        public Block newBlock() {
            return new TwoParts(
                    Linear.builder().setUnits(1).optBias(false).build(),
                    Linear.builder().setUnits(1).optBias(false).build());
        }

        @Override
        public Shape[] inputShapes(int batchSize) {
            return new Shape[] {new Shape(batchSize, 4)};
        }

        @Override
        public TrainingRecipe trainingRecipe() {
            return recipe;
        }

        @Override
        public Sampler sampler() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long generationFlopsPerUnit(Block b, LayerFlops c, int sr) {
            return 0;
        }
    }
}
