package io.paretone.evaluators.data;

import java.util.List;

/**
 * A dataset split three ways: {@code train} for the candidates, {@code validation} as the
 * reference the quality proxy compares against, {@code test} as held-out real audio that
 * calibrates the proxy to %MOS = 1.
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
        String contentHash) {}
