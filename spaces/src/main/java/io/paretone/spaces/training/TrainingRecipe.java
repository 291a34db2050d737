package io.paretone.spaces.training;

import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.check.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a candidate learns, whatever its family: parameter groups with their own Adam optimisers, and
 * the updates that make one step of a fixed budget. The budgeted trainer runs every recipe the same
 * way (a scope per update, every loss read and checked for NaN or infinity, progress per step).
 *
 * <ul>
 *   <li>likelihood models (WaveNet, SampleRNN, flows) and VAEs: {@link #singleLoss}, one update of
 *       the whole block per step;
 *   <li>GANs: a generator and a discriminator group, {@code n} critic updates and one generator
 *       update per step.
 * </ul>
 *
 * @param steps the step budget
 * @param reported the update whose loss each step reports (and whose fall the tests expect)
 */
public record TrainingRecipe(int steps, List<ParameterGroup> groups, List<Update> updates, String reported) {
    public TrainingRecipe {
        Check.positive("training steps", steps);
        groups = List.copyOf(groups);
        updates = List.copyOf(updates);
        Check.that(!groups.isEmpty(), "parameter groups", groups, "declare at least one group");
        Check.that(!updates.isEmpty(), "updates", updates, "declare at least one update");
        Set<String> names = new HashSet<>();
        for (ParameterGroup g : groups) {
            Check.that(names.add(g.name()), "parameter group", g.name(), "group names must be unique");
        }
        for (Update u : updates) {
            Check.that(
                    names.contains(u.group()), "update " + u.name(), u.group(), "must name one of the groups " + names);
        }
        Check.that(
                updates.stream().anyMatch(u -> u.name().equals(reported)),
                "reported update",
                reported,
                "must name one of the updates");
    }

    /**
     * One loss over every parameter, one update per step: maximum likelihood, VAEs, spectral losses.
     *
     * @param batch the shapes of one training batch as the root block receives it, batch axis
     *     included: the loss runs one forward and backward pass of the whole block on it
     */
    public static TrainingRecipe singleLoss(
            int steps, double learningRate, String lossName, Shape[] batch, Update.Loss loss) {
        return new TrainingRecipe(
                steps,
                List.of(ParameterGroup.whole(learningRate)),
                List.of(new Update(lossName, "all", List.of(Pass.wholeBlock(batch)), loss)),
                lossName);
    }
}
