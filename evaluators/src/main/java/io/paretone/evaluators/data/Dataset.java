package io.paretone.evaluators.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A source of labelled examples of one domain, deterministic for its settings and seed. One implementation per kind. */
public interface Dataset {
    /** A short name for tables and provenance, such as {@code notes}. */
    String name();

    /**
     * The three splits, built on first use and cached under {@code cacheDir} where building is
     * costly, then read back.
     *
     * @throws IOException if the data or the cache cannot be read or written
     */
    DataSplits load(Path cacheDir) throws IOException;

    /**
     * What the user should hear about the last {@link #load} beyond the examples themselves, one
     * line each, such as the files a folder dataset had to skip. None by default.
     */
    default List<String> notices() {
        return List.of();
    }
}
