package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@code notes} dataset renders: how many notes, how long, at which rate, with which
 * instruments, pitches and velocities, and how the notes are split. Immutable and validated on
 * construction; build one with {@link #builder()}, where every default lives.
 *
 * @param notes how many clips to render, across all three splits
 * @param clipSeconds the length of every clip
 * @param sampleRate samples per second of every clip
 * @param programs General MIDI programs (0 to 127) the notes cycle through, one timbre each
 * @param lowestPitch lowest MIDI note number drawn (inclusive)
 * @param highestPitch highest MIDI note number drawn (inclusive)
 * @param velocities MIDI velocities (1 to 127) drawn from
 * @param noteOffLow earliest note-off, as a fraction of the clip
 * @param noteOffHigh latest note-off, as a fraction of the clip; below 1 so the release is heard
 * @param seed the one seed behind the notes drawn and the split
 * @param fractions how the notes are shared between the three splits
 */
public record SynthNotesSettings(
        int notes,
        double clipSeconds,
        int sampleRate,
        List<Integer> programs,
        int lowestPitch,
        int highestPitch,
        List<Integer> velocities,
        double noteOffLow,
        double noteOffHigh,
        long seed,
        SplitFractions fractions) {

    /** Validates every setting; an {@link InvalidValueException} names the first one that is wrong. */
    public SynthNotesSettings {
        Check.positive("notes", notes);
        DatasetBuilder.checkClip(clipSeconds, sampleRate);
        programs = List.copyOf(Check.notNull("programs", programs));
        Check.that(!programs.isEmpty(), "programs", programs, "name at least one General MIDI program (0 to 127)");
        for (int program : programs) {
            Check.that(
                    program >= 0 && program <= 127,
                    "programs",
                    programs,
                    "every General MIDI program must be between 0 and 127");
        }
        Check.that(
                lowestPitch >= 0 && lowestPitch <= 127,
                "lowestPitch",
                lowestPitch,
                "must be a MIDI note number between 0 and 127");
        Check.that(
                highestPitch >= lowestPitch && highestPitch <= 127,
                "highestPitch",
                highestPitch,
                "must be between lowestPitch (" + lowestPitch + ") and 127");
        velocities = List.copyOf(Check.notNull("velocities", velocities));
        Check.that(!velocities.isEmpty(), "velocities", velocities, "name at least one MIDI velocity (1 to 127)");
        for (int velocity : velocities) {
            Check.that(
                    velocity >= 1 && velocity <= 127,
                    "velocities",
                    velocities,
                    "every velocity must be between 1 and 127 (0 would be a note-off)");
        }
        Check.that(
                noteOffLow > 0 && noteOffLow <= 1,
                "noteOffLow",
                noteOffLow,
                "must be a fraction of the clip above 0 and at most 1, such as 0.6");
        Check.that(
                noteOffHigh >= noteOffLow && noteOffHigh <= 1,
                "noteOffHigh",
                noteOffHigh,
                "must be between noteOffLow (" + noteOffLow + ") and 1, such as 0.9");
        Check.notNull("fractions", fractions).requireNonEmptySplits("notes", notes);
    }

    /** A builder holding the defaults: 240 notes of 0.5 s at 16 kHz, six timbres, MIDI 48 to 72. */
    public static Builder builder() {
        return new Builder();
    }

    /** Samples per clip. */
    public int clipFrames() {
        return DatasetBuilder.frames(clipSeconds, sampleRate);
    }

    /** How many notes go to the validation split. */
    public int validationSize() {
        return fractions.validationSize(notes);
    }

    /** How many notes go to the test split. */
    public int testSize() {
        return fractions.testSize(notes);
    }

    /** How many notes go to the training split: what validation and test leave. */
    public int trainSize() {
        return fractions.trainSize(notes);
    }

    /**
     * Every setting as one stable line, for cache keys and provenance. Changing its spelling
     * changes every cache key, so only append to it.
     */
    public String canonical() {
        return "notes=" + notes + ";clipSeconds=" + clipSeconds + ";sampleRate=" + sampleRate
                + ";programs=" + programs + ";pitches=" + lowestPitch + ".." + highestPitch
                + ";velocities=" + velocities + ";noteOff=" + noteOffLow + ".." + noteOffHigh
                + ";seed=" + seed + ";fractions=" + fractions.canonical();
    }

    /** Builds {@link SynthNotesSettings}: {@code setSeed} is required, every {@code opt} has a default. */
    public static final class Builder extends DatasetBuilder<Builder> {
        private int notes = 240;
        // Piano, organ, flute, strings, trumpet, guitar: clearly different timbres.
        private List<Integer> programs = List.of(0, 19, 73, 48, 56, 24);
        private int lowestPitch = 48;
        private int highestPitch = 72;
        private List<Integer> velocities = List.of(64, 96, 127);
        private double noteOffLow = 0.6;
        private double noteOffHigh = 0.9;

        private Builder() {
            super(0.5);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder optNotes(int notes) {
            this.notes = notes;
            return this;
        }

        public Builder optPrograms(int... programs) {
            this.programs = Arrays.stream(programs).boxed().toList();
            return this;
        }

        public Builder optPitchRange(int lowest, int highest) {
            this.lowestPitch = lowest;
            this.highestPitch = highest;
            return this;
        }

        public Builder optVelocities(int... velocities) {
            this.velocities = Arrays.stream(velocities).boxed().toList();
            return this;
        }

        /** When each note is released, drawn uniformly between these fractions of the clip. */
        public Builder optNoteOffRange(double lowFraction, double highFraction) {
            this.noteOffLow = lowFraction;
            this.noteOffHigh = highFraction;
            return this;
        }

        /** @throws InvalidValueException naming the first setting that is missing or wrong */
        public SynthNotesSettings build() {
            return new SynthNotesSettings(
                    notes,
                    clipSeconds,
                    sampleRate,
                    programs,
                    lowestPitch,
                    highestPitch,
                    velocities,
                    noteOffLow,
                    noteOffHigh,
                    requiredSeed("the notes"),
                    fractions);
        }
    }
}
