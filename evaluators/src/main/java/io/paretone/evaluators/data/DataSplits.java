package io.paretone.evaluators.data;

import io.paretone.spaces.Domain;
import io.paretone.spaces.training.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset split three ways, whatever its domain: {@code train} for the candidates and the quality
 * judge, {@code validation} as the reference the quality proxy compares against, {@code test} as
 * held-out real data that calibrates the proxy to a score of 1. This is all the search and the
 * objectives see of data; what differs by domain (sample rate or image size, how a generated
 * example is saved) is answered here by the domain's own splits.
 */
public interface DataSplits {
    Domain domain();

    String datasetName();

    List<? extends Example> train();

    List<? extends Example> validation();

    List<? extends Example> test();

    /** SHA-256 (hex) over every example's labels and values in split order ({@link ContentHash}). */
    String contentHash();

    /**
     * Values of one generated unit of the domain ({@link Domain#unit()}): samples per second of
     * audio, or the values of one image. Every per-unit figure (FLOPs, energy, wall time) divides
     * by the values generated over this.
     */
    int valuesPerUnit();

    /**
     * The values of each example the quality proxy judges: a crop of {@code clipSeconds} for audio;
     * an image is judged whole, whatever the length asked.
     */
    int judgedValues(double clipSeconds);

    /** The training split as model families receive it. */
    TrainingData trainingData();

    /**
     * How the domain lays out an example, in one line: a sample rate such as {@code 16000}, an image
     * format such as {@code 28x28x1}; with the domain it rebuilds these splits from their examples
     * (the workers' {@code StudyDataFile}).
     */
    String layout();

    /** The file extension of a saved generated example, such as {@code wav}. */
    String sampleExtension();

    /** Saves one generated example where people can open it (a WAV file, a PNG image). */
    void writeSample(Path file, float[] values) throws IOException;
}
