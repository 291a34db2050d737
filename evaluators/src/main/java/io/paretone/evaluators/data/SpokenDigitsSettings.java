package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;

/**
 * What the {@code digits} dataset synthesises. Build one with {@link #builder()}, where every
 * default lives.
 *
 * @param clips how many clips, across all three splits; the digits zero to nine take turns
 * @param clipSeconds every clip is cut or zero-padded to this length after its leading silence
 * @param sampleRate every clip is resampled to this rate
 * @param engine {@code auto} (eSpeak NG if installed, else Flite), {@code espeak-ng} or {@code flite}
 * @param voices the engine's voices drawn from; empty for the engine's defaults
 * @param lowPitch lowest pitch drawn, 0 to 1 of the engine's range
 * @param highPitch highest pitch drawn
 * @param lowRate slowest speaking rate drawn, relative to the engine's default
 * @param highRate fastest speaking rate drawn
 * @param seed the seed behind the voices, pitches and rates drawn and the split
 * @param fractions how the clips are shared between the three splits
 */
public record SpokenDigitsSettings(
        int clips,
        double clipSeconds,
        int sampleRate,
        String engine,
        List<String> voices,
        double lowPitch,
        double highPitch,
        double lowRate,
        double highRate,
        long seed,
        SplitFractions fractions) {

    /** The engine names accepted besides {@code auto}. */
    public static final List<String> ENGINES = List.of("espeak-ng", "flite");

    public SpokenDigitsSettings {
        Check.positive("clips", clips);
        DatasetBuilder.checkClip(clipSeconds, sampleRate);
        Check.that(
                "auto".equals(engine) || ENGINES.contains(engine),
                "dataset.engine",
                engine,
                "use auto, espeak-ng or flite");
        voices = List.copyOf(Check.notNull("voices", voices));
        for (String voice : voices) {
            Check.that(
                    voice.matches("[A-Za-z0-9_+.-]+"),
                    "dataset.voices",
                    voices,
                    "name voices as the engine lists them (letters, digits, '_', '+', '.', '-')");
        }
        Check.inRange("lowPitch", lowPitch, 0, 1);
        Check.that(
                highPitch >= lowPitch && highPitch <= 1,
                "highPitch",
                highPitch,
                "must be between lowPitch (" + lowPitch + ") and 1");
        Check.that(
                lowRate >= 0.25 && lowRate <= 4,
                "lowRate",
                lowRate,
                "must be between 0.25 and 4 times the normal rate");
        Check.that(
                highRate >= lowRate && highRate <= 4,
                "highRate",
                highRate,
                "must be between lowRate (" + lowRate + ") and 4");
        Check.notNull("fractions", fractions).requireNonEmptySplits("clips", clips);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Samples per clip. */
    public int clipFrames() {
        return DatasetBuilder.frames(clipSeconds, sampleRate);
    }

    /** Every setting as one stable line, for cache keys (the engine's version is added there); only append to it. */
    public String canonical() {
        return "clips=" + clips + ";clipSeconds=" + clipSeconds + ";sampleRate=" + sampleRate + ";engine=" + engine
                + ";voices=" + voices + ";pitch=" + lowPitch + ".." + highPitch + ";rate=" + lowRate + ".."
                + highRate + ";seed=" + seed + ";fractions=" + fractions.canonical();
    }

    /** Builds {@link SpokenDigitsSettings}: {@code setSeed} is required. Defaults: 300 clips of 1 s at 16 kHz. */
    public static final class Builder extends DatasetBuilder<Builder> {
        private int clips = 300;
        private String engine = "auto";
        private List<String> voices = List.of();
        private double lowPitch = 0.25;
        private double highPitch = 0.75;
        private double lowRate = 0.8;
        private double highRate = 1.25;

        private Builder() {
            super(1.0);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder optClips(int clips) {
            this.clips = clips;
            return this;
        }

        public Builder optEngine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder optVoices(List<String> voices) {
            this.voices = voices;
            return this;
        }

        public Builder optPitchRange(double low, double high) {
            this.lowPitch = low;
            this.highPitch = high;
            return this;
        }

        public Builder optRateRange(double low, double high) {
            this.lowRate = low;
            this.highRate = high;
            return this;
        }

        /** @throws InvalidValueException naming the first setting that is missing or wrong */
        public SpokenDigitsSettings build() {
            return new SpokenDigitsSettings(
                    clips,
                    clipSeconds,
                    sampleRate,
                    engine,
                    voices,
                    lowPitch,
                    highPitch,
                    lowRate,
                    highRate,
                    requiredSeed("the clips"),
                    fractions);
        }
    }
}
