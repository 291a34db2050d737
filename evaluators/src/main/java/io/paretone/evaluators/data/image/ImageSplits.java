package io.paretone.evaluators.data.image;

import io.paretone.spaces.image.ImageFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * An image dataset split three ways, with the same roles as audio's splits: {@code train} for the
 * candidates and the judge, {@code validation} as the reference the quality proxy compares
 * against, {@code test} as held-out real images that calibrate the proxy to a score of 1.
 *
 * @param contentHash SHA-256 (hex) over every image's label and pixel bits in split order
 */
public record ImageSplits(
        String datasetName,
        ImageFormat format,
        List<LabelledImage> train,
        List<LabelledImage> validation,
        List<LabelledImage> test,
        String contentHash) {
    public ImageSplits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** The classes of the training split, sorted; a class's index is its position here. */
    public List<String> classes() {
        TreeSet<String> classes = new TreeSet<>();
        train.forEach(i -> classes.add(i.label()));
        return List.copyOf(classes);
    }
}
