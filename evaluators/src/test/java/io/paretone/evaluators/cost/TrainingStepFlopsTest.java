package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.gansynth.GanSynthArchitecture;
import io.paretone.spaces.gansynth.GanSynthFamily;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.wavegan.WaveGanFamily;
import org.junit.jupiter.api.Test;

/**
 * GAN training FLOPs per step as the recipe runs them, against hand counts from the layer shapes.
 * With F a part's forward FLOPs per example and W the share of layers with weights, a pass costs
 * F (forward only), 2F + W (trained: backward = 2W + (F - W)) or 4F + 2W (gradient penalty: twice a
 * trained pass). A WGAN-GP critic update runs the generator forward only, the critic trained on a
 * real and a generated batch, and the penalty's pass: F_G + 2 (2F_D + W_D) + (4F_D + 2W_D). A
 * generator update trains both: (2F_G + W_G) + (2F_D + W_D).
 */
class TrainingStepFlopsTest {

    private static ModelCost cost(ModelFamily family, String genome) {
        return cost(family.decode(family.space().parse(genome)));
    }

    private static ModelCost cost(Architecture arch) {
        try (Model model = Model.newInstance("c", DjlRuntime.device("cpu"))) {
            Block block = arch.newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShapes(1));
            return ModelCost.count(arch, block, 16000);
        }
    }

    private static long criticUpdate(long fG, long fD, long wD, boolean penalty) {
        return fG + 2 * (2 * fD + wD) + (penalty ? 4 * fD + 2 * wD : 0);
    }

    private static long generatorUpdate(long fG, long wG, long fD, long wD) {
        return 2 * fG + wG + 2 * fD + wD;
    }

    // A tiny WaveGAN, d = 2, 3 layers of stride 4 and width 5, latent 16: 1024 samples per clip;
    // generator channels 8 -> 4 -> 2 -> 1 over lengths 16 -> 64 -> 256 -> 1024. Per example:
    private static final String TINY_WAVEGAN = "model_size=2 layers=3 stride=4 kernel_size=5 phase_shuffle=0"
            + " critic_updates=2 latent=16 training_steps=10 batch_size=4 learning_rate=1e-3";
    // Generator. Dense 16 -> 128 with bias. Each upsampling layer is counted as the transposed
    // convolution it stands for: 2 x L_in x C_in x C_out x K products; its bias on the L_in
    // positions belongs to the weighted convolution, on the other 3 L_in outputs to the block.
    private static final long G_WEIGHTED = (2 * 16 * 128 + 128)
            + (2 * 16 * 8 * 4 * 5 + 4 * 16)
            + (2 * 64 * 4 * 2 * 5 + 2 * 64)
            + (2 * 256 * 2 * 1 * 5 + 256);
    private static final long G_REST = 128 // ReLU after the dense layer
            + (4 * 48 + 4 * 64) // bias beyond L_in, ReLU
            + (2 * 192 + 2 * 256)
            + (768 + 1024); // bias beyond L_in, tanh
    // Discriminator: convolutions of stride 4, width 5, padding 2: 1 -> 2 channels (1024 -> 256),
    // 2 -> 4 (256 -> 64), 4 -> 8 (64 -> 16), each with bias and leaky ReLU; dense 128 -> 1.
    private static final long D_WEIGHTED = (2 * 2 * 256 * 1 * 5 + 2 * 256)
            + (2 * 4 * 64 * 2 * 5 + 4 * 64)
            + (2 * 8 * 16 * 4 * 5 + 8 * 16)
            + (2 * 128 + 1);
    private static final long D_REST = 2 * 256 + 4 * 64 + 8 * 16;

    @Test
    void waveGanStepCountsEveryCriticUpdateAndTheGradientPenalty() {
        long fG = G_WEIGHTED + G_REST;
        long fD = D_WEIGHTED + D_REST;
        long perExample = 2 * criticUpdate(fG, fD, D_WEIGHTED, true) + generatorUpdate(fG, G_WEIGHTED, fD, D_WEIGHTED);
        ModelCost cost = cost(new WaveGanFamily(), "loss=wgan_gp " + TINY_WAVEGAN);
        assertEquals(4 * perExample, cost.trainingFlopsPerStep(), "batch 4");
        assertEquals(10 * 4 * perExample, cost.trainingFlops(), "10 steps");
    }

    @Test
    void hingeCriticUpdatesRunNoPenaltyPass() {
        long fG = G_WEIGHTED + G_REST;
        long fD = D_WEIGHTED + D_REST;
        long perExample = 2 * criticUpdate(fG, fD, D_WEIGHTED, false) + generatorUpdate(fG, G_WEIGHTED, fD, D_WEIGHTED);
        assertEquals(
                4 * perExample,
                cost(new WaveGanFamily(), "loss=hinge " + TINY_WAVEGAN).trainingFlopsPerStep());
    }

    /**
     * GANSynth at one resolution of 2 frames x 2 bins (smaller than its search space allows, so
     * built directly), 4 channels everywhere, latent 4 beside the 61 one-hot pitches, a magnitude
     * image only; 2 critic updates, batch 2, 10 steps. The
     * generator owns a bias parameter, so the counter counts its own element-wise work as work of
     * a layer with weights: all of its FLOPs are weighted.
     */
    @Test
    void ganSynthStepCountsEveryCriticUpdateAndTheGradientPenalty() {
        long fG = 4 * 65 // pixel norm of the input
                + 2 * 65 * 16 // dense 65 -> 4 x 2 x 2, no bias
                + 16
                + 6 * 16 // its bias, leaky ReLU and pixel norm
                + (2 * 4 * 4 * 4 * 9 + 4 * 4)
                + 6 * 16 // 3x3 convolution 4 -> 4 on 2 x 2, activation
                + (2 * 1 * 4 * 4 + 4) // 1x1 convolution 4 -> 1 to the image
                + 4; // tanh
        long wG = fG;
        long wD = (2 * 4 * 4 * 1 + 4 * 4) // 1x1 convolution 1 -> 4 from the image
                + (2 * 4 * 4 * 5 * 9 + 4 * 4) // 3x3 convolution of 4 channels and the batch deviation -> 4
                + (2 * 16 * 4 + 4) // dense 16 -> 4
                + (2 * 4 + 1) // score
                + (2 * 4 * 61 + 61); // pitch logits
        long fD = wD
                + 16 // leaky ReLU after the 1x1 convolution
                + 4 * 16 // the batch deviation
                + 16
                + 4; // leaky ReLUs after the 3x3 convolution and the dense layer
        long perExample = 2 * criticUpdate(fG, fD, wD, true) + generatorUpdate(fG, wG, fD, wD);
        GanSynthFamily family = new GanSynthFamily();
        Genome training = family.space()
                .parse("resolutions=3 start_frames=2 start_bins=2 channels=8 latent=8"
                        + " phase=griffin_lim critic_updates=2 training_steps=10 batch_size=2 learning_rate=1e-3");
        ModelCost cost = cost(new GanSynthArchitecture(training, 1, 2, 2, 4, 4, false, 2));
        assertEquals(2 * perExample, cost.trainingFlopsPerStep(), "batch 2");
        assertEquals(10 * 2 * perExample, cost.trainingFlops(), "10 steps");
    }

    /**
     * The published WaveGAN (d = 64, 5 layers of stride 4 and width 25, latent 100, 16384 samples,
     * WGAN-GP, 5 critic updates, batch 64), counted by hand from the paper's layer shapes.
     */
    @Test
    void publishedWaveGanStepMatchesTheHandCount() {
        // Generator: dense 100 -> 16 x 1024, then transposed convolutions of width 25 and stride 4,
        // channels 1024 -> 512 -> 256 -> 128 -> 64 -> 1 over lengths 16 -> 64 -> 256 -> 1024 -> 4096 -> 16384.
        long[] channels = {1024, 512, 256, 128, 64, 1};
        long wG = 2L * 100 * 16384 + 16384;
        long restG = 16384; // ReLU after the dense layer
        long length = 16;
        for (int i = 0; i < 5; i++) {
            long cIn = channels[i];
            long cOut = channels[i + 1];
            wG += 2 * length * cIn * cOut * 25 + cOut * length; // products, bias on the input's positions
            restG += cOut * 3 * length + cOut * 4 * length; // bias on the other outputs, ReLU (tanh last)
            length *= 4;
        }
        // Discriminator: convolutions of width 25, stride 4, padding 12: 1 -> 64 -> 128 -> 256 -> 512
        // -> 1024 channels over lengths 16384 -> 4096 -> 1024 -> 256 -> 64 -> 16, leaky ReLU after
        // each; dense 1024 x 16 -> 1.
        long[] dChannels = {1, 64, 128, 256, 512, 1024};
        long wD = 2L * 16384 + 1;
        long restD = 0;
        long outLength = 4096;
        for (int i = 0; i < 5; i++) {
            wD += 2 * dChannels[i + 1] * outLength * dChannels[i] * 25 + dChannels[i + 1] * outLength;
            restD += dChannels[i + 1] * outLength;
            outLength /= 4;
        }
        long fG = wG + restG;
        long fD = wD + restD;
        long perExample = 5 * criticUpdate(fG, fD, wD, true) + generatorUpdate(fG, wG, fD, wD);
        ModelCost cost =
                cost(new WaveGanFamily().decode(new WaveGanFamily().published().genome()));
        assertEquals(64 * perExample, cost.trainingFlopsPerStep());
        // The old count, one generator and discriminator pass per example, was about 12x under.
        assertEquals(12.0, (double) perExample / generatorUpdate(fG, wG, fD, wD), 0.5);
    }
}
