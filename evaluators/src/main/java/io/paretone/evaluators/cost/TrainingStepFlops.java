package io.paretone.evaluators.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.training.Pass;
import io.paretone.spaces.training.TrainingRecipe;
import io.paretone.spaces.training.Update;
import java.util.HashMap;
import java.util.Map;

/**
 * Forward and backward FLOPs of one training step as its recipe runs it: every {@link Pass} that
 * every {@link Update} of the step declares, counted at its batch's shapes by a training-mode
 * {@link FlopCounter}. Backward passes follow {@link FlopCount#BACKWARD_CONVENTION}; per pass kind:
 *
 * <ul>
 *   <li>forward only: F, the pass's forward FLOPs;
 *   <li>trained: F + backward = 2F + W, W being the forward FLOPs of layers with weights;
 *   <li>gradient penalty: twice a trained pass, 4F + 2W. The forward pass is F; the input
 *       gradient, kept differentiable, is one product per layer (F); the loss's backward pass runs
 *       through the forward graph (F + W) and through the input-gradient graph, whose products
 *       involve the weights (2W) and whose element-wise work does not (F - W).
 * </ul>
 * Losses, optimiser updates and data preparation are not counted.
 */
public final class TrainingStepFlops {
    /** The per-kind rule in one line, for outputs that report training FLOPs. */
    public static final String CONVENTION = "training FLOPs = steps x the passes each update of a step runs"
            + " (critic updates included): forward-only F, trained F + backward, gradient penalty 2 x (F + backward)";

    private TrainingStepFlops() {}

    /** FLOPs of one step of {@code recipe} on the candidate's initialised root block. */
    public static long of(TrainingRecipe recipe, Block root) {
        Map<Pass, Long> counted = new HashMap<>();
        long total = 0;
        for (Update update : recipe.updates()) {
            for (Pass pass : update.passes()) {
                total = Math.addExact(total, counted.computeIfAbsent(pass, p -> of(p, root)));
            }
        }
        return total;
    }

    /** FLOPs of one pass on the candidate's initialised root block. */
    public static long of(Pass pass, Block root) {
        FlopCount count = FlopCounter.training()
                .count(pass.block().apply(root), pass.inputs().toArray(Shape[]::new));
        return of(pass.kind(), count);
    }

    /** FLOPs of a pass of the given kind over a part whose forward pass is {@code count}. */
    public static long of(Pass.Kind kind, FlopCount count) {
        return switch (kind) {
            case FORWARD -> count.forward();
            case TRAINED -> count.forwardAndBackward();
            case GRADIENT_PENALTY -> Math.multiplyExact(2, count.forwardAndBackward());
        };
    }
}
