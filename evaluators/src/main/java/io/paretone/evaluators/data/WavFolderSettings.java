package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.nio.file.Path;

/**
 * What the {@code wav-folder} dataset reads and how it shapes the clips. Build one with
 * {@link #builder()}, where every default lives.
 *
 * @param folder the folder of WAV files; the names of its sub-folders are the labels
 * @param clipSeconds every clip is trimmed or zero-padded to this length
 * @param sampleRate every clip is resampled to this rate
 * @param maxClips at most this many files are used, a seeded random choice when there are more
 * @param seed the seed behind that choice and the split
 * @param fractions how the clips are shared between the three splits
 */
public record WavFolderSettings(
        Path folder, double clipSeconds, int sampleRate, int maxClips, long seed, SplitFractions fractions) {

    public WavFolderSettings {
        Check.notNull("folder", folder);
        Check.positive("clipSeconds", clipSeconds);
        Check.atLeast("sampleRate", sampleRate, 4000);
        Check.that(clipSeconds * sampleRate >= 256, "clipSeconds", clipSeconds,
                "gives fewer than 256 samples at " + sampleRate + " Hz; use a longer clip");
        Check.atLeast("maxClips", maxClips, 3);
        Check.notNull("fractions", fractions).requireNonEmptySplits("maxClips", maxClips);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Samples per clip. */
    public int clipFrames() {
        return (int) Math.round(clipSeconds * sampleRate);
    }

    /** Every setting but the folder as one stable line, for cache keys; only append to it. */
    public String canonical() {
        return "clipSeconds=" + clipSeconds + ";sampleRate=" + sampleRate + ";maxClips=" + maxClips
                + ";seed=" + seed + ";fractions=" + fractions.canonical();
    }

    /** Builds {@link WavFolderSettings}: the folder and seed are required. */
    public static final class Builder {
        private Path folder;
        private Long seed;
        private double clipSeconds = 1.0;
        private int sampleRate = 16_000;
        private int maxClips = 2000;
        private SplitFractions fractions = SplitFractions.DEFAULT;

        private Builder() {}

        public Builder setFolder(Path folder) {
            this.folder = folder;
            return this;
        }

        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optClipSeconds(double clipSeconds) {
            this.clipSeconds = clipSeconds;
            return this;
        }

        public Builder optSampleRate(int sampleRate) {
            this.sampleRate = sampleRate;
            return this;
        }

        public Builder optMaxClips(int maxClips) {
            this.maxClips = maxClips;
            return this;
        }

        public Builder optSplitFractions(double train, double validation, double test) {
            this.fractions = new SplitFractions(train, validation, test);
            return this;
        }

        /** @throws InvalidValueException naming the first setting that is missing or wrong */
        public WavFolderSettings build() {
            Check.that(folder != null, "dataset.folder", null, "is required: name the folder of WAV files");
            Check.that(seed != null, "seed", null, "is required: call setSeed so the split can be made again");
            return new WavFolderSettings(folder, clipSeconds, sampleRate, maxClips, seed, fractions);
        }
    }
}
