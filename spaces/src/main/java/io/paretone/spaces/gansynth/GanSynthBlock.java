package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv2d;
import io.paretone.spaces.blocks.TwoPartBlock;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.runtime.DeviceConstants;
import java.util.ArrayList;
import java.util.List;

/**
 * Both players of GANSynth in one block, so one model holds (and counts) every trained weight; the
 * root forward pass is the generator's. Images are {@code [B, channels, frames, bins]}; 3x3
 * convolutions are {@link TapConv2d}s.
 */
public final class GanSynthBlock extends TwoPartBlock {
    private static final byte VERSION = 1;
    private static final float LEAK = 0.2f;
    private static final float EPSILON = 1e-8f;

    private final GanSynthArchitecture arch;
    private final Generator generator;
    private final Critic critic;

    GanSynthBlock(GanSynthArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        generator = addChildBlock("generator", new Generator(arch));
        critic = addChildBlock("critic", new Critic(arch));
    }

    public GanSynthArchitecture architecture() {
        return arch;
    }

    /** Latent and one-hot pitch {@code [B, latent + 61]} to an image in (-1, 1). */
    public Block generator() {
        return generator;
    }

    /** An image to its score {@code [B, 1]} and pitch logits {@code [B, 61]}. */
    public Block critic() {
        return critic;
    }

    @Override
    protected Block generating() {
        return generator;
    }

    @Override
    protected Block reading() {
        return critic;
    }

