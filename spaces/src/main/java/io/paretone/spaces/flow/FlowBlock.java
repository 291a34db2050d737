package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole flow. Input: audio {@code [B, L]}, L a multiple of 2^squeezes. Output: the latent
 * {@code z [B, 2^squeezes, L / 2^squeezes]} and the log-determinant of the map per example
 * {@code [B]}. Each level squeezes (pairs of neighbouring samples become channels, as in
 * FloWaveNet) and then runs its flow steps; {@link #inverse} runs it all backwards.
 */
public final class FlowBlock extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    private final FlowArchitecture arch;
    private final List<List<FlowStep>> levels = new ArrayList<>();

    FlowBlock(FlowArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        for (int level = 0; level < arch.squeezes(); level++) {
            List<FlowStep> steps = new ArrayList<>();
            for (int f = 0; f < arch.flows(); f++) {
                steps.add(addChildBlock("level" + level + "_step" + f, new FlowStep(channels(level), arch)));
            }
            levels.add(steps);
        }
    }

    public FlowArchitecture architecture() {
        return arch;
    }

    /** Channels at a level: 2 after the first squeeze, doubling with each. */
    private static int channels(int level) {
        return 2 << level;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray audio = inputs.singletonOrThrow();
        long b = audio.getShape().get(0);
        NDArray x = audio.reshape(b, 1, audio.getShape().get(1));
        NDArray logdet = null;
        for (List<FlowStep> steps : levels) {
            x = squeeze(x);
            for (FlowStep step : steps) {
                NDList out = step.forward(ps, new NDList(x), training);
                x = out.get(0);
                logdet = logdet == null ? out.get(1) : logdet.add(out.get(1));
            }
        }
        return new NDList(x, logdet);
    }

    /** Audio {@code [B, L]} from a latent {@code [B, 2^squeezes, L / 2^squeezes]}. */
    public NDArray inverse(ParameterStore ps, NDArray z) {
        NDArray x = z;
        for (int level = levels.size() - 1; level >= 0; level--) {
            List<FlowStep> steps = levels.get(level);
            for (int f = steps.size() - 1; f >= 0; f--) {
                x = steps.get(f).inverse(ps, x);
            }
            x = unsqueeze(x);
        }
        return x.reshape(x.getShape().get(0), x.getShape().get(2));
    }

    /** [B, C, T] to [B, 2C, T/2]: channel c's samples 2t and 2t+1 become channels 2c and 2c+1 at t. */
    static NDArray squeeze(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), s.get(2) / 2, 2)
                .transpose(0, 1, 3, 2)
                .reshape(s.get(0), s.get(1) * 2, s.get(2) / 2);
    }

    /** The inverse of {@link #squeeze}. */
    static NDArray unsqueeze(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1) / 2, 2, s.get(2))
                .transpose(0, 1, 3, 2)
                .reshape(s.get(0), s.get(1) / 2, s.get(2) * 2);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        int factor = arch.squeezeFactor();
        return new Shape[] {new Shape(b, factor, inputShapes[0].get(1) / factor), new Shape(b)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int level = 0; level < levels.size(); level++) {
            Shape x = levelShape(inputShapes[0], level);
            for (FlowStep step : levels.get(level)) {
                step.initialize(manager, dataType, x);
            }
        }
    }

    private static Shape levelShape(Shape audio, int level) {
        int c = channels(level);
        return new Shape(audio.get(0), c, audio.get(1) / c);
    }

    /** Forward FLOPs over {@code [B, L]} audio; the inverse costs the same (plus a C x C inverse per mixing). */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long total = 0;
        for (int level = 0; level < levels.size(); level++) {
            Shape x = levelShape(inputShapes[0], level);
            for (FlowStep step : levels.get(level)) {
                total += counter.of(step, x) + x.get(0); // the step and the log-determinant sum
            }
        }
        return total;
    }
}
