package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The fixed-size clip sets a quality proxy compares: crops of real clips, white noise, and their clean-up. */
public final class ClipSets {
    private ClipSets() {}

    /**
     * {@code count} clips of exactly {@code length} samples taken from {@code clips} in order.
     * Clip {@code i} comes from {@code clips[i % size]} on pass {@code p = i / size}; pass 0 starts
     * at sample 0 (keeping onsets), pass {@code p} starts {@code p * length / 2} samples later,
     * capped at the last full window, so reused long clips contribute different audio. A clip
     * shorter than {@code length} is zero-padded at the end (and repeats exactly on reuse). Crops
     * are {@link #sanitised}.
     */
    public static List<float[]> crops(List<float[]> clips, int count, int length) {
        Check.that(clips != null && !clips.isEmpty(), "clips", clips == null ? null : "[]", "needs at least one clip");
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] source = Check.notNull("clip " + (i % clips.size()), clips.get(i % clips.size()));
            int pass = i / clips.size();
            int offset = Math.max(0, Math.min(source.length - length, (int) ((long) pass * length / 2)));
            float[] crop = new float[length];
            System.arraycopy(source, offset, crop, 0, Math.max(0, Math.min(length, source.length - offset)));
            out.add(sanitised(crop));
        }
        return out;
    }

    /**
     * Every window of {@code length} samples of every clip, starting at 0 and then every
     * {@code length / 2} samples while a full window fits (at least one window per clip).
     */
    public static List<float[]> allCrops(List<float[]> clips, int length) {
        return windows(clips, length, Math.max(1, length / 2));
    }

    /**
     * Every window of {@code length} samples of every clip, clip by clip, starting at 0 and then
     * every {@code hop} samples while a full window fits (at least one window per clip, zero-padded
     * if the clip is shorter).
     */
    public static List<float[]> windows(List<float[]> clips, int length, int hop) {
        Check.positive("hop", hop);
        List<float[]> out = new ArrayList<>();
        for (float[] clip : clips) {
            int offset = 0;
            do {
                float[] crop = new float[length];
                System.arraycopy(clip, offset, crop, 0, Math.max(0, Math.min(length, clip.length - offset)));
                out.add(sanitised(crop));
                offset += hop;
            } while (offset + length <= clip.length);
        }
        return out;
    }

    /** How many windows {@link #windows} cuts from a clip of {@code samples} samples. */
    static int windowCount(int samples, int length, int hop) {
        return samples <= length ? 1 : 1 + (samples - length) / hop;
    }

    /**
     * Noise with the data's average spectrum: per clip, Gaussian noise whose power spectrum is the
     * mean power spectrum of {@code reference} (zero-padded to a power of two) with random phases,
     * scaled to the reference's RMS and {@link #sanitised}. It has the data's timbre on average and
     * none of its structure: no onsets, no decay, no harmonics of one note.
     */
    public static List<float[]> spectrumNoise(List<float[]> reference, int count, int length, long seed) {
        Check.that(
                reference != null && !reference.isEmpty(),
                "reference",
                reference == null ? null : "[]",
                "needs at least one clip");
        int size = Integer.highestOneBit(Math.max(1, length - 1)) << 1;
        Fft fft = new Fft(size);
        double[] power = new double[size];
        for (float[] clip : reference) {
            double[] re = new double[size];
            double[] im = new double[size];
            for (int i = 0; i < Math.min(size, clip.length); i++) {
                re[i] = clip[i];
            }
            fft.transform(re, im);
            for (int k = 0; k < size; k++) {
                power[k] += (re[k] * re[k] + im[k] * im[k]) / reference.size();
            }
        }
        double rms = rms(reference);
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double[] re = new double[size];
            double[] im = new double[size];
            for (int k = 0; k < size; k++) {
                double magnitude = Math.sqrt(power[k]);
                re[k] = magnitude * random.nextGaussian();
                im[k] = magnitude * random.nextGaussian();
            }
            fft.transform(re, im); // a forward transform of white-phase noise is as good as an inverse one
            float[] clip = new float[length];
            for (int i = 0; i < length; i++) {
                clip[i] = (float) re[i];
            }
            double scale = rms(List.of(clip));
            for (int i = 0; i < length; i++) {
                clip[i] = scale == 0 ? 0 : (float) (clip[i] * rms / scale);
            }
            out.add(sanitised(clip));
        }
        return out;
    }

    /** Samples of each clip, in order. */
    public static List<float[]> samplesOf(List<AudioClip> clips) {
        Check.notNull("clips", clips);
        List<float[]> out = new ArrayList<>(clips.size());
        for (AudioClip clip : clips) {
            out.add(clip.samples());
        }
        return out;
    }

    /** Gaussian white noise of standard deviation {@code rms}, {@link #sanitised}. */
    public static List<float[]> whiteNoise(int count, int length, double rms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> noise = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            float[] clip = new float[length];
            for (int i = 0; i < length; i++) {
                clip[i] = (float) (rms * random.nextGaussian());
            }
            noise.add(sanitised(clip));
        }
        return noise;
    }

    /** NaN to 0 and clamp to [-1, 1], in place, as writing to PCM would. */
    public static float[] sanitised(float[] clip) {
        for (int i = 0; i < clip.length; i++) {
            float x = clip[i];
            clip[i] = Float.isNaN(x) ? 0f : Math.max(-1f, Math.min(1f, x));
        }
        return clip;
    }

    /** Root mean square over all samples of all clips; 0 for none. */
    public static double rms(List<float[]> clips) {
        double sum = 0;
        long n = 0;
        for (float[] clip : clips) {
            for (float x : clip) {
                sum += (double) x * x;
            }
            n += clip.length;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /**
     * Copies of {@code generated}, sanitised, after checking there are exactly {@code count} clips
     * of exactly {@code length} samples.
     */
    static List<float[]> checkedCopies(float[][] generated, int count, int length) {
        Check.notNull("generated", generated);
        Check.that(
                generated.length == count,
                "generated clips",
                generated.length,
                "expected exactly clipCount = " + count + " clips, as calibrated; generate that many");
        List<float[]> clips = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            float[] clip = generated[c];
            Check.that(
                    clip != null && clip.length == length,
                    "generated[" + c + "].length",
                    clip == null ? null : clip.length,
                    "expected exactly clipSamples = " + length + " samples; crop or pad the clip");
            clips.add(sanitised(clip.clone()));
        }
        return clips;
    }
}
