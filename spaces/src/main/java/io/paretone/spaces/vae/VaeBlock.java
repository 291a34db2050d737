package io.paretone.spaces.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.blocks.UpsampleConv;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.training.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The VAE: an encoder (used in training only) and a decoder (used to generate). The root block's
 * forward pass decodes latents {@code [B, Z, T]} to audio {@code [B, T x 2^layers]}. Counted as a
 * training example is: the crop encoded, its latent decoded (generation counts the decoder alone).
 */
public final class VaeBlock extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private static final float SLOPE = 0.2f;

    private final VaeArchitecture arch;
    private final Encoder encoder;
    private final Decoder decoder;

    VaeBlock(VaeArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        encoder = addChildBlock("encoder", new Encoder(arch));
        decoder = addChildBlock("decoder", new Decoder(arch));
    }

    public VaeArchitecture architecture() {
        return arch;
    }

    public Block encoder() {
        return encoder;
    }

    public Block decoder() {
        return decoder;
    }

    /** The posterior's mean and log-variance, each {@code [B, Z, L / 2^layers]}, of audio {@code [B, L]}. */
    NDArray[] encode(StepContext context, NDArray audio) {
        NDArray h = encoder.forward(context.parameters(), new NDList(audio.expandDims(1)), true)
                .singletonOrThrow();
        // Split, not sliced: the backward pass of a split is one concatenation, of two slices two
        // zero-filled arrays, two copies and an addition.
        NDList meanAndLogVariance = h.split(new long[] {arch.latent()}, 1);
        return new NDArray[] {meanAndLogVariance.get(0), context.clip(meanAndLogVariance.get(1), -10, 10)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return decoder.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return decoder.getOutputShapes(inputShapes);
    }

    /** One training example: encoding the crop these latents stand for, then decoding them. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        Shape z = inputShapes[0];
        return counter.of(encoder, new Shape(z.get(0), 1, z.get(2) * arch.hop())) + counter.of(decoder, z);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape z = inputShapes[0];
        decoder.initialize(manager, dataType, z);
        encoder.initialize(manager, dataType, new Shape(z.get(0), 1, z.get(2) * arch.hop()));
    }

    private static Block conv(int kernel, int stride, int filters) {
        return new TapConv1d(kernel, stride, kernel / 2, filters, true);
    }

    /** Strided convolutions with leaky ReLU, then a 1x1 convolution to mean and log-variance. */
    static final class Encoder extends AbstractBlock implements FlopCountable {
        private final List<Block> layers = new ArrayList<>();
        private final Block head;

        Encoder(VaeArchitecture arch) {
            super(VERSION);
            for (int i = 0; i < arch.layers(); i++) {
                layers.add(addChildBlock("down" + i, conv(arch.kernelSize(), 2, arch.channels())));
            }
            head = addChildBlock("posterior", conv(1, 1, 2 * arch.latent()));
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray h = inputs.singletonOrThrow();
            for (Block layer : layers) {
                h = Activation.leakyRelu(
                        layer.forward(ps, new NDList(h), training).singletonOrThrow(), SLOPE);
            }
            return head.forward(ps, new NDList(h), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape s = inputShapes[0];
            for (Block layer : layers) {
                s = layer.getOutputShapes(new Shape[] {s})[0];
            }
            return head.getOutputShapes(new Shape[] {s});
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape s = inputShapes[0];
            for (Block layer : layers) {
                layer.initialize(manager, dataType, s);
                s = layer.getOutputShapes(new Shape[] {s})[0];
            }
            head.initialize(manager, dataType, s);
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            Shape s = inputShapes[0];
            long total = 0;
            for (Block layer : layers) {
                total += counter.of(layer, s);
                s = layer.getOutputShapes(new Shape[] {s})[0];
                total += s.size(); // leaky ReLU
            }
            return total + counter.of(head, s);
        }
    }

    /** A 1x1 convolution from the latent, upsample-and-convolve layers with leaky ReLU, a convolution to one channel, tanh. */
    static final class Decoder extends AbstractBlock implements FlopCountable {
        private final Block input;
        private final List<Block> layers = new ArrayList<>();
        private final Block output;

        Decoder(VaeArchitecture arch) {
            super(VERSION);
            input = addChildBlock("from_latent", conv(1, 1, arch.channels()));
            for (int i = 0; i < arch.layers(); i++) {
                layers.add(addChildBlock("up" + i, new UpsampleConv(2, arch.kernelSize(), arch.channels())));
            }
            output = addChildBlock("to_audio", conv(arch.kernelSize(), 1, 1));
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray h = Activation.leakyRelu(input.forward(ps, inputs, training).singletonOrThrow(), SLOPE);
            for (Block layer : layers) {
                h = Activation.leakyRelu(
                        layer.forward(ps, new NDList(h), training).singletonOrThrow(), SLOPE);
            }
            NDArray audio = output.forward(ps, new NDList(h), training)
                    .singletonOrThrow()
                    .tanh();
            return new NDList(audio.squeeze(1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape z = inputShapes[0];
            return new Shape[] {new Shape(z.get(0), z.get(2) << layers.size())};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape s = inputShapes[0];
            input.initialize(manager, dataType, s);
            s = input.getOutputShapes(new Shape[] {s})[0];
            for (Block layer : layers) {
                layer.initialize(manager, dataType, s);
                s = layer.getOutputShapes(new Shape[] {s})[0];
            }
            output.initialize(manager, dataType, s);
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            Shape s = inputShapes[0];
            long total = counter.of(input, s);
            s = input.getOutputShapes(new Shape[] {s})[0];
            total += s.size(); // leaky ReLU
            for (Block layer : layers) {
                total += counter.of(layer, s);
                s = layer.getOutputShapes(new Shape[] {s})[0];
                total += s.size(); // leaky ReLU
            }
            total += counter.of(output, s);
            return total + s.get(0) * s.get(2); // tanh
        }
    }
}
