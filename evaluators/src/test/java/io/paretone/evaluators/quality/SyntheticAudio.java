package io.paretone.evaluators.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded stand-ins for real audio, and the degradations the quality proxy must notice. */
final class SyntheticAudio {
    static final int SAMPLE_RATE = 16_000;
    static final int CLIP_SAMPLES = 4_000;

    private SyntheticAudio() {}

    /**
     * Plucked-note-like clips: a random pitch in 200-800 Hz, up to 8 harmonics below Nyquist with
     * random amplitudes falling as 1/h, a 5 ms attack and a random exponential decay (time constant
     * 50-500 ms), peak 0.5.
     */
    static List<float[]> tones(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> clips = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double f0 = 200 + 600 * random.nextDouble();
            double tau = 0.05 + 0.45 * random.nextDouble();
            int harmonics = 8;
            double[] amp = new double[harmonics + 1];
            double[] phase = new double[harmonics + 1];
            for (int h = 1; h <= harmonics; h++) {
                amp[h] = h * f0 < SAMPLE_RATE / 2.0 ? random.nextDouble() / h : 0;
                phase[h] = 2 * Math.PI * random.nextDouble();
            }
            amp[1] = Math.max(amp[1], 0.3);
            double[] x = new double[CLIP_SAMPLES];
            double peak = 0;
            for (int i = 0; i < CLIP_SAMPLES; i++) {
                double t = (double) i / SAMPLE_RATE;
                double envelope = Math.min(1, t / 0.005) * Math.exp(-t / tau);
                double s = 0;
                for (int h = 1; h <= harmonics; h++) {
                    s += amp[h] * Math.sin(2 * Math.PI * h * f0 * t + phase[h]);
                }
                x[i] = envelope * s;
                peak = Math.max(peak, Math.abs(x[i]));
            }
            float[] clip = new float[CLIP_SAMPLES];
            for (int i = 0; i < CLIP_SAMPLES; i++) {
                clip[i] = (float) (0.5 * x[i] / peak);
            }
            clips.add(clip);
        }
        return clips;
    }

    /** Each clip plus white noise whose RMS is the clip's RMS lowered by {@code snrDb}. */
    static float[][] withNoise(List<float[]> clips, double snrDb, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[clips.size()][];
        for (int c = 0; c < clips.size(); c++) {
            float[] clip = clips.get(c);
            double sigma = rms(clip) / Math.pow(10, snrDb / 20);
            out[c] = new float[clip.length];
            for (int i = 0; i < clip.length; i++) {
                out[c][i] = (float) (clip[i] + sigma * random.nextGaussian());
            }
        }
        return out;
    }

    /**
     * Low-passed at {@code cutoffHz} by a 129-tap Hamming-windowed sinc (stop band about -50 dB):
     * the upper harmonics go, the sound is muffled. Delay is compensated so onsets stay in place.
     */
    static float[][] lowPassed(List<float[]> clips, double cutoffHz, int sampleRate) {
        int half = 64;
        double cutoff = cutoffHz / sampleRate;
        double[] taps = new double[2 * half + 1];
        for (int n = -half; n <= half; n++) {
            double sinc = n == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
            taps[n + half] = sinc * (0.54 + 0.46 * Math.cos(Math.PI * n / half));
        }
        float[][] out = new float[clips.size()][];
        for (int c = 0; c < clips.size(); c++) {
            float[] clip = clips.get(c);
            out[c] = new float[clip.length];
            for (int i = 0; i < clip.length; i++) {
                double sum = 0;
                for (int n = -half; n <= half; n++) {
                    int j = i - n;
                    if (j >= 0 && j < clip.length) {
                        sum += taps[n + half] * clip[j];
                    }
                }
                out[c][i] = (float) sum;
            }
        }
        return out;
    }

    static double rms(float[] clip) {
        double sum = 0;
        for (float x : clip) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / clip.length);
    }
}
