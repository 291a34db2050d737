package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogMelSpectrogramTest {
    private final LogMelSpectrogram mel = LogMelSpectrogram.forSampleRate(16_000);

    @Test
    void defaultsAt16kHzAre512By128With40BandsUpToNyquist() {
        assertEquals(512, mel.nFft());
        assertEquals(128, mel.hop());
        assertEquals(40, mel.nMels());
        assertEquals(0, mel.fMin());
        assertEquals(8000, mel.fMax());
    }

    @Test
    void centresFollowTheHtkFormula() {
        // mel(8000 Hz) = 2595 log10(1 + 8000/700); centres at i/41 of it, i = 1..40.
        double top = 2595 * Math.log10(1 + 8000.0 / 700);
        double[] centres = mel.centreFrequencies();
        for (int i = 0; i < 40; i++) {
            double expected = 700 * (Math.pow(10, top * (i + 1) / 41 / 2595) - 1);
            assertEquals(expected, centres[i], 1e-6, "centre " + i);
        }
        assertEquals(1000, LogMelSpectrogram.melToHz(LogMelSpectrogram.hzToMel(1000)), 1e-9);
        assertEquals(999.99, LogMelSpectrogram.hzToMel(1000), 0.01); // HTK's anchor: 1 kHz ~ 1000 mel
    }

    @Test
    void eachFilterPeaksAtABinBracketingItsCentre() {
        // The triangles are asymmetric in Hz, so the largest bin is one of the two around the
        // centre, not always the nearer one.
        double[][] filters = mel.filterbank();
        double[] centres = mel.centreFrequencies();
        double binHz = 16_000.0 / 512;
        for (int m = 0; m < filters.length; m++) {
            int argmax = 0;
            for (int k = 1; k < filters[m].length; k++) {
                if (filters[m][k] > filters[m][argmax]) {
                    argmax = k;
                }
            }
            double position = centres[m] / binHz;
            assertTrue(
                    argmax == Math.floor(position) || argmax == Math.ceil(position),
                    "filter " + m + " peaks at bin " + argmax + ", centre at bin " + position);
            assertTrue(filters[m][argmax] <= 1 + 1e-12);
        }
    }

    @Test
    void filtersSumToOneBetweenTheFirstAndLastCentre() {
        double[][] filters = mel.filterbank();
        double[] centres = mel.centreFrequencies();
        double binHz = 16_000.0 / 512;
        for (int k = 0; k < filters[0].length; k++) {
            double f = k * binHz;
            if (f < centres[0] || f > centres[centres.length - 1]) {
                continue;
            }
            double sum = 0;
            for (double[] filter : filters) {
                sum += filter[k];
            }
            assertEquals(1, sum, 1e-9, "bin " + k + " (" + f + " Hz)");
        }
    }

    @Test
    void aFullScaleSineCentredOnABinPutsNfftOverSixInIt() {
        // 1000 Hz = bin 32 exactly. |X[32]| = sum(w) / 2 = 128 for periodic Hann; bins 31 and 33
        // get half that amplitude; power is divided by sum(w^2) = 3 * 512 / 8 = 192.
        // So 128^2 / 192 = 512 / 6 in bin 32, a quarter of that beside it.
        float[] sine = new float[2048];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 16_000);
        }
        double[][] frames = mel.compute(sine);
        assertEquals(1 + (2048 - 512) / 128, frames.length);
        double[][] filters = mel.filterbank();
        double[] bins = new double[257];
        bins[31] = 512.0 / 6 / 4;
        bins[32] = 512.0 / 6;
        bins[33] = 512.0 / 6 / 4;
        for (int m = 0; m < 40; m++) {
            double expected = 0;
            for (int k = 0; k < 257; k++) {
                expected += filters[m][k] * bins[k];
            }
            assertEquals(Math.log(expected + LogMelSpectrogram.LOG_FLOOR), frames[3][m], 1e-4, "band " + m);
        }
    }

    @Test
    void silenceSitsAtTheLogFloorAndShortSignalsGiveOneFrame() {
        double[][] frames = mel.compute(new float[100]);
        assertEquals(1, frames.length);
        for (double v : frames[0]) {
            assertEquals(Math.log(1e-5), v, 1e-12);
        }
    }
}
