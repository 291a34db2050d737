package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.embedding.TrainableWordEmbedding;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv1dTranspose;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.core.Prelu;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.ParallelJoin;
import io.paretone.spaces.cost.Pooling;
import io.paretone.spaces.cost.Upsample;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each layer rule against a hand count from the formula in {@link FlopCounter}'s documentation. */
class FlopCounterTest {
    private final FlopCounter counter = FlopCounter.training();

    /** Initialises a block on the CPU and returns the output shapes of a real forward pass on zeros. */
    static Shape[] forwardShapes(Block block, Shape... input) {
        try (Model model = Model.newInstance("shape", DjlRuntime.device("cpu"))) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);
            NDList in = new NDList();
            for (Shape s : input) {
                in.add(model.getNDManager().zeros(s));
            }
            NDList out = block.forward(new ParameterStore(model.getNDManager(), false), in, false);
            return out.getShapes();
        }
    }

    @Test
    void dilatedGroupedConvolutionCountsTwoFlopsPerMultiplyAddPlusBias() {
        Block conv = Conv1d.builder()
                .setKernelShape(new Shape(3))
                .optDilation(new Shape(2))
                .optGroups(2)
                .setFilters(6)
                .build();
        // L_out = 20 - 2 x (3 - 1) = 16; 2 x N 2 x C_out 6 x L_out 16 x (C_in 8 / groups 2) x K 3 = 4608,
        // bias N x C_out x L_out = 192.
        assertEquals(4608 + 192, counter.of(conv, new Shape(2, 8, 20)));
    }

    @Test
    void strideAndPaddingChangeTheOutputLength() {
        Block conv = Conv1d.builder()
                .setKernelShape(new Shape(4))
                .optStride(new Shape(2))
                .optPadding(new Shape(1))
                .setFilters(3)
                .optBias(false)
                .build();
        // L_out = floor((10 + 2 - 4) / 2) + 1 = 5; 2 x 1 x 3 x 5 x 2 x 4 = 240.
        assertEquals(240, counter.of(conv, new Shape(1, 2, 10)));
    }

    @Test
    void twoDimensionalConvolutionCountsEveryOutputPixel() {
        Block conv = Conv2d.builder()
                .setKernelShape(new Shape(3, 2))
                .optStride(new Shape(2, 1))
                .optPadding(new Shape(1, 0))
                .optDilation(new Shape(1, 2))
                .optGroups(2)
                .setFilters(6)
                .build();
        Shape input = new Shape(1, 4, 9, 11);
        // H_out = floor((9 + 2 - 1 x 2 - 1) / 2) + 1 = 5; W_out = floor((11 - 2 x 1 - 1) / 1) + 1 = 9.
        // 2 x 1 x 6 x (5 x 9) x (4 / 2) x (3 x 2) = 6480; bias 6 x 45 = 270.
        assertEquals(6480 + 270, counter.of(conv, input));
        assertEquals(new Shape(1, 6, 5, 9), forwardShapes(conv, input)[0], "PyTorch agrees on the output size");
    }

    @Test
    void transposedConvolutionCountsEveryInputPosition() {
        Block deconv = Conv1dTranspose.builder()
                .setKernelShape(new Shape(3))
                .optStride(new Shape(2))
                .optGroups(2)
                .setFilters(6)
                .build();
        Shape input = new Shape(1, 4, 5);
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            deconv.initialize(model.getNDManager(), DataType.FLOAT32, input);
            // 2 x N 1 x L_in 5 x C_in 4 x (C_out 6 / groups 2) x K 3 = 360;
            // L_out = (5 - 1) x 2 + (3 - 1) + 1 = 11, bias 6 x 11 = 66.
            assertEquals(360 + 66, counter.of(deconv, input));
        }
    }

    @Test
    void linearLayerCountsEveryRow() {
        Block linear = Linear.builder().setUnits(5).build();
        // 2 x 3 rows x 10 in x 5 out = 300, bias 3 x 5 = 15.
        assertEquals(315, counter.of(linear, new Shape(3, 10)));
        Block noBias = Linear.builder().setUnits(5).optBias(false).build();
        // Rows of a [2, 3, 10] input: 6; 2 x 6 x 10 x 5 = 600.
        assertEquals(600, counter.of(noBias, new Shape(2, 3, 10)));
    }

    @Test
    void twoLayerLstmCountsAllGatesAtEveryStep() {
        Block lstm = ai.djl
                .nn
                .recurrent
                .LSTM
                .builder()
                .setStateSize(4)
                .setNumLayers(2)
                .build();
        Shape input = new Shape(new long[] {2, 5, 3}, "NTC");
        // Per step and row, G = 4 gates, H = 4: 2 x G x H x (I + H) + 2 x G x H (biases) + G x H (sums) + 9 x H.
        long layer0 = 2 * 16 * (3 + 4) + 2 * 16 + 16 + 9 * 4; // I = 3: 308
        long layer1 = 2 * 16 * (4 + 4) + 2 * 16 + 16 + 9 * 4; // I = H = 4: 340
        assertEquals(new Shape(2, 5, 4), forwardShapes(lstm, input)[0], "LSTM initialises and runs on the CPU");
        assertEquals((layer0 + layer1) * 2 * 5, counter.of(lstm, input));
    }

    @Test
    void twoLayerGruCountsItsThreeGates() {
        Block gru = ai.djl
                .nn
                .recurrent
                .GRU
                .builder()
                .setStateSize(3)
                .setNumLayers(2)
                .build();
        Shape input = new Shape(new long[] {1, 6, 2}, "NTC");
        // Per step and row, G = 3, H = 3: 2 x 9 x (I + 3) + 2 x 9 + 9 + 8 x 3.
        long layer0 = 2 * 9 * (2 + 3) + 2 * 9 + 9 + 8 * 3; // I = 2: 141
        long layer1 = 2 * 9 * (3 + 3) + 2 * 9 + 9 + 8 * 3; // I = H = 3: 159
        assertEquals(new Shape(1, 6, 3), forwardShapes(gru, input)[0], "GRU initialises and runs on the CPU");
        assertEquals((layer0 + layer1) * 6, counter.of(gru, input));
    }

    @Test
    void bidirectionalGruFeedsBothDirectionsToItsSecondLayer() {
        // DJL 0.36's PyTorch engine declares bidirectional parameters but cannot run them (its weight
        // order does not match PyTorch's); counting needs only the declared shapes.
        Block gru = ai.djl
                .nn
                .recurrent
                .GRU
                .builder()
                .setStateSize(3)
                .setNumLayers(2)
                .optBidirectional(true)
                .build();
        Shape input = new Shape(new long[] {1, 6, 2}, "NTC");
        long layer0 = 2 * (2 * 9 * (2 + 3) + 2 * 9 + 9 + 8 * 3); // both directions, I = 2
        long layer1 = 2 * (2 * 9 * (6 + 3) + 2 * 9 + 9 + 8 * 3); // both directions, I = 2H = 6
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            gru.initialize(model.getNDManager(), DataType.FLOAT32, input);
            assertEquals((layer0 + layer1) * 6, counter.of(gru, input));
        }
    }

    @Test
    void plainRnnCountsItsActivationOnce() {
        Block rnn = ai.djl
                .nn
                .recurrent
                .RNN
                .builder()
                .setStateSize(2)
                .setNumLayers(1)
                .setActivation(ai.djl.nn.recurrent.RNN.Activation.TANH)
                .build();
        Shape input = new Shape(new long[] {1, 2, 2}, "NTC");
        forwardShapes(rnn, input);
        // 2 x 2 x (2 + 2) + 2 x 2 + 2 + 2 = 24 per step, 2 steps.
        assertEquals(48, counter.of(rnn, input));
    }

    @Test
    void recurrentLayerMustBeInitialisedToBeCounted() {
        Block lstm = ai.djl
                .nn
                .recurrent
                .LSTM
                .builder()
                .setStateSize(4)
                .setNumLayers(1)
                .build();
        var e = assertThrows(IllegalStateException.class, () -> counter.of(lstm, new Shape(1, 2, 3)));
        assertTrue(e.getMessage().contains("initialise"), e.getMessage());
    }

    @Test
    void embeddingLookupIsNoArithmetic() {
        Block model = new SequentialBlock()
                .add(new IdEmbedding.Builder()
                        .setDictionarySize(10)
                        .setEmbeddingSize(4)
                        .build())
                .add(Linear.builder().setUnits(3).build());
        // Embedding: 0; linear on [2, 5, 4]: 2 x 10 rows x 4 x 3 + 10 x 3 = 270.
        assertEquals(270, counter.of(model, new Shape(2, 5)));
        Block words = new TrainableWordEmbedding(new DefaultVocabulary(List.of("a", "b")), 4);
        assertEquals(0, counter.of(words, new Shape(2, 5)));
    }

    @Test
    void normalisationCountsStatisticsOnlyWhereTheyAreComputed() {
        Shape x = new Shape(2, 3, 5); // 30 elements
        assertEquals(30 * 7, FlopCounter.training().of(BatchNorm.builder().build(), x));
        assertEquals(30 * 4, FlopCounter.inference().of(BatchNorm.builder().build(), x));
        assertEquals(30 * 7, FlopCounter.inference().of(LayerNorm.builder().build(), x));
        assertEquals(30 * 2, FlopCounter.training().of(Dropout.builder().build(), x));
        assertEquals(0, FlopCounter.inference().of(Dropout.builder().build(), x));
    }

    @Test
    void everyDjlActivationCostsOneFlopPerElement() {
        List<Block> activations = List.of(
                Activation.reluBlock(),
                Activation.relu6Block(),
                Activation.sigmoidBlock(),
                Activation.tanhBlock(),
                Activation.softPlusBlock(),
                Activation.softSignBlock(),
                Activation.leakyReluBlock(0.1f),
                Activation.eluBlock(1f),
                Activation.seluBlock(),
                Activation.geluBlock(),
                Activation.swishBlock(1f),
                Activation.mishBlock(),
                new Prelu());
        for (Block a : activations) {
            assertEquals(2 * 3 * 7, counter.of(a, new Shape(2, 3, 7)), a.toString());
        }
        assertEquals(activations.size() - 1, FlopCounter.ACTIVATION_NAMES.size(), "every named activation is tested");
    }

    @Test
    void identityAndFlattenMoveDataOnly() {
        assertEquals(0, counter.of(Blocks.identityBlock(), new Shape(2, 3)));
        assertEquals(0, counter.of(Blocks.batchFlattenBlock(), new Shape(2, 3, 4)));
    }

    @Test
    void globalPoolingReducesEveryChannel() {
        // Max over 10 positions: 9 comparisons for each of 2 x 3 outputs.
        assertEquals(6 * 9, counter.of(Pool.globalMaxPool1dBlock(), new Shape(2, 3, 10)));
        // Average over 4 x 5 positions: 19 additions and 1 multiplication for each of 1 x 2 outputs.
        assertEquals(2 * 20, counter.of(Pool.globalAvgPool2dBlock(), new Shape(1, 2, 4, 5)));
    }

    @Test
    void poolingWithAKernelCountsEachWindow() {
        Block max = Pooling.max(new Shape(3), new Shape(2), new Shape(1));
        // L_out = floor((9 + 2 - 3) / 2) + 1 = 5; 2 x 5 outputs x (3 - 1) comparisons.
        assertEquals(2 * 5 * 2, counter.of(max, new Shape(1, 2, 9)));
        Block avg = Pooling.average(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0));
        // [1, 3, 4, 6] -> [1, 3, 2, 3]: 18 outputs x 4 taps (3 additions, 1 multiplication).
        assertEquals(18 * 4, counter.of(avg, new Shape(1, 3, 4, 6)));
    }

    @Test
    void upsamplingCopiesAndTheNextLayerSeesTheLongerSignal() {
        Block model = new SequentialBlock()
                .add(new Upsample(3))
                .add(Conv1d.builder()
                        .setKernelShape(new Shape(1))
                        .setFilters(1)
                        .optBias(false)
                        .build());
        // [1, 2, 5] -> [1, 2, 15]; 1x1 convolution: 2 x 1 x 1 x 15 x 2 x 1 = 60.
        assertEquals(60, counter.of(model, new Shape(1, 2, 5)));
    }

    @Test
    void residualSumAndGateCountTheirJoin() {
        Shape x = new Shape(1, 4, 6); // 24 elements
        Block residual = ParallelJoin.sum(
                Blocks.identityBlock(),
                Conv1d.builder().setKernelShape(new Shape(1)).setFilters(4).build());
        // 1x1 convolution 2 x 4 x 6 x 4 + bias 24 = 216; the addition 24.
        assertEquals(216 + 24, counter.of(residual, x));
        Block gate = ParallelJoin.product(Activation.tanhBlock(), Activation.sigmoidBlock());
        assertEquals(24 + 24 + 24, counter.of(gate, x));
        Block concat = ParallelJoin.concat(Activation.reluBlock(), Blocks.identityBlock());
        assertEquals(24, counter.of(concat, x));
    }

    @Test
    void djlParallelBlockIsRefusedBecauseItsJoinIsOpaque() {
        Block parallel =
                new ParallelBlock(outs -> outs.get(0), List.of(Blocks.identityBlock(), Blocks.identityBlock()));
        var e = assertThrows(UncountableLayerException.class, () -> counter.of(parallel, new Shape(1, 2)));
        assertTrue(e.getMessage().contains(ParallelBlock.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("ParallelJoin"), e.getMessage());
    }

    @Test
    void layerWithoutARuleIsAnErrorNamingItsType() {
        Block unknown = new OpaqueBlock();
        Block model = new SequentialBlock().add(Activation.reluBlock()).add(unknown);
        var e = assertThrows(UncountableLayerException.class, () -> counter.of(model, new Shape(1, 4)));
        assertTrue(e.getMessage().contains(OpaqueBlock.class.getName()), e.getMessage());
    }

    @Test
    void unnamedLambdaIsAnErrorNamingIt() {
        Block lambda = new LambdaBlock(x -> x, "mystery");
        var e = assertThrows(UncountableLayerException.class, () -> counter.of(lambda, new Shape(1, 4)));
        assertTrue(
                e.getMessage().contains(LambdaBlock.class.getName())
                        && e.getMessage().contains("'mystery'"),
                e.getMessage());
        Block pool = Pool.maxPool1dBlock(new Shape(2));
        var p = assertThrows(UncountableLayerException.class, () -> counter.of(pool, new Shape(1, 2, 8)));
        assertTrue(p.getMessage().contains("Pooling"), p.getMessage());
    }

    @Test
    void countingNeedsNoInitialisedWeightsForConvolutions() {
        try (Model model = Model.newInstance("x", DjlRuntime.device("cpu"))) {
            Block conv =
                    Conv1d.builder().setKernelShape(new Shape(1)).setFilters(2).build();
            long before = counter.of(conv, new Shape(1, 3, 5));
            conv.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 5));
            assertEquals(before, counter.of(conv, new Shape(1, 3, 5)));
        }
    }

    /** A block of some other project: it has no rule and does not count itself. */
    private static final class OpaqueBlock extends AbstractBlock {
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return in;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