    /** Images {@code [B, channels, frames, bins]}, what the critic reads. */
    @Override
    protected Shape[] generatedShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), arch.imageChannels(), arch.frames(), arch.bins())};
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private static NDArray leaky(NDArray x) {
        return Activation.leakyRelu(x, LEAK);
    }

    /** Each feature vector scaled to unit mean square over the channels (axis 1). */
    static NDArray pixelNorm(NDArray x) {
        return x.div(x.square()
                .mean(new int[] {1}, true)
                .add(DeviceConstants.of(x, EPSILON))
                .sqrt());
    }

    /** Leaky ReLU then pixel norm, 6 FLOPs per element (compare, product, square, mean, root, division). */
    private static final int ACTIVATION_FLOPS = 6;

    private static long elements(long batch, int channels, int frames, int bins) {
        return batch * channels * frames * bins;
    }

    /**
     * From a latent beside a one-hot pitch: pixel norm, a dense map to the first resolution (GANSynth's
     * padded kernel-sized convolution of the 1x1 input, which is a dense map with one bias per
     * channel), a 3x3 convolution, then per resolution nearest-neighbour upsampling by two and two
     * 3x3 convolutions, each followed by leaky ReLU and pixel norm; a 1x1 convolution and tanh to the
     * image.
     */
    static final class Generator extends AbstractBlock implements FlopCountable {
        private final GanSynthArchitecture arch;
        private final Block project;
        private final Parameter projectBias;
        private final List<Block> convs = new ArrayList<>();
        private final Block toImage;

        Generator(GanSynthArchitecture arch) {
            super(VERSION);
            this.arch = arch;
            int first = arch.channelsAt(1);
            project = addChildBlock(
                    "project",
                    Linear.builder()
                            .setUnits((long) first * arch.startFrames() * arch.startBins())
                            .optBias(false)
                            .build());
            projectBias = addParameter(Parameter.builder()
                    .setName("project_bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(1, first, 1, 1))
                    .build());
            convs.add(addChildBlock("conv1_1", TapConv2d.padded(3, 1, first)));
            for (int r = 2; r <= arch.resolutions(); r++) {
                convs.add(addChildBlock("conv" + r + "_0", TapConv2d.padded(3, 1, arch.channelsAt(r))));
                convs.add(addChildBlock("conv" + r + "_1", TapConv2d.padded(3, 1, arch.channelsAt(r))));
            }
            toImage = addChildBlock(
                    "to_image",
                    Conv2d.builder()
                            .setKernelShape(new Shape(1, 1))
                            .setFilters(arch.imageChannels())
                            .build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray z = pixelNorm(inputs.singletonOrThrow());
            long b = z.getShape().get(0);
            NDArray x = apply(project, ps, z, training)
                    .reshape(b, arch.channelsAt(1), arch.startFrames(), arch.startBins())
                    .add(ps.getValue(projectBias, z.getDevice(), training));
            x = pixelNorm(leaky(x));
            x = pixelNorm(leaky(apply(convs.get(0), ps, x, training)));
            for (int i = 1; i < convs.size(); i++) {
                if (i % 2 == 1) {
                    x = x.repeat(2, 2).repeat(3, 2); // nearest-neighbour upsampling of frames and bins
                }
                x = pixelNorm(leaky(apply(convs.get(i), ps, x, training)));
            }
            return new NDList(apply(toImage, ps, x, training).tanh());
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            long b = inputShapes[0].get(0);
            return new Shape[] {new Shape(b, arch.imageChannels(), arch.frames(), arch.bins())};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            project.initialize(manager, dataType, inputShapes[0]);
            int index = 0;
            for (int r = 1; r <= arch.resolutions(); r++) {
                int frames = arch.startFrames() << (r - 1);
                int bins = arch.startBins() << (r - 1);
                int in = r == 1 ? arch.channelsAt(1) : arch.channelsAt(r - 1);
                convs.get(index++).initialize(manager, dataType, new Shape(b, in, frames, bins));
                if (r > 1) {
                    convs.get(index++).initialize(manager, dataType, new Shape(b, arch.channelsAt(r), frames, bins));
                }
            }
            toImage.initialize(
                    manager, dataType, new Shape(b, arch.channelsAt(arch.resolutions()), arch.frames(), arch.bins()));
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            long total = 4 * inputShapes[0].size(); // the input's pixel norm
            int first = arch.channelsAt(1);
            total += counter.of(project, inputShapes[0]);
            long start = elements(b, first, arch.startFrames(), arch.startBins());
            total += start + ACTIVATION_FLOPS * start; // bias, activation
            int index = 0;
            for (int r = 1; r <= arch.resolutions(); r++) {
                int frames = arch.startFrames() << (r - 1);
                int bins = arch.startBins() << (r - 1);
                int in = r == 1 ? first : arch.channelsAt(r - 1);
                int out = arch.channelsAt(r);
                total += counter.of(convs.get(index++), new Shape(b, in, frames, bins)); // upsampling is a copy
                total += ACTIVATION_FLOPS * elements(b, out, frames, bins);
                if (r > 1) {
                    total += counter.of(convs.get(index++), new Shape(b, out, frames, bins));
                    total += ACTIVATION_FLOPS * elements(b, out, frames, bins);
                }
            }
            int last = arch.channelsAt(arch.resolutions());
            total += counter.of(toImage, new Shape(b, last, arch.frames(), arch.bins()));
            return total + elements(b, arch.imageChannels(), arch.frames(), arch.bins()); // tanh
        }
    }

    /**
     * The generator mirrored: a 1x1 convolution from the image, per resolution two 3x3 convolutions
     * and 2x2 average pooling, then the minibatch standard deviation as one more channel, a 3x3
     * convolution and a dense map over the first resolution (GANSynth's kernel-sized convolution),
     * all with leaky ReLU; then a score and, for the auxiliary classifier, 61 pitch logits.
     */
    static final class Critic extends AbstractBlock implements FlopCountable {
        private final GanSynthArchitecture arch;
        private final Block fromImage;
        private final List<Block> convs = new ArrayList<>();
        private final Block firstConv;
        private final Block last;
        private final Block score;
        private final Block pitch;

        Critic(GanSynthArchitecture arch) {
            super(VERSION);
            this.arch = arch;
            fromImage = addChildBlock(
                    "from_image",
                    Conv2d.builder()
                            .setKernelShape(new Shape(1, 1))
                            .setFilters(arch.channelsAt(arch.resolutions()))
                            .build());
            for (int r = arch.resolutions(); r >= 2; r--) {
                convs.add(addChildBlock("conv" + r + "_0", TapConv2d.padded(3, 1, arch.channelsAt(r))));
                convs.add(addChildBlock("conv" + r + "_1", TapConv2d.padded(3, 1, arch.channelsAt(r - 1))));
            }
            firstConv = addChildBlock("conv1_0", TapConv2d.padded(3, 1, arch.channelsAt(1)));
            last = addChildBlock(
                    "conv1_1", Linear.builder().setUnits(arch.channelsAt(0)).build());
            score = addChildBlock("score", Linear.builder().setUnits(1).build());
            pitch = addChildBlock(
                    "pitch", Linear.builder().setUnits(Pitches.COUNT).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray x = leaky(apply(fromImage, ps, inputs.singletonOrThrow(), training));
            for (int i = 0; i < convs.size(); i += 2) {
                x = leaky(apply(convs.get(i), ps, x, training));
                x = averagePool(leaky(apply(convs.get(i + 1), ps, x, training)));
            }
            x = leaky(apply(firstConv, ps, withBatchDeviation(x), training));
            NDArray h = leaky(apply(last, ps, x.reshape(x.getShape().get(0), -1), training));
            return new NDList(apply(score, ps, h, training), apply(pitch, ps, h, training));
        }

        /** 2x2 average pooling of frames and bins. */
        static NDArray averagePool(NDArray x) {
            Shape s = x.getShape();
            return x.reshape(s.get(0), s.get(1), s.get(2) / 2, 2, s.get(3) / 2, 2)
                    .mean(new int[] {5})
                    .mean(new int[] {3});
        }

        /** The batch's mean standard deviation over all features, as one more constant channel. */
        static NDArray withBatchDeviation(NDArray x) {
            NDArray deviation = x.sub(x.mean(new int[] {0}, true))
                    .square()
                    .mean(new int[] {0})
                    .add(DeviceConstants.of(x, EPSILON))
                    .sqrt()
                    .mean();
            return x.concat(x.get(":, 0:1, :, :").zerosLike().add(deviation), 1);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            long b = inputShapes[0].get(0);
            return new Shape[] {new Shape(b, 1), new Shape(b, Pitches.COUNT)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            fromImage.initialize(manager, dataType, inputShapes[0]);
            int index = 0;
            for (int r = arch.resolutions(); r >= 2; r--) {
                Shape in = new Shape(b, arch.channelsAt(r), arch.startFrames() << (r - 1), arch.startBins() << (r - 1));
                convs.get(index++).initialize(manager, dataType, in);
                convs.get(index++).initialize(manager, dataType, in);
            }
            firstConv.initialize(
                    manager, dataType, new Shape(b, arch.channelsAt(1) + 1, arch.startFrames(), arch.startBins()));
            last.initialize(
                    manager, dataType, new Shape(b, (long) arch.channelsAt(1) * arch.startFrames() * arch.startBins()));
            score.initialize(manager, dataType, new Shape(b, arch.channelsAt(0)));
            pitch.initialize(manager, dataType, new Shape(b, arch.channelsAt(0)));
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            int top = arch.resolutions();
            long total = counter.of(fromImage, inputShapes[0])
                    + elements(b, arch.channelsAt(top), arch.frames(), arch.bins()); // leaky ReLU
            int index = 0;
            for (int r = top; r >= 2; r--) {
                int frames = arch.startFrames() << (r - 1);
                int bins = arch.startBins() << (r - 1);
                Shape in = new Shape(b, arch.channelsAt(r), frames, bins);
                total += counter.of(convs.get(index++), in) + in.size();
                total += counter.of(convs.get(index++), in) + 2 * elements(b, arch.channelsAt(r - 1), frames, bins);
            }
            long first = elements(b, arch.channelsAt(1), arch.startFrames(), arch.startBins());
            total += 4 * first; // the batch deviation: difference, square, means, root
            total += counter.of(firstConv, new Shape(b, arch.channelsAt(1) + 1, arch.startFrames(), arch.startBins()))
                    + first;
            total += counter.of(last, new Shape(b, first / b)) + b * arch.channelsAt(0);
            Shape h = new Shape(b, arch.channelsAt(0));
            return total + counter.of(score, h) + counter.of(pitch, h);
        }
    }
}
