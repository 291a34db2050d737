package io.paretone.experiments.doctor;

import io.paretone.evaluators.data.ContentHash;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.spaces.Domain;
import io.paretone.spaces.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The small data a smoke run trains on, made here without fonts or network: a dozen synthesised
 * notes of a quarter second for audio; for images, 28 x 28 bars, one position per class, with noise.
 * The smoke run checks that every family trains and generates on a device, not what it learns.
 */
final class SmokeData {
    static final int NOTES = 12;
    static final double NOTE_SECONDS = 0.25;
    static final int IMAGE_CLASSES = 4;
    static final int IMAGES_PER_CLASS = 4;

    private SmokeData() {}

    static DataSplits of(Domain domain, Path cacheDir, long seed) throws IOException {
        if (domain == Domain.IMAGE) {
            return bars(seed);
        }
        return new SynthNotesDataset(SynthNotesSettings.builder()
                        .setSeed(seed)
                        .optNotes(NOTES)
                        .optClipSeconds(NOTE_SECONDS)
                        .build())
                .load(cacheDir);
    }

    /** Class k is a bright horizontal bar at rows 4 + 6k, on a dark noisy background, values in [-1, 1]. */
    static ImageSplits bars(long seed) {
        ImageFormat format = ImageFormat.DIGITS;
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledImage> train = new ArrayList<>();
        for (int k = 0; k < IMAGE_CLASSES; k++) {
            for (int i = 0; i < IMAGES_PER_CLASS; i++) {
                float[] values = new float[format.values()];
                for (int y = 0; y < format.height(); y++) {
                    for (int x = 0; x < format.width(); x++) {
                        boolean bar = y >= 4 + 6 * k && y < 7 + 6 * k;
                        values[y * format.width() + x] =
                                (float) ((bar ? 0.8 : -0.8) + 0.1 * (random.nextDouble() - 0.5));
                    }
                }
                train.add(new LabelledImage(values, Integer.toString(k)));
            }
        }
        List<LabelledImage> heldOut = List.of(train.get(0), train.get(IMAGES_PER_CLASS));
        return new ImageSplits("smoke-bars", format, train, heldOut, heldOut, ContentHash.of(train, heldOut, heldOut));
    }
}
