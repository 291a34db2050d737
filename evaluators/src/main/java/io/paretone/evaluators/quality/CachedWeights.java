package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.ContentHash;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What both judge caches check when they load a judge: its metadata was written for this key, and
 * its weights still hash to the SHA-256 recorded beside them, so a damaged or foreign folder is
 * reported rather than used.
 */
final class CachedWeights {
    private CachedWeights() {}

    /**
     * The folder's metadata, checked.
     *
     * @param what the cache in words, such as "judge cache", for the error
     * @throws IOException naming the folder and saying to delete it, if a check fails
     */
    static Properties read(Path folder, String metadata, String weightsFile, String key, String what)
            throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(metadata), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!key.equals(p.getProperty("key"))) {
            throw damaged(folder, what, "was made for " + p.getProperty("key") + ", not " + key);
        }
        String sha = ContentHash.ofFile(folder.resolve(weightsFile));
        if (!sha.equals(p.getProperty("weightsSha256"))) {
            throw damaged(
                    folder,
                    what,
                    "holds weights whose SHA-256 " + sha + " differs from the recorded "
                            + p.getProperty("weightsSha256"));
        }
        return p;
    }

    /** The error for a cache folder that cannot be used. */
    static IOException damaged(Path folder, String what, String problem) {
        return new IOException(
                "The " + what + " " + folder + " " + problem + "; delete the folder to train the judge again.");
    }
}
