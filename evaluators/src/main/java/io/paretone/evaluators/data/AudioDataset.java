package io.paretone.evaluators.data;

import java.io.IOException;
import java.nio.file.Path;

/** A source of audio clips, deterministic for its settings and seed. One implementation per kind. */
public interface AudioDataset extends Dataset {
    /**
     * The three splits, built on first use and cached under {@code cacheDir}, then read back.
     *
     * @throws IOException if the cache cannot be read or written
     */
    @Override
    AudioSplits load(Path cacheDir) throws IOException;
}
