package io.paretone.evaluators.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.flow.FlowFamily;
import io.paretone.spaces.gansynth.GanSynthFamily;
import io.paretone.spaces.samplernn.SampleRnnFamily;
import io.paretone.spaces.sing.SingFamily;
import io.paretone.spaces.wavegan.WaveGanFamily;
import org.junit.jupiter.api.Test;

/** Published configurations counted at full scale against hand counts from the papers' layer shapes. */
class PublishedCostTest {
    @Test
    void waveGanCountsGeneratorAndDiscriminatorAsInThePaperTables() {
        // Generator: dense 100 -> 16 x 1024, then width-25 convolutions 1024 -> 512 -> 256 -> 128 -> 64 -> 1.
        long generator = 100L * 16384 + 16384;
        int[] g = {1024, 512, 256, 128, 64, 1};
        for (int i = 0; i < 5; i++) {
            generator += (long) g[i] * 25 * g[i + 1] + g[i + 1];
        }
        // Discriminator: width-25 convolutions 1 -> 64 -> ... -> 1024, then dense 16 x 1024 -> 1.
        long discriminator = 1024L * 16 + 1;
        int[] d = {1, 64, 128, 256, 512, 1024};
        for (int i = 0; i < 5; i++) {
            discriminator += (long) d[i] * 25 * d[i + 1] + d[i + 1];
        }
        PublishedCost cost = PublishedCost.of(new WaveGanFamily(), 16000);
        assertEquals(generator + discriminator, cost.parameters());
        assertEquals(36_500_000, cost.parameters(), 100_000);
        assertTrue(cost.generationFlopsPerUnit().isPresent());
    }

    @Test
    void sampleRnnThreeTierMatchesItsHandCount() {
        long h = 1024;
        long gru = 3 * h * h + 3 * h * h + 6 * h; // input and recurrent weights of three gates, two biases each
        long top = (8 * h + h) + gru + (h * 4 * h + 4 * h); // frames of 8, upsampling to 4 lower frames
        long bottom = (2 * h + h) + gru + (h * 2 * 1024 + 2 * 1024); // frames of 2, upsampling to 2 samples
        long sample = 256L * 256 + (256L * 2 * 1024 + 1024) + (1024L * 1024 + 1024) + (1024L * 256 + 256);
        PublishedCost cost = PublishedCost.of(new SampleRnnFamily(), 16000);
        assertEquals(top + bottom + sample, cost.parameters());
    }

    @Test
    void singMatchesItsHandCount() {
        long h = 1024;
        long lstm = (4 * h * (16 + 8 + 4 + h) + 8 * h) + 2 * (4 * h * (2 * h) + 8 * h); // 3 layers, two biases
        long tables = 128L * 16 + 128L * 8 + 265L * 4; // instrument, pitch, position
        long features = h * 128 + 128;
        long c = 4096;
        long decoder = (9 * 128 * c + c) + 2 * (c * c + c) + (4 * c * 256 + 256); // context, rewrites, synthesis
        PublishedCost cost = PublishedCost.of(new SingFamily(), 16000);
        assertEquals(lstm + tables + features + decoder, cost.parameters());
        assertTrue(cost.generationFlopsPerUnit().isPresent());
    }

    /** magenta's GANSynth layers at num_filters = 256, 256, 256, 256, 128, 64, 32 over 7 resolutions. */
    @Test
    void ganSynthCountsGeneratorAndCriticAsMagentasLayers() {
        int[] f = {256, 256, 256, 256, 256, 128, 64, 32}; // f[0] the critic's last layer, f[r] resolution r
        long generator = (256 + 61) * 256L * 2 * 16 + 256 + (9L * 256 * 256 + 256); // first resolution, 2 x 16
        long critic = 2L * 32 + 32; // from the image to the last resolution's channels
        for (int r = 2; r <= 7; r++) {
            generator += (9L * f[r - 1] * f[r] + f[r]) + (9L * f[r] * f[r] + f[r]);
            critic += (9L * f[r] * f[r] + f[r]) + (9L * f[r] * f[r - 1] + f[r - 1]);
        }
        generator += 32L * 2 + 2; // to log-magnitude and instantaneous frequency
        critic += (9L * 257 * 256 + 256) + (256L * 2 * 16 * 256 + 256) + (256 + 1) + (256L * 61 + 61);
        PublishedCost cost = PublishedCost.of(new GanSynthFamily(), 16000);
        assertEquals(generator + critic, cost.parameters());
        assertEquals(14_140_000, cost.parameters(), 10_000);
    }

    /** FloWaveNet's modules without the mel conditioning: 8 blocks of 6 flows of 2-layer WaveNets of 256 channels. */
    @Test
    void flowMatchesFloWaveNetsHandCountWithoutConditioning() {
        long r = 256;
        long total = 0;
        for (int block = 0; block < 8; block++) {
            long c = 2L << block; // channels after this block's squeeze
            long actNorm = 2 * c;
            long front = 3 * (c / 2) * r + r;
            long layer = 2 * (3 * r * r + r) + 2 * (r * r + r); // filter and gate (kernel 3), residual, skip
            long end = (r * r + r) + (r * c + c) + c; // 1x1, then the zero-initialised 1x1 and its scale
            total += 6 * (actNorm + front + 2 * layer + end);
        }
        PublishedCost cost = PublishedCost.of(new FlowFamily(), 16000);
        assertEquals(total, cost.parameters());
    }
}
