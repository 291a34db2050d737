package io.paretone.evaluators.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Rules that turn real clips into plausible failures of an audio generator, each seeded. */
final class AudioFailures {
    private AudioFailures() {}

    /**
     * Per clip, a sine at the clip's fundamental (the autocorrelation peak between 60 Hz and 2 kHz)
     * at the clip's RMS, without onset or decay: a steady tone at the note's pitch.
     */
    static List<float[]> steadyTones(List<float[]> clips, int sampleRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (float[] clip : clips) {
            double f0 = fundamental(clip, sampleRate);
            double amplitude = Math.sqrt(2) * SyntheticAudio.rms(clip);
            double phase = 2 * Math.PI * random.nextDouble();
            float[] tone = new float[clip.length];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (amplitude * Math.sin(2 * Math.PI * f0 * i / sampleRate + phase));
            }
            out.add(tone);
        }
        return out;
    }

    /** Per clip, clicks at a random rate of 5 to 40 per second, each a 2 ms decaying impulse at the clip's peak. */
    static List<float[]> clicks(List<float[]> clips, int sampleRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (float[] clip : clips) {
            float peak = 0;
            for (float x : clip) {
                peak = Math.max(peak, Math.abs(x));
            }
            float[] c = new float[clip.length];
            double rate = 5 + 35 * random.nextDouble();
            int count = Math.max(1, (int) Math.round(rate * clip.length / sampleRate));
            int decay = Math.max(1, sampleRate / 500);
            for (int k = 0; k < count; k++) {
                int at = random.nextInt(clip.length);
                double sign = random.nextBoolean() ? 1 : -1;
                for (int i = 0; i < 4 * decay && at + i < c.length; i++) {
                    c[at + i] += (float) (sign * peak * Math.exp(-(double) i / decay));
                }
            }
            out.add(ClipSets.sanitised(c));
        }
        return out;
    }

    /** White Gaussian noise at each clip's RMS. */
    static List<float[]> whiteNoise(List<float[]> clips, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (float[] clip : clips) {
            double rms = SyntheticAudio.rms(clip);
            float[] n = new float[clip.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = (float) (rms * random.nextGaussian());
            }
            out.add(ClipSets.sanitised(n));
        }
        return out;
    }

    /**
     * The frequency of the autocorrelation's first peak within 10% of its largest after its first
     * dip below zero, searched between 60 Hz and 2 kHz (before the dip, lag 0's own peak dominates;
     * the largest peak may be at a multiple of the period).
     */
    static double fundamental(float[] clip, int sampleRate) {
        int maxLag = Math.min(clip.length / 2, sampleRate / 60);
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            for (int i = 0; i + lag < clip.length; i++) {
                r[lag] += (double) clip[i] * clip[i + lag];
            }
            r[lag] /= clip.length - lag;
        }
        int from = sampleRate / 2000;
        while (from < maxLag && r[from] > 0) {
            from++;
        }
        int best = from;
        for (int lag = from; lag <= maxLag; lag++) {
            best = r[lag] > r[best] ? lag : best;
        }
        // A periodic clip peaks again at every multiple of its period: take the first peak almost as high.
        for (int lag = from + 1; lag < best; lag++) {
            if (r[lag] >= 0.9 * r[best] && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                best = lag;
                break;
            }
        }
        return (double) sampleRate / best;
    }
}
