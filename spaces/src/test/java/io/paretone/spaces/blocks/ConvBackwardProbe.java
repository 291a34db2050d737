package io.paretone.spaces.blocks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;

/**
 * The reproduction behind the CPU's stacked taps and permuted kernels ({@link TapConv1d},
 * {@link KernelLayout}), run by hand (not a test: its second part is random and takes half a minute).
 *
 * <p>Root cause, part 1 (deterministic): on PyTorch 2.7.1's CPU build, a 1-D convolution whose kernel
 * is row-major runs oneDNN's blocked-layout ({@code nChw16c}) backward-data kernel, and its input
 * gradients are wrong for batches of 2 or more: on the 2-core development VM, batch 2, 4 -> 3
 * channels, kernel 3, padding 1, length 23 gave a largest error of 7.3 against loops, with one thread
 * or two, with oneDNN capped at AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX2}) too; batch 1 and 1x1 kernels
 * were right. The same convolution with the kernel as a permuted (channels-last) view runs oneDNN's
 * channels-last path ({@code ONEDNN_VERBOSE=1} shows both) and is right (errors under 1e-5).
 *
 * <p>Part 2 (random): native Conv1d blocks (row-major kernels) of random small shapes, one after
 * another in one process, counting those whose gradients hold NaN: 16 to 24 of 300 with two threads,
 * 10 of 300 with one. The same blocked backward-data kernel reading memory it did not write: a
 * failing shape does not fail again on its own in a fresh process.
 *
 * <pre>
 * mvn -B -q -pl spaces -am test-compile
 * java -cp "spaces/target/test-classes:spaces/target/classes:experiments/target/lib/*" \
 *     io.paretone.spaces.blocks.ConvBackwardProbe 300
 * </pre>
 */
public final class ConvBackwardProbe {
    private ConvBackwardProbe() {}

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Engine engine = DjlRuntime.engine();
        deterministic();
        engine.setRandomSeed(1);
        SplittableRandom r = new SplittableRandom(7);
        int bad = 0;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (int t = 0; t < passes; t++) {
                int k = 2 + r.nextInt(14);
                int cin = 1 + r.nextInt(16);
                int cout = 1 + r.nextInt(16);
                int stride = 1 + r.nextInt(2);
                int dilation = stride > 1 ? 1 : 1 << r.nextInt(4);
                int batch = 1 + r.nextInt(8);
                int padding = r.nextBoolean() ? 0 : (k / 2) * dilation;
                int length = k * dilation + 1 + r.nextInt(600);
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    Conv1d conv = Conv1d.builder()
                            .setKernelShape(new Shape(k))
                            .optDilation(new Shape(dilation))
                            .optPadding(new Shape(padding))
                            .optStride(new Shape(stride))
                            .setFilters(cout)
                            .build();
                    conv.initialize(m, DataType.FLOAT32, new Shape(batch, cin, length));
                    NDArray x = m.randomNormal(new Shape(batch, cin, length));
                    x.setRequiresGradient(true);
                    try (GradientCollector g = engine.newGradientCollector()) {
                        NDArray y = conv.forward(new ParameterStore(m, false), new NDList(x), true)
                                .singletonOrThrow();
                        g.backward(y.square().sum());
                    }
                    boolean input = x.getGradient().isNaN().any().getBoolean();
                    boolean weights = false;
                    for (var p : conv.getParameters()) {
                        weights |= p.getValue()
                                .getArray()
                                .getGradient()
                                .isNaN()
                                .any()
                                .getBoolean();
                        p.getValue().close();
                    }
                    if (input || weights) {
                        bad++;
                        System.out.printf(
                                "NaN in the %s gradient: kernel %d, %d -> %d channels, dilation %d, stride %d,"
                                        + " padding %d, length %d, batch %d%n",
                                input ? "input" : "weight", k, cin, cout, dilation, stride, padding, length, batch);
                    }
                }
            }
        }
        System.out.printf("NaN gradients in %d of %d native conv1d backward passes%n", bad, passes);
    }

    /** Part 1: each shape's largest input-gradient error against loops, row-major kernel vs permuted. */
    private static void deterministic() {
        int[][] shapes = {
            {2, 4, 3, 3, 1}, {1, 4, 3, 3, 1}, {2, 4, 3, 2, 0}, {2, 1, 1, 3, 1}, {2, 8, 8, 5, 2}, {2, 8, 8, 1, 0}
        };
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (int[] s : shapes) {
                int batch = s[0];
                int channels = s[1];
                int filters = s[2];
                int k = s[3];
                int padding = s[4];
                DjlRuntime.engine().setRandomSeed(5);
                NDArray x = m.randomNormal(new Shape(batch, channels, 23));
                NDArray mix = m.randomNormal(new Shape(filters, k * channels, 1));
                NDArray r = m.randomNormal(new Shape(batch, filters, 23 + 2 * padding - k + 1));
                NDArray permuted = mix.reshape(filters, k, channels).transpose(0, 2, 1);
                System.out.printf(
                        "batch %d, %d -> %d channels, kernel %d, padding %d: largest input-gradient error,"
                                + " row-major kernel %.3g, permuted kernel %.3g%n",
                        batch,
                        channels,
                        filters,
                        k,
                        padding,
                        LoopConv1d.inputGradientError(x, KernelLayout.rowMajor(permuted), r, padding),
                        LoopConv1d.inputGradientError(x, permuted, r, padding));
            }
        }
    }
}
