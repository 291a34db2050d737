package io.paretone.spaces.cost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Branches applied to the same input and joined by a known operation, so their cost can be
 * counted: DJL's own {@link ParallelBlock} takes an arbitrary join function, which no counter can
 * see into. With {@code Blocks.identityBlock()} as one branch, {@link #sum} is a residual
 * connection; {@link #product} of a tanh branch and a sigmoid branch is a gated activation.
 *
 * <p>Each branch returns one array. FLOPs: the branches' own, plus (branches - 1) x output elements
 * for a sum or a product; a concatenation moves data and counts zero.
 */
public final class ParallelJoin extends ParallelBlock implements FlopCountable {

    /** How the branch outputs are joined. */
    public enum Join {
        /** Element-wise sum; branches must give equal shapes. */
        SUM,
        /** Element-wise product; branches must give equal shapes. */
        PRODUCT,
        /** Concatenation along the channel axis (axis 1). */
        CONCAT
    }

    private final Join join;

    private ParallelJoin(Join join, List<Block> branches) {
        super(joinFunction(join), branches);
        if (branches.size() < 2) {
            throw new IllegalArgumentException("a parallel join needs at least two branches, got " + branches.size());
        }
        this.join = join;
    }

    /** The element-wise sum of the branches, a residual connection when one branch is the identity. */
    public static ParallelJoin sum(Block... branches) {
        return new ParallelJoin(Join.SUM, Arrays.asList(branches));
    }

    /** The element-wise product of the branches, a gate. */
    public static ParallelJoin product(Block... branches) {
        return new ParallelJoin(Join.PRODUCT, Arrays.asList(branches));
    }

    /** The branches' outputs concatenated on the channel axis. */
    public static ParallelJoin concat(Block... branches) {
        return new ParallelJoin(Join.CONCAT, Arrays.asList(branches));
    }

    public Join join() {
        return join;
    }

    private static Function<List<NDList>, NDList> joinFunction(Join join) {
        return outputs -> {
            List<NDArray> arrays = new ArrayList<>(outputs.size());
            for (NDList out : outputs) {
                arrays.add(out.singletonOrThrow());
            }
            // A switch expression: a new Join that is not handled here does not compile.
            NDArray joined =
                    switch (join) {
                        case SUM -> arrays.stream().reduce(NDArray::add).orElseThrow();
                        case PRODUCT -> arrays.stream().reduce(NDArray::mul).orElseThrow();
                        case CONCAT -> NDArrays.concat(new NDList(arrays), 1);
                    };
            return new NDList(joined);
        };
    }

    /**
     * Computed from the branches' shapes (the parent class runs the join on zeros): a sum or product
     * broadcasts them, a concatenation adds their channels.
     */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] out = null;
        for (Block branch : getChildren().values()) {
            long[] b = branch.getOutputShapes(inputShapes)[0].getShape();
            out = out == null ? b.clone() : join == Join.CONCAT ? concat(out, b) : broadcast(out, b);
        }
        return new Shape[] {new Shape(out)};
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = a.clone();
        c[1] += b[1];
        return c;
    }

    private static long[] broadcast(long[] a, long[] b) {
        long[] c = new long[Math.max(a.length, b.length)];
        for (int i = 1; i <= c.length; i++) {
            long x = i <= a.length ? a[a.length - i] : 1;
            long y = i <= b.length ? b[b.length - i] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(
                        "branch outputs " + new Shape(a) + " and " + new Shape(b) + " cannot be joined element-wise");
            }
            c[c.length - i] = Math.max(x, y);
        }
        return c;
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long total = 0;
        for (Block branch : getChildren().values()) {
            total += counter.of(branch, inputShapes);
        }
        if (join == Join.CONCAT) {
            return total;
        }
        long elements = getOutputShapes(inputShapes)[0].size();
        return total + (getChildren().size() - 1L) * elements;
    }
}
