package io.paretone.evaluators.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.runtime.DjlRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlatAdamTest {
    private static final float LR = 0.01f;
    private static final Shape INPUT = new Shape(3, 4);

    /**
     * Adam's first step moves each weight by the learning rate against the sign of its gradient
     * (m / sqrt(v) = g / |g| after bias correction). The loss sum(w * c) has gradient c, so every
     * parameter, written through the flat buffer, must move by exactly -lr * sign(c).
     */
    @Test
    void anUpdateReachesEveryParameterThroughItsView() {
        try (Model model = model(mlp(), 1)) {
            List<Parameter> parameters = trainable(model.getBlock());
            List<float[]> before = values(parameters);
            FlatAdam adam = new FlatAdam("all", parameters, adam());
            assertEquals(before.size(), values(parameters).size());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), values(parameters).get(i), "values kept in the flat buffer");
            }
            try (GradientCollector collector = model.getNDManager().getEngine().newGradientCollector()) {
                NDArray loss = null;
                for (Parameter p : parameters) {
                    NDArray w = p.getArray();
                    NDArray term = w.mul(sign(w.getManager(), w.getShape())).sum();
                    loss = loss == null ? term : loss.add(term);
                }
                collector.backward(loss);
            }
            adam.update();
            List<float[]> after = values(parameters);
            for (int i = 0; i < parameters.size(); i++) {
                float[] c = sign(
                                model.getNDManager(),
                                parameters.get(i).getArray().getShape())
                        .toFloatArray();
                for (int j = 0; j < c.length; j++) {
                    assertEquals(
                            -LR * c[j],
                            after.get(i)[j] - before.get(i)[j],
                            1e-6,
                            parameters.get(i).getName());
                }
            }
            adam.close();
        }
    }

    /**
     * The same initial weights and batches, trained once with DJL's Adam per parameter (gradients
     * zeroed before each backward pass, as the trainer did) and once with the flat Adam: the weights
     * must agree after every step. The second linear map's bias gets no gradient in odd steps.
     */
    @Test
    void flatUpdatesEqualDjlsAdamAppliedToEachParameter() {
        try (Model perParameter = model(mlp(), 7);
                Model flat = model(mlp(), 7)) {
            copyWeights(perParameter.getBlock(), flat.getBlock());
            List<Parameter> reference = trainable(perParameter.getBlock());
            List<Parameter> flattened = trainable(flat.getBlock());
            Optimizer referenceAdam = adam();
            FlatAdam flatAdam = new FlatAdam("all", flattened, adam());
            for (int step = 0; step < 6; step++) {
                for (Parameter p : reference) {
                    JniUtils.zeroGrad((PtNDArray) p.getArray());
                }
                backward(perParameter, step);
                for (Parameter p : reference) {
                    try (NDArray g = p.getArray().getGradient()) {
                        referenceAdam.update(p.getId(), p.getArray(), g);
                    }
                }
                if (step > 0) {
                    flatAdam.dropGradients();
                }
                backward(flat, step);
                flatAdam.update();
                for (int i = 0; i < reference.size(); i++) {
                    assertArrayEquals(
                            reference.get(i).getArray().toFloatArray(),
                            flattened.get(i).getArray().toFloatArray(),
                            1e-6f,
                            "step " + step + ", " + reference.get(i).getName());
                }
            }
            flatAdam.close();
        }
    }

    /** Without the drop, a second backward pass would add its gradient to the first one's. */
    @Test
    void droppedGradientsStartAfreshAtTheNextBackwardPass() {
        try (Model model = model(mlp(), 2)) {
            List<Parameter> parameters = trainable(model.getBlock());
            FlatAdam adam = new FlatAdam("all", parameters, adam());
            backward(model, 0);
            List<float[]> once = gradients(parameters);
            backward(model, 0);
            List<float[]> twice = gradients(parameters);
            adam.dropGradients();
            backward(model, 0);
            List<float[]> afterDrop = gradients(parameters);
            for (int i = 0; i < once.size(); i++) {
                for (int j = 0; j < once.get(i).length; j++) {
                    assertEquals(2 * once.get(i)[j], twice.get(i)[j], 1e-5, "accumulated without a drop");
                }
                assertArrayEquals(once.get(i), afterDrop.get(i), 1e-6f, "fresh after the drop");
            }
            adam.close();
        }
    }

    /** What reads parameters after training (counters, saving, loading) sees the trained values. */
    @Test
    void aTrainedModelCountsSavesAndLoadsAsBefore(@TempDir Path dir) throws Exception {
        try (Model model = model(mlp(), 3)) {
            long count = ParameterCounter.trainable(model.getBlock());
            List<Parameter> parameters = trainable(model.getBlock());
            FlatAdam adam = new FlatAdam("all", parameters, adam());
            backward(model, 0);
            adam.update();
            adam.close();
            assertEquals(count, ParameterCounter.trainable(model.getBlock()));
            List<float[]> trained = values(parameters);
            model.save(dir, "flat");
            try (Model loaded = Model.newInstance("loaded", DjlRuntime.device("cpu"))) {
                Block block = mlp();
                loaded.setBlock(block);
                block.initialize(loaded.getNDManager(), DataType.FLOAT32, INPUT);
                loaded.load(dir, "flat");
                List<float[]> read = values(trainable(block));
                for (int i = 0; i < trained.size(); i++) {
                    assertArrayEquals(trained.get(i), read.get(i), "parameter " + i);
                }
            }
        }
    }

    /** Two linear maps with a tanh between them, 4 -> 3 -> 2, with biases. */
    private static Block mlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(3).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(2).build());
    }

    private static Model model(Block block, int seed) {
        DjlRuntime.engine().setRandomSeed(seed);
        Model model = Model.newInstance("flat-adam", DjlRuntime.device("cpu"));
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
        return model;
    }

    /**
     * One backward pass of a step's loss, mean((f(x) - y)^2) on a batch that depends on the step;
     * at odd steps the loss ignores the last output, whose bias then gets no gradient.
     */
    private static void backward(Model model, int step) {
        NDManager m = model.getNDManager();
        try (NDManager scope = m.newSubManager();
                GradientCollector collector = m.getEngine().newGradientCollector()) {
            NDArray x =
                    scope.arange(0f, 12f).reshape(INPUT).mul(0.1f * (step + 1)).sin();
            NDArray out = model.getBlock()
                    .forward(new ParameterStore(scope, false), new NDList(x), true)
                    .singletonOrThrow();
            NDArray target = scope.arange(0f, 6f).reshape(3, 2).cos();
            NDArray error = out.sub(target);
            if (step % 2 == 1) {
                error = error.get(":, 0");
            }
            collector.backward(error.square().mean());
        }
    }

    private static void copyWeights(Block from, Block to) {
        List<Parameter> source = trainable(from);
        List<Parameter> target = trainable(to);
        for (int i = 0; i < source.size(); i++) {
            target.get(i).getArray().set(source.get(i).getArray().toFloatArray());
        }
    }

    private static Optimizer adam() {
        return Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(LR))
                .optBeta1(0.9f)
                .optBeta2(0.999f)
                .build();
    }

    /** +1 and -1 in turn, so that every element's gradient has a known sign. */
    private static NDArray sign(NDManager m, Shape shape) {
        return m.arange((float) shape.size()).reshape(shape).mod(2).mul(-2).add(1);
    }

    private static List<Parameter> trainable(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getValue());
        }
        return out;
    }

    private static List<float[]> values(List<Parameter> parameters) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : parameters) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    private static List<float[]> gradients(List<Parameter> parameters) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : parameters) {
            try (NDArray g = p.getArray().getGradient()) {
                out.add(g.toFloatArray());
            }
        }
        return out;
    }
}
