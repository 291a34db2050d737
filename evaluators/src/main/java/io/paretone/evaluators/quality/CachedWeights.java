package io.paretone.evaluators.quality;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.evaluators.data.AtomicFolder;
import io.paretone.evaluators.data.ContentHash;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How both judge caches ({@link JudgeCache}, {@link ImageJudgeCache}) keep a judge's weights: a
 * folder named by the SHA-256 of the key, the DJL weights and a metadata file written together by
 * {@link AtomicFolder}, and on load the checks that the metadata was written for this key and that
 * the weights still hash to the SHA-256 recorded beside them, so a damaged or foreign folder is
 * reported rather than used. What else the metadata holds is the domain's.
 */
final class CachedWeights {
    private CachedWeights() {}

    /** The folder {@code cacheDir/<prefix>-<16 hex digits of the key's SHA-256>}. */
    static Path folder(Path cacheDir, String prefix, String key) {
        return cacheDir.resolve(prefix + "-" + ContentHash.ofText(key).substring(0, 16));
    }

    /**
     * Writes a model's weights as {@code name} and {@code metadata}: the properties given, plus
     * the key and the weights' SHA-256.
     */
    static void save(Path folder, String metadata, Model model, String name, String key, Properties p, String comment)
            throws IOException {
        AtomicFolder.write(folder, metadata, temporary -> {
            model.save(temporary, name);
            p.setProperty("key", key);
            p.setProperty("weightsSha256", ContentHash.ofFile(temporary.resolve(weightsFile(name))));
            try (Writer out = Files.newBufferedWriter(temporary.resolve(metadata), StandardCharsets.UTF_8)) {
                p.store(out, comment);
            }
        });
    }

    /**
     * A model of {@code block}, initialised for {@code inputShape}, its weights loaded from the
     * folder (checked first with {@link #read}).
     */
    static Model load(Path folder, String name, Block block, Shape inputShape)
            throws IOException, MalformedModelException {
        Model model = Model.newInstance(name, JudgeTraining.DEVICE);
        model.setBlock(block);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
        model.load(folder, name);
        return model;
    }

    /** The weights file DJL writes for a model saved as {@code name}. */
    static String weightsFile(String name) {
        return name + "-0000.params";
    }

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
