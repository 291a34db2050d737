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
 * The reproduction behind {@link TapConv1d}'s workaround, run by hand (not a test: it is random by
 * nature and takes half a minute): native Conv1d backward passes of random small shapes, one after
 * another in one process, counting those whose gradients hold NaN. On the 2-core development VM
 * (AVX-512, PyTorch 2.7.1 CPU, oneDNN 3.7.1) 16 to 24 of 300 had NaN input gradients with two
 * threads, 10 of 300 with one; capping oneDNN at AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX2}) left 3 of
 * 300, then in weight gradients of stride-2 shapes. No failing shape fails again on its own in a
 * fresh process: the passes read memory left over by earlier ones, so it is uninitialised memory
 * in PyTorch's CPU convolution backward (oneDNN's {@code brgconv} backward-data kernels), not a
 * shape rule a guard could avoid.
 *
 * <pre>
 * mvn -B -q -pl spaces -am test-compile
 * java -cp "spaces/target/test-classes:spaces/target/classes:experiments/target/lib/*" \
 *     io.paretone.spaces.blocks.ConvBackwardNanProbe 300
 * </pre>
 */
public final class ConvBackwardNanProbe {
    private ConvBackwardNanProbe() {}

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Engine engine = DjlRuntime.engine();
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
                    Conv1d conv = Conv1d.builder().setKernelShape(new Shape(k)).optDilation(new Shape(dilation))
                            .optPadding(new Shape(padding)).optStride(new Shape(stride)).setFilters(cout).build();
                    conv.initialize(m, DataType.FLOAT32, new Shape(batch, cin, length));
                    NDArray x = m.randomNormal(new Shape(batch, cin, length));
                    x.setRequiresGradient(true);
                    try (GradientCollector g = engine.newGradientCollector()) {
                        NDArray y = conv.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                        g.backward(y.square().sum());
                    }
                    boolean input = x.getGradient().isNaN().any().getBoolean();
                    boolean weights = false;
                    for (var p : conv.getParameters()) {
                        weights |= p.getValue().getArray().getGradient().isNaN().any().getBoolean();
                        p.getValue().close();
                    }
                    if (input || weights) {
                        bad++;
                        System.out.printf("NaN in the %s gradient: kernel %d, %d -> %d channels, dilation %d, stride %d,"
                                + " padding %d, length %d, batch %d%n", input ? "input" : "weight", k, cin, cout,
                                dilation, stride, padding, length, batch);
                    }
                }
            }
        }
        System.out.printf("NaN gradients in %d of %d native conv1d backward passes%n", bad, passes);
    }
}
