package io.paretone.evaluators.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.convolutional.Deconvolution;
import ai.djl.nn.core.AbstractEmbedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.core.Prelu;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.util.Pair;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts forward FLOPs by walking a DJL block tree with the real input shapes of every layer.
 *
 * <p>Convention: one multiply-add is 2 FLOPs, as {@code torch.utils.flop_counter} counts. Rules:
 * <ul>
 *   <li>Convolution (1-D, 2-D, 3-D): 2 x N x C_out x L_out x (C_in / groups) x K, where L_out is
 *       the product of the output's spatial sizes (after stride, padding and dilation) and K the
 *       kernel's taps; plus N x C_out x L_out for the bias, which torch's counter leaves out.
 *       Transposed convolution: 2 x N x L_in x C_in x (C_out / groups) x K plus the bias.
 *   <li>Linear: 2 x rows x in x out, plus rows x out for the bias.
 *   <li>LSTM, GRU, RNN, per time step, batch row, layer and direction, with H the state size and
 *       I the layer's input size: the input and state products 2 x G x H x (I + H) (G gates:
 *       4, 3, 1), the two bias vectors 2 x G x H, G x H additions joining the products, and the
 *       cell's element-wise work: LSTM 9H (3 sigmoids, 2 tanh, 3 products, 1 sum), GRU 8H
 *       (2 sigmoids, 1 tanh, 1 product for the reset gate, 4 for the interpolation), RNN H (its
 *       activation). Layer sizes are read from the initialised parameters.
 *   <li>BatchNorm: 7 FLOPs per element when training (mean, centring, square and sum for the
 *       variance, normalising, scale, shift), 4 at inference (running statistics); LayerNorm 7;
 *       per-channel scalar work (epsilon, square root) is not counted. Dropout: 2 per element
 *       when training (mask, rescale), 0 at inference.
 *   <li>Embedding lookup: 0 (a gather, no arithmetic).
 *   <li>Activations: 1 FLOP per element whatever the function (a transcendental counts as one).
 *       DJL's activation blocks are {@link LambdaBlock}s whose function cannot be inspected; they
 *       are recognised by the name DJL's factories give them ({@code Activation.reluBlock()} is
 *       named "ReLU"; see {@link #ACTIVATION_NAMES}). {@code Prelu} counts the same.
 *   <li>DJL lambda blocks named "identity" and "batchFlatten" move data: 0. Global pooling
 *       ("globalMaxPool1d", "globalAvgPool2d", ...): S - 1 comparisons (max) or S additions and
 *       a multiplication less one (average: S) per output, S = spatial size.
 *   <li>{@link SequentialBlock}: the sum of its children at their propagated shapes.
 *   <li>Any block implementing {@link FlopCountable} counts itself (gates, residual additions,
 *       project blocks such as {@code ParallelJoin}, {@code Pooling}, {@code Upsample}).
 * </ul>
 * Any other block, including DJL's {@link ParallelBlock} (its join is an opaque function), an
 * unnamed lambda block and DJL's kernel-hiding pooling lambdas, throws
 * {@link UncountableLayerException} naming it: nothing is counted as zero by omission.
 *
 * <p>While counting, the FLOPs of every block are split into the work of layers with trainable
 * weights and the rest ({@link FlopCount}); a block's own work is the part of its total not
 * reported by the child blocks it counted through this counter. Not thread-safe: one counter per
 * thread.
 */
public final class FlopCounter implements LayerFlops {

    /** Whether layers behave as in training (batch statistics, dropout) or at inference. */
    public enum Mode {
        TRAINING,
        INFERENCE
    }

    /** The counting convention in one line, for outputs that report FLOPs. */
    public static final String CONVENTION =
            "1 multiply-add = 2 FLOPs (as torch.utils.flop_counter), bias additions, activations, gates and"
                    + " residual additions counted at 1 FLOP per element";

    /** Names DJL's {@code Activation.*Block()} factories give their lambda blocks; 1 FLOP per element. */
    public static final Set<String> ACTIVATION_NAMES = Set.of(
            "ReLU",
            "ReLU6",
            "sigmoid",
            "Tanh",
            "softPlus",
            "softSign",
            "LeakyReLU",
            "ELU",
            "SELU",
            "GELU",
            "Swish",
            "Mish");

    /** Names of DJL lambda blocks that only move data; 0 FLOPs. */
    public static final Set<String> DATA_MOVEMENT_NAMES = Set.of("identity", "batchFlatten");

    private final Mode mode;
    private final Deque<long[]> childTotals = new ArrayDeque<>();
    private final Map<String, Long> byLayer = new LinkedHashMap<>();
    private long withWeights;

    public FlopCounter(Mode mode) {
        this.mode = mode;
    }

    /** A counter for generation: batch norms use running statistics, dropout is off. */
    public static FlopCounter inference() {
        return new FlopCounter(Mode.INFERENCE);
    }

    /** A counter for training passes: batch statistics and dropout masks are computed. */
    public static FlopCounter training() {
        return new FlopCounter(Mode.TRAINING);
    }

    /**
     * Counts one forward pass of a whole model with its split by weights and by layer kind.
     *
     * @throws UncountableLayerException if some block in the tree has no rule
     */
    public FlopCount count(Block block, Shape... inputShapes) {
        byLayer.clear();
        withWeights = 0;
        long forward = of(block, inputShapes);
        return new FlopCount(forward, withWeights, byLayer);
    }

    @Override
    public long of(Block block, Shape... inputShapes) {
        childTotals.push(new long[1]);
        long total;
        long children;
        try {
            total = dispatch(block, inputShapes);
        } finally {
            children = childTotals.pop()[0];
        }
        long own = total - children;
        if (own < 0) {
            throw new IllegalStateException(block.getClass().getName() + " reported " + total
                    + " FLOPs, fewer than the " + children + " of the children it counted; fix its forwardFlops");
        }
        if (own > 0) {
            byLayer.merge(label(block), own, Long::sum);
            if (hasTrainableWeights(block)) {
                withWeights += own;
            }
        }
        if (!childTotals.isEmpty()) {
            childTotals.peek()[0] += total;
        }
        return total;
    }

    private long dispatch(Block block, Shape[] in) {
        if (block instanceof FlopCountable countable) {
            return countable.forwardFlops(this, in);
        }
        if (block instanceof SequentialBlock sequence) {
            long total = 0;
            Shape[] shapes = in;
            for (Block child : sequence.getChildren().values()) {
                total += of(child, shapes);
                shapes = outputShapes(child, shapes);
            }
            return total;
        }
        if (block instanceof Convolution conv) {
            return convolution(conv, in[0]);
        }
        if (block instanceof Deconvolution deconv) {
            return deconvolution(deconv, in[0]);
        }
        if (block instanceof Linear linear) {
            return linear(linear, in[0]);
        }
        if (block instanceof RecurrentBlock recurrent) {
            return RecurrentFlops.of(recurrent, in[0]);
        }
        if (block instanceof BatchNorm) {
            return in[0].size() * (mode == Mode.TRAINING ? 7 : 4);
        }
        if (block instanceof LayerNorm) {
            return in[0].size() * 7;
        }
        if (block instanceof Dropout) {
            return mode == Mode.TRAINING ? in[0].size() * 2 : 0;
        }
        if (block instanceof AbstractEmbedding<?> || block instanceof IdEmbedding) {
            return 0;
        }
        if (block instanceof Prelu) {
            return in[0].size();
        }
        if (block instanceof LambdaBlock lambda) {
            return namedLambda(lambda, in);
        }
        if (block instanceof ParallelBlock) {
            throw new UncountableLayerException(
                    block.getClass(),
                    "a ParallelBlock's join is an opaque function;"
                            + " build it with io.paretone.spaces.cost.ParallelJoin (sum, product, concat) or implement FlopCountable");
        }
        throw new UncountableLayerException(block.getClass());
    }

    private static long convolution(Convolution conv, Shape input) {
        Shape out = conv.getOutputShapes(new Shape[] {input})[0];
        long n = out.get(0);
        long cOut = out.get(1);
        long positions = out.slice(2).size();
        long cInPerGroup = input.get(1) / conv.getGroups();
        long taps = conv.getKernelShape().size();
        long flops = 2 * n * cOut * positions * cInPerGroup * taps;
        if (conv.isIncludeBias()) {
            flops += n * cOut * positions;
        }
        return flops;
    }

    /** Every input position scatters C_out / groups x K multiply-adds per input channel. */
    private static long deconvolution(Deconvolution deconv, Shape input) {
        Shape weight = initialisedShape(deconv, "weight");
        Shape out = deconv.getOutputShapes(new Shape[] {input})[0];
        long flops = 2 * input.get(0) * input.slice(2).size() * weight.size();
        if (deconv.getDirectParameters().contains("bias")) {
            flops += out.get(0) * out.get(1) * out.slice(2).size();
        }
        return flops;
    }

    private static long linear(Linear linear, Shape input) {
        Shape out = linear.getOutputShapes(new Shape[] {input})[0];
        long units = out.tail();
        long rows = input.size() / input.tail();
        long flops = 2 * rows * input.tail() * units;
        if (linear.getDirectParameters().contains("bias")) {
            flops += rows * units;
        }
        return flops;
    }

    private static long namedLambda(LambdaBlock lambda, Shape[] in) {
        String name = lambda.getName();
        if (ACTIVATION_NAMES.contains(name)) {
            return in[0].size();
        }
        if (DATA_MOVEMENT_NAMES.contains(name)) {
            return 0;
        }
        if (name.startsWith("globalMaxPool") || name.startsWith("globalAvgPool")) {
            Shape x = in[0];
            long outputs = x.get(0) * x.get(1);
            long spatial = x.slice(2).size();
            return outputs * (name.startsWith("globalMax") ? spatial - 1 : spatial);
        }
        String hint = name.matches("(max|avg|lp)Pool[123]d")
                ? "DJL's pooling lambda hides its kernel; use io.paretone.spaces.cost.Pooling"
                : "lambda blocks are recognised by the names DJL's factories give them (" + ACTIVATION_NAMES
                        + ", " + DATA_MOVEMENT_NAMES + ", global pools); wrap other functions in a block"
                        + " implementing FlopCountable";
        throw new UncountableLayerException(
                LambdaBlock.class, "the lambda block named '" + name + "' is unknown: " + hint);
    }

    /**
     * The output shapes of a child. DJL computes a lambda block's output shapes by running it on
     * zeros, which costs as much as the layer itself; element-wise lambdas keep their input shapes.
     */
    private static Shape[] outputShapes(Block block, Shape[] in) {
        if (block instanceof LambdaBlock lambda
                && (ACTIVATION_NAMES.contains(lambda.getName())
                        || lambda.getName().equals("identity"))) {
            return in;
        }
        return block.getOutputShapes(in);
    }

    static Shape initialisedShape(Block block, String parameter) {
        Parameter p = block.getDirectParameters().get(parameter);
        if (p == null || p.getShape() == null) {
            throw new IllegalStateException(
                    "the " + parameter + " of " + block.getClass().getSimpleName()
                            + " has no shape yet: initialise the block before counting its FLOPs");
        }
        return p.getShape();
    }

    private static boolean hasTrainableWeights(Block block) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (p.getValue().requiresGradient()) {
                return true;
            }
        }
        return false;
    }

    private static String label(Block block) {
        if (block instanceof LambdaBlock lambda) {
            return lambda.getName();
        }
        return block.getClass().getSimpleName();
    }
}
