package io.paretone.evaluators.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.samplernn.SampleRnnFamily;
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
        assertTrue(cost.generationFlopsPerSecond().isPresent());
        assertEquals(89_000_000L, cost.configuration().publishedParameters().getAsLong());
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
}
