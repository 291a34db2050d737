package io.paretone.evaluators.quality;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import io.paretone.evaluators.data.AudioSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a judge once per dataset and settings and keeps it on disk, so every candidate of a study,
 * and every later study on the same data, uses the same frozen weights.
 *
 * <p>The folder {@code cacheDir/judge-<16 hex digits>} is named by SHA-256 of the key: the schema,
 * the data's content hash, its sample rate, the judged clip length and {@link JudgeSettings}. It
 * holds the DJL weights ({@value #NAME}{@code -0000.params}) and {@value #METADATA}: the key, the
 * weights' SHA-256, the label vocabulary, the input normalisation, validation accuracy and training
 * time. It is written by {@link AtomicFolder}. On load the weights must
 * still hash to the recorded SHA-256, so a damaged file is reported, not used.
 */
public final class JudgeCache {
    static final int SCHEMA_VERSION = 1;
    static final String NAME = "judge";
    static final String METADATA = "judge.properties";
    private static final Logger LOG = LoggerFactory.getLogger(JudgeCache.class);

    private JudgeCache() {}

    /** The folder that holds the judge for this data, clip length and settings once trained. */
    public static Path folder(Path cacheDir, AudioSplits data, int clipSamples, JudgeSettings settings) {
        return CachedWeights.folder(cacheDir, NAME, key(data, clipSamples, settings));
    }

    /**
     * The cached judge, or a newly trained one, saved first.
     *
     * @throws IOException if the cache cannot be read or written, or its weights no longer match their hash
     */
    public static Judge loadOrTrain(Path cacheDir, AudioSplits data, int clipSamples, JudgeSettings settings)
            throws IOException {
        Path folder = folder(cacheDir, data, clipSamples, settings);
        String key = key(data, clipSamples, settings);
        if (!Files.isRegularFile(folder.resolve(METADATA))) {
            JudgeTrainer trainer = new JudgeTrainer();
            try (Judge trained = trainer.train(data, clipSamples, settings)) {
                save(folder, trained, key, trainer.report());
            }
        }
        return load(folder, key, data.sampleRate(), settings);
    }

    private static String key(AudioSplits data, int clipSamples, JudgeSettings settings) {
        return "schema=" + SCHEMA_VERSION + ";data=" + data.contentHash() + ";sampleRate=" + data.sampleRate()
                + ";clipSamples=" + clipSamples + ";" + settings.canonical();
    }

    private static void save(Path folder, Judge judge, String key, JudgeTrainer.Report report) throws IOException {
        Properties p = new Properties();
        p.setProperty("schema", Integer.toString(SCHEMA_VERSION));
        LabelVocabulary vocabulary = judge.vocabulary();
        p.setProperty("facets", Integer.toString(vocabulary.facets().size()));
        for (int f = 0; f < vocabulary.facets().size(); f++) {
            p.setProperty("facet." + f + ".name", vocabulary.facets().get(f));
            List<String> classes = vocabulary.classes().get(f);
            p.setProperty("facet." + f + ".classes", Integer.toString(classes.size()));
            for (int k = 0; k < classes.size(); k++) {
                p.setProperty("facet." + f + ".class." + k, classes.get(k));
            }
            p.setProperty(
                    "facet." + f + ".validationAccuracy",
                    judge.validationAccuracy().isEmpty()
                            ? ""
                            : Double.toString(judge.validationAccuracy().get(f)));
        }
        p.setProperty("bandMean", floats(judge.bandMean()));
        p.setProperty("bandStd", floats(judge.bandStd()));
        p.setProperty("trainingSeconds", Double.toString(report.seconds()));
        p.setProperty("firstLoss", Float.toString(report.firstLoss()));
        p.setProperty("finalLoss", Float.toString(report.finalLoss()));
        CachedWeights.save(folder, METADATA, judge.model(), NAME, key, p, "paretone quality judge");
    }

    private static Judge load(Path folder, String key, int sampleRate, JudgeSettings settings) throws IOException {
        Properties p = CachedWeights.read(folder, METADATA, weightsFile(), key, "judge cache");
        String sha = p.getProperty("weightsSha256");
        try {
            int facets = Integer.parseInt(p.getProperty("facets"));
            List<String> names = new ArrayList<>();
            List<List<String>> classes = new ArrayList<>();
            List<Double> accuracy = new ArrayList<>();
            for (int f = 0; f < facets; f++) {
                names.add(p.getProperty("facet." + f + ".name"));
                int count = Integer.parseInt(p.getProperty("facet." + f + ".classes"));
                List<String> values = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    values.add(p.getProperty("facet." + f + ".class." + k));
                }
                classes.add(values);
                String a = p.getProperty("facet." + f + ".validationAccuracy");
                if (a != null && !a.isEmpty()) {
                    accuracy.add(Double.parseDouble(a));
                }
            }
            LabelVocabulary vocabulary = new LabelVocabulary(names, classes);
            LogMelSpectrogram features = LogMelSpectrogram.forSampleRate(sampleRate, settings.melBands());
            Model model = CachedWeights.load(
                    folder,
                    NAME,
                    new JudgeBlock(settings.channels(), settings.embeddingSize(), vocabulary.totalClasses()),
                    new Shape(1, settings.melBands(), 1));
            LOG.info("Judge loaded from {} (weights SHA-256 {})", folder, sha);
            return new Judge(
                    model,
                    features,
                    parseFloats(p.getProperty("bandMean")),
                    parseFloats(p.getProperty("bandStd")),
                    vocabulary,
                    sha,
                    accuracy);
        } catch (MalformedModelException | RuntimeException e) {
            throw CachedWeights.damaged(folder, "judge cache", "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String weightsFile() {
        return CachedWeights.weightsFile(NAME);
    }

    private static String floats(float[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.toString();
    }

    private static float[] parseFloats(String text) {
        String[] parts = text.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
