package io.paretone.evaluators.data.image;

import io.paretone.evaluators.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/** A source of labelled images, deterministic for its settings and seed. One implementation per kind. */
public interface ImageDataset extends Dataset {
    /**
     * The three splits, built on first use and cached under {@code cacheDir} where building is
     * costly, then read back.
     *
     * @throws IOException if the images or the cache cannot be read or written
     */
    @Override
    ImageSplits load(Path cacheDir) throws IOException;
}
