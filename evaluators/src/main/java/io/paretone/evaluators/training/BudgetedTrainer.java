package io.paretone.evaluators.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
import io.paretone.spaces.runtime.DeviceConstants;
import io.paretone.spaces.training.DeviceClips;
import io.paretone.spaces.training.ParameterGroup;
import io.paretone.spaces.training.PerClip;
import io.paretone.spaces.training.SampleCode;
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
 * would otherwise live as long as the model. Every loss is read and checked, in batches of at most
 * {@link #READ_EVERY} steps (each read waits for the device); a NaN or infinite loss fails the
 * candidate at that read, naming the step it appeared at, since DJL would carry on training garbage. Optimiser updates run
 * outside the scopes, because Adam's moment arrays must outlive them. Each group's Adam is one
 * {@link FlatAdam} over a flat copy of its parameters. A group's gradients are dropped before its
 * update whenever any backward pass ran since its previous one, so a generator update never leaks
 * gradients into the next discriminator update.
 */
public final class BudgetedTrainer implements AutoCloseable {
    /**
     * Most steps between two reads of the losses. Each read waits for the device; reading every
     * step kept a GPU idle between steps.
     */
    public static final int READ_EVERY = 32;

    private static final Logger LOG = LoggerFactory.getLogger(BudgetedTrainer.class);
    private DeviceClips clips;

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
        Map<String, Group> groups = Map.of();
        CropDraws crops = null;
        try {
            if (!block.isInitialized()) {
                block.initialize(manager, DataType.FLOAT32, architecture.inputShapes(1));
            }
            groups = groups(recipe, block);
            DeviceClips clips = deviceClips(data, manager.getDevice());
            crops = new CropDraws(clips);
            Context context = new Context(
                    manager,
                    new ParameterStore(manager, false),
                    block,
                    data,
                    clips,
                    crops,
                    new SplittableRandom(seed),
                    recipe.steps());
            Unread unread = new Unread(recipe);
            for (int step = 1; step <= recipe.steps(); step++) {
                context.step = step;
                for (Update update : recipe.updates()) {
                    unread.add(runUpdate(update, groups.get(update.group()), groups.values(), context));
                }
                if (step % READ_EVERY == 0 || step == recipe.steps() || listener.needsLossAt(step, recipe.steps())) {
                    int first = step - unread.steps() + 1;
                    float[] reported = unread.read(groups, first, recipe.steps());
                    for (int s = first; s <= step; s++) {
                        losses[s - 1] = reported[s - first];
                        listener.onStep(s, recipe.steps(), reported[s - first]);
                        if (listener.stopRequested()) {
                            return new TrainingOutcome(Arrays.copyOf(losses, s));
                        }
                    }
                }
            }
        } catch (EngineException | IllegalStateException | IllegalArgumentException e) {
            LOG.debug("training failed in the engine", e);
            throw new TrainingFailedException("the engine failed: " + e, e);
        } finally {
            for (Group g : groups.values()) {
                g.adam.close();
            }
            if (crops != null) {
                crops.close();
            }
        }
        return new TrainingOutcome(losses);
    }

    /** The training data on the device, copied there once for all the candidates this trainer trains. */
    private synchronized DeviceClips deviceClips(TrainingData data, Device device) {
        if (clips == null || !clips.holds(data, device)) {
            if (clips != null) {
                clips.close();
            }
            clips = new DeviceClips(data, device);
        }
        return clips;
    }

    /** Frees the training data kept on the device. */
    @Override
    public synchronized void close() {
        if (clips != null) {
            clips.close();
            clips = null;
        }
    }

    /**
     * Runs one update and returns its loss, detached from the graph and kept beyond the update's
     * scope, unread: reading it now would wait for the device.
     */
    private static NDArray runUpdate(Update update, Group group, Iterable<Group> all, Context context) {
        if (group.gradientsStale) {
            group.adam.dropGradients();
        }
        NDArray kept;
        try (NDScope scope = new NDScope();
                GradientCollector collector = context.manager.getEngine().newGradientCollector()) {
            scope.suppressNotUsedWarning();
            NDArray loss = update.loss().compute(context);
            if (loss.size() != 1) {
                throw new IllegalStateException(
                        update.name() + " loss has shape " + loss.getShape() + ", not a scalar");
            }
            kept = loss.toType(DataType.FLOAT32, false).stopGradient().reshape(1);
            NDScope.unregister(kept);
            collector.backward(context.withCorrections(loss));
        } finally {
            context.pendingCorrections.clear();
            // Any group's parameters may have gradients now (a generator's loss reaches the critic's).
            for (Group g : all) {
                g.gradientsStale = true;
            }
        }
        group.adam.update();
        return kept;
    }

    /**
     * The losses of the steps since the last read, still on the device; read together in one
     * transfer, and checked there, so a NaN or infinite loss fails the candidate at most
     * {@link #READ_EVERY} steps after it appeared, naming the step where it did.
     */
    private static final class Unread {
        private final List<Update> updates;
        private final int reported;
        private final NDList losses = new NDList();

        Unread(TrainingRecipe recipe) {
            this.updates = recipe.updates();
            int r = 0;
            while (!updates.get(r).name().equals(recipe.reported())) {
                r++;
            }
            this.reported = r;
        }

        void add(NDArray loss) {
            losses.add(loss);
        }

        int steps() {
            return losses.size() / updates.size();
        }

        /** The reported loss of each unread step, from step {@code first} on; frees the arrays. */
        float[] read(Map<String, Group> groups, int first, int total) throws TrainingFailedException {
            float[] all;
            try (NDArray joined = NDArrays.concat(losses)) {
                all = joined.toFloatArray();
            } finally {
                losses.close();
                losses.clear();
            }
            int perStep = updates.size();
            float[] out = new float[all.length / perStep];
            for (int i = 0; i < all.length; i++) {
                if (!Float.isFinite(all[i])) {
                    Update u = updates.get(i % perStep);
                    ParameterGroup g = groups.get(u.group()).definition;
                    throw new TrainingFailedException(String.format(
                            "%s loss became %s at step %d of %d; the learning rate %s of the %s parameters is likely"
                                    + " too high",
                            u.name(), all[i], first + i / perStep, total, g.learningRate(), g.name()));
                }
                if (i % perStep == reported) {
                    out[i / perStep] = all[i];
                }
            }
            return out;
        }
    }

    /**
     * Resolves each group's parameters, checks they are disjoint and cover every trainable one, and
     * only then moves each group into its flat buffer.
     */
    private static Map<String, Group> groups(TrainingRecipe recipe, Block block) {
        Map<ParameterGroup, List<Parameter>> resolved = new LinkedHashMap<>();
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
            resolved.put(definition, parameters);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()
                    && !owner.containsKey(p.getValue().getId())) {
                throw new IllegalStateException("parameter " + p.getKey() + " is in no parameter group and would"
                        + " never train; add its block to a group");
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        resolved.forEach((definition, parameters) -> groups.put(definition.name(), new Group(definition, parameters)));
        return groups;
    }

    /** A parameter group with its own Adam. */
    private static final class Group {
        private final ParameterGroup definition;
        private final FlatAdam adam;
        /** Whether a backward pass ran since this group's gradients were last dropped. */
        private boolean gradientsStale;

        Group(ParameterGroup definition, List<Parameter> parameters) {
            this.definition = definition;
            this.adam = new FlatAdam(
                    definition.name(),
                    parameters,
                    Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) definition.learningRate()))
                            .optBeta1((float) definition.beta1())
                            .optBeta2((float) definition.beta2())
                            .build());
        }
    }

    /** The trainer's side of {@link StepContext}: one per training run, advanced step by step. */
    private static final class Context implements StepContext {
        private final NDManager manager;
        private final ParameterStore parameters;
        private final Block block;
        private final TrainingData data;
        private final DeviceClips clips;
        private final CropDraws crops;
        private final SplittableRandom random;
        private final int steps;
        private final List<NDArray> pendingCorrections = new ArrayList<>();
        private int step;

        Context(
                NDManager manager,
                ParameterStore parameters,
                Block block,
                TrainingData data,
                DeviceClips clips,
                CropDraws crops,
                SplittableRandom random,
                int steps) {
            this.manager = manager;
            this.parameters = parameters;
            this.block = block;
            this.data = data;
            this.clips = clips;
            this.crops = crops;
            this.random = random;
            this.steps = steps;
        }

        @Override
        public NDArray cropPositions(int batchSize, int length) {
            return crops.next(manager, batchSize, length);
        }

        @Override
        public NDArray samplesAt(NDArray positions) {
            return clips.samplesAt(manager, positions);
        }

        @Override
        public NDArray codesAt(NDArray positions, SampleCode code) {
            return clips.codesAt(manager, positions, code);
        }

        @Override
        public NDArray classesAt(NDArray positions, SampleCode code) {
            return clips.classesAt(manager, positions, code);
        }

        @Override
        public NDArray drawClips(int batchSize) {
            return clips.drawClips(manager, batchSize);
        }

        @Override
        public NDArray rows(PerClip table, NDArray clipIndices) {
            return clips.rows(manager, table, clipIndices);
        }

        @Override
        public NDArray scalar(float value) {
            return DeviceConstants.of(manager.getDevice(), value);
        }

        @Override
        public NDManager manager() {
            return manager;
        }

        @Override
        public ParameterStore parameters() {
            return parameters;
        }

        @Override
        public Block block() {
            return block;
        }

        @Override
        public TrainingData data() {
            return data;
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public int steps() {
            return steps;
        }

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
