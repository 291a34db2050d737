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
        DatasetBuilder.checkClip(clipSeconds, sampleRate);
        Check.atLeast("maxClips", maxClips, 3);
        Check.notNull("fractions", fractions).requireNonEmptySplits("maxClips", maxClips);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Samples per clip. */
    public int clipFrames() {
        return DatasetBuilder.frames(clipSeconds, sampleRate);
    }

    /** Every setting but the folder as one stable line, for cache keys; only append to it. */
    public String canonical() {
        return "clipSeconds=" + clipSeconds + ";sampleRate=" + sampleRate + ";maxClips=" + maxClips + ";seed=" + seed
                + ";fractions=" + fractions.canonical();
    }

    /** Builds {@link WavFolderSettings}: the folder and seed are required. */
    public static final class Builder extends DatasetBuilder<Builder> {
        private Path folder;
        private int maxClips = 2000;

        private Builder() {
            super(1.0);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder setFolder(Path folder) {
            this.folder = folder;
            return this;
        }

        public Builder optMaxClips(int maxClips) {
            this.maxClips = maxClips;
            return this;
        }

        /** @throws InvalidValueException naming the first setting that is missing or wrong */
        public WavFolderSettings build() {
            Check.that(folder != null, "dataset.folder", null, "is required: name the folder of WAV files");
            return new WavFolderSettings(
                    folder, clipSeconds, sampleRate, maxClips, requiredSeed("the split"), fractions);
        }
    }
}
