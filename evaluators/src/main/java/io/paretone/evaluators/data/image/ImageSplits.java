package io.paretone.evaluators.data.image;

import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
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

    /**
     * The training split as families receive it: each image one clip of {@link ImageFormat#values()}
     * values, its class's index among {@link #classes()} as the instrument, no pitch. The rate is one
     * image's values, so every "per second" figure of an image study reads "per image".
     */
    public TrainingData trainingData() {
        List<String> classes = classes();
        List<TrainingClip> clips = train.stream()
                .map(i -> new TrainingClip(i.values(), new ClipLabel(classes.indexOf(i.label()), ClipLabel.NO_PITCH)))
                .toList();
        return new TrainingData(format.values(), clips, classes.size());
    }
}
