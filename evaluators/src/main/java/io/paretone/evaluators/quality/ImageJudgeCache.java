package io.paretone.evaluators.quality;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.paretone.evaluators.data.image.ImageSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the image judge once per data, steps and seed and keeps it on disk, as {@link JudgeCache}
 * does for the audio judge: every worker of a study, and every later study on the same data, loads
 * the same frozen weights, so their calibrations agree exactly. The folder
 * {@code cacheDir/image-judge-<16 hex digits>} is named by SHA-256 of the key (schema, the data's
 * content hash and format, steps, seed) and holds the weights and {@value #METADATA} with the
 * key, the class count and the weights' SHA-256, checked on load. Written by {@link AtomicFolder}.
 */
final class ImageJudgeCache {
    static final int SCHEMA_VERSION = 1;
    private static final String NAME = "image-judge";
    private static final String METADATA = "image-judge.properties";
    private static final Logger LOG = LoggerFactory.getLogger(ImageJudgeCache.class);

    private ImageJudgeCache() {}

    /**
     * The cached judge, or a newly trained one, saved first.
     *
     * @throws IOException if the cache cannot be read or written, or its weights no longer match their hash
     */
    static ImageJudge loadOrTrain(Path cacheDir, ImageSplits data, int steps, long seed) throws IOException {
        String key = "schema=" + SCHEMA_VERSION + ";data=" + data.contentHash() + ";format=" + data.format() + ";steps="
                + steps + ";seed=" + seed;
        Path folder = CachedWeights.folder(cacheDir, NAME, key);
        if (!Files.isRegularFile(folder.resolve(METADATA))) {
            try (ImageJudge trained = ImageJudge.train(data, steps, seed)) {
                Properties p = new Properties();
                p.setProperty("classes", Integer.toString(trained.classes()));
                CachedWeights.save(folder, METADATA, trained.model(), NAME, key, p, "paretone image judge");
            }
        }
        return load(folder, key, data);
    }

    private static ImageJudge load(Path folder, String key, ImageSplits data) throws IOException {
        Properties p = CachedWeights.read(folder, METADATA, weightsFile(), key, "image judge cache");
        String sha = p.getProperty("weightsSha256");
        try {
            int classes = Integer.parseInt(p.getProperty("classes"));
            Model model = CachedWeights.load(
                    folder, NAME, ImageJudge.block(classes), data.format().batch(1));
            LOG.info("Image judge loaded from {} (weights SHA-256 {})", folder, sha);
            return new ImageJudge(model, data.format(), classes, sha);
        } catch (MalformedModelException | RuntimeException e) {
            throw CachedWeights.damaged(folder, "image judge cache", "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String weightsFile() {
        return CachedWeights.weightsFile(NAME);
    }
}
