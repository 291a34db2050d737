package io.paretone.spaces.pixelcnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv2d;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.image.ImageLayers;

/**
 * The PixelCNN network: images {@code [B, 1, H, W]} in, logits {@code [B, levels, H, W]} out,
 * where the logits at a pixel depend only on the pixels before it in raster order.
 */
public final class PixelCnnBlock extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    private final PixelCnnArchitecture arch;
    private final SequentialBlock network = new SequentialBlock();

    PixelCnnBlock(PixelCnnArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        network.add(TapConv2d.causal(arch.firstKernel(), arch.channels(), true));
        for (int i = 0; i < arch.layers(); i++) {
            network.add(Activation.reluBlock()).add(TapConv2d.causal(3, arch.channels(), false));
        }
        network.add(Activation.reluBlock())
                .add(ImageLayers.conv(1, 1, arch.channels()))
                .add(Activation.reluBlock())
                .add(ImageLayers.conv(1, 1, arch.levels()));
        addChildBlock("network", network);
    }

    public PixelCnnArchitecture architecture() {
        return arch;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return network.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), arch.levels(), x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        network.initialize(manager, dataType, inputShapes);
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(network, inputShapes);
    }
}
