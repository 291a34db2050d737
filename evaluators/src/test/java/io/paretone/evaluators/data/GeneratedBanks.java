package io.paretone.evaluators.data;

import java.io.IOException;
import java.nio.file.Path;

/** Benchmarks' access to Gervill's other generated banks: the notes, and every judge trained on them, depend on the bank. */
public final class GeneratedBanks {
    private GeneratedBanks() {}

    /**
     * Saves the bank Gervill generates with {@code Math.random()} seeded by {@code seed} where
     * {@link SynthNotesDataset#load} looks for its generated bank in {@code cacheDir}, unless one is
     * there already. A dataset that finds an installed soundfont ({@link SynthNotesDataset#bank()})
     * ignores it.
     */
    public static void save(Path cacheDir, long seed) throws IOException {
        GervillRenderer.saveGeneratedBank(cacheDir.resolve(SynthNotesDataset.GENERATED_BANK), seed);
    }
}
