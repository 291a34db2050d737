package io.paretone.evaluators.data;

import io.paretone.evaluators.audio.WavFiles;
import io.paretone.spaces.Domain;
import io.paretone.spaces.training.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An audio dataset split three ways: {@code train} for the candidates, {@code validation} as the
 * reference the quality proxy compares against, {@code test} as held-out real audio that
 * calibrates the proxy to %MOS = 1. Its unit is one second of audio: {@link #sampleRate} values.
 *
 * @param contentHash SHA-256 (hex) over every clip's samples and labels in split order, recorded
 *     with each trial so results can be traced to their data
 */
public record AudioSplits(
        String datasetName,
        int sampleRate,
        List<AudioClip> train,
        List<AudioClip> validation,
        List<AudioClip> test,
        String contentHash)
        implements DataSplits {

    /** Rebuilds splits from plain examples; {@code layout} is the sample rate. */
    public static AudioSplits of(String name, String layout, List<List<Example>> splits, String contentHash) {
        int sampleRate;
        try {
            sampleRate = Integer.parseInt(layout);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sample rate: " + layout, e);
        }
        List<List<AudioClip>> clips = splits.stream()
                .map(s -> s.stream()
                        .map(e -> new AudioClip(e.values(), e.labels()))
                        .toList())
                .toList();
        return new AudioSplits(name, sampleRate, clips.get(0), clips.get(1), clips.get(2), contentHash);
    }

    @Override
    public Domain domain() {
        return Domain.AUDIO;
    }

    @Override
    public int valuesPerUnit() {
        return sampleRate;
    }

    @Override
    public int judgedValues(double clipSeconds) {
        return (int) Math.round(clipSeconds * sampleRate);
    }

    @Override
    public TrainingData trainingData() {
        return TrainingClips.from(train, sampleRate);
    }

    @Override
    public String layout() {
        return Integer.toString(sampleRate);
    }

    @Override
    public String sampleExtension() {
        return "wav";
    }

    @Override
    public void writeSample(Path file, float[] values) throws IOException {
        WavFiles.write(file, values, sampleRate);
    }
}
