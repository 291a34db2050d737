package io.paretone.evaluators.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deals clips into the three splits in an order shuffled by a seeded generator. */
final class Splitter {
    private Splitter() {}

    /** Shuffles {@code clips} (Fisher-Yates with {@code random}) and cuts the order by {@code fractions}. */
    static AudioSplits split(
            String datasetName,
            int sampleRate,
            List<AudioClip> clips,
            SplitFractions fractions,
            SplittableRandom random) {
        int[] order = shuffledIndices(clips.size(), random);
        int train = fractions.trainSize(clips.size());
        int validation = fractions.validationSize(clips.size());
        List<AudioClip> trainClips = pick(clips, order, 0, train);
        List<AudioClip> validationClips = pick(clips, order, train, train + validation);
        List<AudioClip> testClips = pick(clips, order, train + validation, order.length);
        return new AudioSplits(
                datasetName,
                sampleRate,
                trainClips,
                validationClips,
                testClips,
                ContentHash.of(trainClips, validationClips, testClips));
    }

    /** Fisher-Yates over 0..n-1. */
    static int[] shuffledIndices(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static List<AudioClip> pick(List<AudioClip> clips, int[] order, int from, int to) {
        List<AudioClip> picked = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            picked.add(clips.get(order[i]));
        }
        return List.copyOf(picked);
    }
}
