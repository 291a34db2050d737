package io.paretone.spaces.wavegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.blocks.TwoPartBlock;
import io.paretone.spaces.blocks.UpsampleConv;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import java.util.ArrayList;
import java.util.List;

/**
 * Both players of WaveGAN in one block, so one model holds (and counts) every trained weight; the
 * root forward pass is the generator's. The training recipe updates each part with its own Adam.
 * Counted as a training example is: a clip generated and judged by the discriminator (generation
 * counts the generator alone).
 */
public final class WaveGanBlock extends TwoPartBlock {
    private static final byte VERSION = 1;
    private final WaveGanArchitecture arch;
    private final Generator generator;
    private final Discriminator discriminator;

    WaveGanBlock(WaveGanArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        generator = addChildBlock("generator", new Generator(arch));
        discriminator = addChildBlock("discriminator", new Discriminator(arch));
    }

    public WaveGanArchitecture architecture() {
        return arch;
    }

    public Block generator() {
        return generator;
    }

    public Block discriminator() {
        return discriminator;
    }

    @Override
    protected Block generating() {
        return generator;
    }

    @Override
    protected Block reading() {
        return discriminator;
    }

    /** Latent {@code [B, Z]} to audio {@code [B, N]}: dense to 16 steps, ReLU, upsample-and-convolve layers, tanh. */
    static final class Generator extends AbstractBlock implements FlopCountable {
        private final WaveGanArchitecture arch;
        private final Block dense;
        private final List<Block> layers = new ArrayList<>();

        Generator(WaveGanArchitecture arch) {
            super(VERSION);
            this.arch = arch;
            dense = addChildBlock(
                    "dense",
                    Linear.builder()
                            .setUnits((long) WaveGanArchitecture.BASE_LENGTH * arch.generatorChannels(0))
                            .build());
            for (int i = 0; i < arch.layers(); i++) {
                layers.add(addChildBlock(
                        "up" + i, new UpsampleConv(arch.stride(), arch.kernelSize(), arch.generatorChannels(i + 1))));
            }
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray z = inputs.singletonOrThrow();
            NDArray h = dense.forward(ps, inputs, training)
                    .singletonOrThrow()
                    .reshape(z.getShape().get(0), arch.generatorChannels(0), WaveGanArchitecture.BASE_LENGTH);
            h = Activation.relu(h);
            for (int i = 0; i < layers.size(); i++) {
                h = layers.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
                h = i == layers.size() - 1 ? h.tanh() : Activation.relu(h);
            }
            return new NDList(h.squeeze(1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), arch.clipLength())};
        }

        private Shape layerInput(long b, int i) {
            long length = WaveGanArchitecture.BASE_LENGTH;
            for (int j = 0; j < i; j++) {
                length *= arch.stride();
            }
            return new Shape(b, arch.generatorChannels(i), length);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            dense.initialize(manager, dataType, inputShapes);
            long b = inputShapes[0].get(0);
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).initialize(manager, dataType, layerInput(b, i));
            }
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            long total = counter.of(dense, inputShapes) + layerInput(b, 0).size(); // ReLU
            for (int i = 0; i < layers.size(); i++) {
                total += counter.of(layers.get(i), layerInput(b, i));
                Shape out = layers.get(i).getOutputShapes(new Shape[] {layerInput(b, i)})[0];
                total += out.size(); // ReLU, or tanh after the last layer
            }
            return total;
        }
    }

    /**
     * Audio {@code [B, N]} to one score per clip: strided convolutions with leaky ReLU (slope 0.2),
     * phase shuffle after every layer but the last while training, then a dense layer.
     */
    static final class Discriminator extends AbstractBlock implements FlopCountable {
        private final WaveGanArchitecture arch;
        private final List<Block> layers = new ArrayList<>();
        private final Block dense;

        Discriminator(WaveGanArchitecture arch) {
            super(VERSION);
            this.arch = arch;
            for (int i = 0; i < arch.layers(); i++) {
                layers.add(addChildBlock(
                        "down" + i,
                        new TapConv1d(
                                arch.kernelSize(), arch.stride(), arch.kernelSize() / 2, arch.modelSize() << i, true)));
            }
            dense = addChildBlock("dense", Linear.builder().setUnits(1).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray h = inputs.singletonOrThrow().expandDims(1);
            for (int i = 0; i < layers.size(); i++) {
                h = Activation.leakyRelu(
                        layers.get(i).forward(ps, new NDList(h), training).singletonOrThrow(), 0.2f);
                if (training && i < layers.size() - 1) {
                    h = PhaseShuffle.apply(h, arch.phaseShuffle());
                }
            }
            return dense.forward(ps, new NDList(h.reshape(h.getShape().get(0), -1)), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
        }

        private Shape layerInput(long b, int i) {
            long length = arch.clipLength();
            for (int j = 0; j < i; j++) {
                length /= arch.stride();
            }
            return new Shape(b, i == 0 ? 1 : arch.modelSize() << (i - 1), length);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).initialize(manager, dataType, layerInput(b, i));
            }
            Shape last = layerInput(b, layers.size());
            dense.initialize(manager, dataType, new Shape(b, last.get(1) * last.get(2)));
        }

        @Override
        public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            long total = 0;
            for (int i = 0; i < layers.size(); i++) {
                total += counter.of(layers.get(i), layerInput(b, i))
                        + layerInput(b, i + 1).size(); // leaky ReLU
            }
            Shape last = layerInput(b, layers.size());
            return total + counter.of(dense, new Shape(b, last.get(1) * last.get(2)));
        }
    }
}
