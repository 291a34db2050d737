package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import io.paretone.spaces.check.Check;
import java.util.List;

/**
 * One gradient update within a training step: compute a scalar loss on a fresh batch, back-propagate
 * it, and let the optimiser of one parameter group apply the gradients. A GAN's step is several
 * critic updates and one generator update; a likelihood model's step is one update.
 *
 * @param name names the loss in progress and failure messages, such as {@code critic}
 * @param group the {@link ParameterGroup} whose optimiser applies this update
 * @param passes the passes of parts of the block that {@code loss} runs on its batch: what the
 *     update costs (declare each pass the loss makes, no more and no fewer)
 */
public record Update(String name, String group, List<Pass> passes, Loss loss) {
    public Update {
        Check.notNull("update name", name);
        Check.notNull("group", group);
        passes = List.copyOf(passes);
        Check.that(!passes.isEmpty(), "passes of update " + name, passes, "declare the passes its loss runs");
        Check.notNull("loss", loss);
    }

    /** Computes the scalar loss of one update. */
    @FunctionalInterface
    public interface Loss {
        /**
         * @return a scalar to minimise; arrays made here belong to the update's scope and are
         *     freed when it ends
         */
        NDArray compute(StepContext context);
    }
}
