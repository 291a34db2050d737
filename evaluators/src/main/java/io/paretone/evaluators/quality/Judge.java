package io.paretone.evaluators.quality;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained, frozen judge: turns clips into embeddings and per-facet class probabilities. Built by
 * {@link JudgeTrainer}, saved and reloaded by {@link JudgeCache}. Inference only, so it never needs
 * a gradient collector and is safe to use while candidates train. Close it to free its weights.
 */
public final class Judge implements AutoCloseable {
    private static final int BATCH = 64;
    /** What an untrained judge means for the score, said on the console and in study.json. */
    public static final String UNTRAINED = "the data has no labels (no facet with two or more classes), so the judge"
            + " could not be trained; its random convolutional features embed the audio and the class term is dropped";

    private final JudgeNetwork network;
    private final LogMelSpectrogram features;
    private final float[] bandMean;
    private final float[] bandStd;
    private final LabelVocabulary vocabulary;
    private final String weightsSha256;
    private final List<Double> validationAccuracy;

    Judge(
            Model model,
            LogMelSpectrogram features,
            float[] bandMean,
            float[] bandStd,
            LabelVocabulary vocabulary,
            String weightsSha256,
            List<Double> validationAccuracy) {
        this.network = new JudgeNetwork(model);
        this.features = features;
        this.bandMean = bandMean;
        this.bandStd = bandStd;
        this.vocabulary = vocabulary;
        this.weightsSha256 = weightsSha256;
        this.validationAccuracy = List.copyOf(validationAccuracy);
    }

    /**
     * What the judge makes of some clips.
     *
     * @param embeddings {@code [clip][dimension]}
     * @param probabilities per facet of the vocabulary, {@code [clip][class]}, rows summing to 1
     */
    public record Judgement(double[][] embeddings, List<double[][]> probabilities) {}

    /** Judges clips, which must all be of one length. */
    public Judgement judge(List<float[]> clips) {
        Check.that(clips != null && !clips.isEmpty(), "clips", clips == null ? null : "[]", "give at least one clip");
        List<JudgeNetwork.Logits> facets = new ArrayList<>();
        for (int f = 0; f < vocabulary.facets().size(); f++) {
            facets.add(new JudgeNetwork.Logits(
                    vocabulary.offset(f), vocabulary.classes().get(f).size()));
        }
        JudgeNetwork.Output out = network.judge(
                clips.size(), BATCH, (manager, from, to) -> input(manager, clips.subList(from, to)), facets);
        return new Judgement(out.embeddings(), out.probabilities());
    }

    /** Normalised log-mel frames of clips of one length, as {@code [batch, bands, frames]}. */
    NDArray input(NDManager manager, List<float[]> clips) {
        int length = clips.get(0).length;
        int frames = features.frameCount(length);
        int bands = features.nMels();
        float[] data = new float[clips.size() * bands * frames];
        for (int c = 0; c < clips.size(); c++) {
            float[] clip = clips.get(c);
            Check.that(
                    clip.length == length,
                    "clip " + c + " length",
                    clip.length,
                    "must be " + length + " like the first");
            double[][] x = features.compute(clip);
            int base = c * bands * frames;
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < bands; b++) {
                    data[base + b * frames + t] = (float) ((x[t][b] - bandMean[b]) / bandStd[b]);
                }
            }
        }
        return manager.create(data, new Shape(clips.size(), bands, frames));
    }

    public LogMelSpectrogram features() {
        return features;
    }

    /** Whether the judge was trained: false when the data has no labels to train it on ({@link #UNTRAINED}). */
    public boolean trained() {
        return !vocabulary.facets().isEmpty();
    }

    public LabelVocabulary vocabulary() {
        return vocabulary;
    }

    /** SHA-256 of the saved weights file, for provenance. */
    public String weightsSha256() {
        return weightsSha256;
    }

    /** Per facet, the share of validation clips (crops from their start) labelled right. */
    public List<Double> validationAccuracy() {
        return validationAccuracy;
    }

    float[] bandMean() {
        return bandMean.clone();
    }

    float[] bandStd() {
        return bandStd.clone();
    }

    Model model() {
        return network.model();
    }

    @Override
    public void close() {
        network.close();
    }
}
