package io.paretone.evaluators.training;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.training.ParameterGroup;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.TrainingRecipe;
import io.paretone.spaces.training.Update;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a candidate for exactly its step budget, whatever its {@link TrainingRecipe}: one Adam per
 * parameter group, the recipe's updates in order at every step; fewer steps when the step
 * listener asks to stop (a candidate pruned at a checkpoint).
 *
 * <p>Every update runs in its own {@link NDScope} and its own gradient collector (DJL allows one
 * collector at a time; sequential ones are fine): DJL frees nothing by itself, and arrays of a step
 * would otherwise live as long as the model. Every loss is read and checked; a NaN or infinite loss
 * fails the candidate at once, since DJL would carry on training garbage. Optimiser updates run
 * outside the scopes, because Adam's moment arrays must outlive them. Gradients of all parameters
 * are cleared before each update, so a generator update never leaks gradients into the next
 * discriminator update.
 */
public final class BudgetedTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetedTrainer.class);

    /**
     * Trains {@code model}, whose block must be {@code architecture.newBlock()}, already set; the
     * block is initialised here if it is not yet.
     *
     * @throws TrainingFailedException on a non-finite loss or an engine error
     */
    public TrainingOutcome train(
            Model model, Architecture architecture, TrainingData data, long seed, StepListener listener)
            throws TrainingFailedException {
        TrainingRecipe recipe = architecture.trainingRecipe();
        Block block = model.getBlock();
        NDManager manager = model.getNDManager();
        float[] losses = new float[recipe.steps()];
        try {
            if (!block.isInitialized()) {
                block.initialize(manager, DataType.FLOAT32, architecture.inputShapes(1));
            }
            Map<String, Group> groups = groups(recipe, block);
            Context context = new Context(manager, new ParameterStore(manager, false), block, data,
                    new SplittableRandom(seed), recipe.steps());
            for (int step = 1; step <= recipe.steps(); step++) {
                context.step = step;
                float reported = Float.NaN;
                for (Update update : recipe.updates()) {
                    Group group = groups.get(update.group());
                    float loss = runUpdate(update, group, groups.values(), context);
                    if (update.name().equals(recipe.reported())) {
                        reported = loss;
                    }
                }
                losses[step - 1] = reported;
                listener.onStep(step, recipe.steps(), reported);
                if (listener.stopRequested()) {
                    return new TrainingOutcome(Arrays.copyOf(losses, step));
                }
            }
        } catch (EngineException | IllegalStateException | IllegalArgumentException e) {
            LOG.debug("training failed in the engine", e);
            throw new TrainingFailedException("the engine failed: " + e, e);
        }
        return new TrainingOutcome(losses);
    }

    private static float runUpdate(Update update, Group group, Iterable<Group> all, Context context)
            throws TrainingFailedException {
        for (Group g : all) {
            g.clearGradients();
        }
        float value;
        try (NDScope scope = new NDScope();
                GradientCollector collector = context.manager.getEngine().newGradientCollector()) {
            scope.suppressNotUsedWarning();
            NDArray loss = update.loss().compute(context);
            if (loss.size() != 1) {
                throw new IllegalStateException(update.name() + " loss has shape " + loss.getShape() + ", not a scalar");
            }
            value = loss.toType(DataType.FLOAT32, false).getFloat();
            if (!Float.isFinite(value)) {
                throw new TrainingFailedException(String.format(
                        "%s loss became %s at step %d of %d; the learning rate %s of the %s parameters is likely"
                                + " too high", update.name(), value, context.step, context.steps,
                        group.definition.learningRate(), group.definition.name()));
            }
            collector.backward(context.withCorrections(loss));
        } finally {
            context.pendingCorrections.clear();
        }
        group.apply();
        return value;
    }

    /** Resolves each group's parameters and checks they are disjoint and cover every trainable one. */
    private static Map<String, Group> groups(TrainingRecipe recipe, Block block) {
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (ParameterGroup definition : recipe.groups()) {
            List<Parameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> p : definition.part().apply(block).getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                String previous = owner.put(p.getValue().getId(), definition.name());
                if (previous != null) {
                    throw new IllegalStateException("parameter " + p.getKey() + " is in groups " + previous + " and "
                            + definition.name() + "; a parameter may belong to one group only");
                }
                parameters.add(p.getValue());
            }
            groups.put(definition.name(), new Group(definition, parameters));
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && !owner.containsKey(p.getValue().getId())) {
                throw new IllegalStateException("parameter " + p.getKey() + " is in no parameter group and would"
                        + " never train; add its block to a group");
            }
        }
        return groups;
    }

    /** A parameter group with its own Adam. */
    private static final class Group {
        private final ParameterGroup definition;
        private final List<Parameter> parameters;
        private final Optimizer adam;

        Group(ParameterGroup definition, List<Parameter> parameters) {
            this.definition = definition;
            this.parameters = parameters;
            this.adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) definition.learningRate()))
                    .optBeta1((float) definition.beta1())
                    .optBeta2((float) definition.beta2())
                    .build();
        }

        void clearGradients() {
            for (Parameter p : parameters) {
                Gradients.clear(p.getArray());
            }
        }

        /** One Adam update from the gradients in place; DJL's Adam clears them afterwards. */
        void apply() {
            for (Parameter p : parameters) {
                NDArray weight = p.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    adam.update(p.getId(), weight, gradient);
                }
            }
        }
    }

    /** The trainer's side of {@link StepContext}: one per training run, advanced step by step. */
    private static final class Context implements StepContext {
        private final NDManager manager;
        private final ParameterStore parameters;
        private final Block block;
        private final TrainingData data;
        private final SplittableRandom random;
        private final int steps;
        private final List<NDArray> pendingCorrections = new ArrayList<>();
        private int step;

        Context(NDManager manager, ParameterStore parameters, Block block, TrainingData data,
                SplittableRandom random, int steps) {
            this.manager = manager;
            this.parameters = parameters;
            this.block = block;
            this.data = data;
            this.random = random;
            this.steps = steps;
        }

        @Override public NDManager manager() { return manager; }
        @Override public ParameterStore parameters() { return parameters; }
        @Override public Block block() { return block; }
        @Override public TrainingData data() { return data; }
        @Override public SplittableRandom random() { return random; }
        @Override public int step() { return step; }
        @Override public int steps() { return steps; }

        @Override
        public NDArray inputGradient(NDArray output, NDArray input) {
            NDArray total = output.sum();
            Gradients.backwardKeepingGraph(total);
            // That backward pass also added d total / d parameters to the parameters' gradients;
            // subtracting total from the loss before its own backward pass cancels it exactly.
            pendingCorrections.add(total);
            return input.getGradient();
        }

        NDArray withCorrections(NDArray loss) {
            NDArray target = loss;
            for (NDArray c : pendingCorrections) {
                target = target.sub(c);
            }
            return target;
        }
    }
}
