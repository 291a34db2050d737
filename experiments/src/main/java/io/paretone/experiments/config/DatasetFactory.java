package io.paretone.experiments.config;

import io.paretone.evaluators.data.AudioDataset;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.spaces.check.InvalidValueException;

/** Builds the configured dataset. */
public final class DatasetFactory {
    public static final String NOTES = "notes";

    private DatasetFactory() {}

    /** @param seed the study seed, which also fixes the dataset */
    public static AudioDataset create(StudyConfig.DatasetConfig c, long seed) {
        String kind = c.kind == null ? NOTES : c.kind;
        if (!kind.equals(NOTES)) {
            throw new InvalidValueException("dataset.kind", kind, "the only dataset so far is '" + NOTES + "'");
        }
        SynthNotesSettings.Builder b = SynthNotesSettings.builder().setSeed(seed);
        if (c.notes != null) b.optNotes(c.notes);
        if (c.clipSeconds != null) b.optClipSeconds(c.clipSeconds);
        if (c.programs != null) b.optPrograms(c.programs.stream().mapToInt(Integer::intValue).toArray());
        return new SynthNotesDataset(b.build());
    }
}
