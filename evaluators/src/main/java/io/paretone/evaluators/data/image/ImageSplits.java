package io.paretone.evaluators.data.image;

import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.Example;
import io.paretone.spaces.Domain;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * An image dataset split three ways, with the same roles as audio's splits: {@code train} for the
 * candidates and the judge, {@code validation} as the reference the quality proxy compares
 * against, {@code test} as held-out real images that calibrate the proxy to a score of 1. Its unit
 * is one image: {@link ImageFormat#values()} values.
 *
 * @param contentHash SHA-256 (hex) over every image's label and pixel bits in split order
 */
public record ImageSplits(
        String datasetName,
        ImageFormat format,
        List<LabelledImage> train,
        List<LabelledImage> validation,
        List<LabelledImage> test,
        String contentHash)
        implements DataSplits {
    public ImageSplits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** Rebuilds splits from plain examples; {@code layout} is {@link ImageFormat#toString()}. */
    public static ImageSplits of(String name, String layout, List<List<Example>> splits, String contentHash) {
        List<List<LabelledImage>> images = splits.stream()
                .map(s -> s.stream()
                        .map(e -> new LabelledImage(e.values(), e.labels().get(LabelledImage.FACET)))
                        .toList())
                .toList();
        return new ImageSplits(
                name, ImageFormat.parse(layout), images.get(0), images.get(1), images.get(2), contentHash);
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
     * image's values, so every per-unit figure of an image study is per image.
     */
    @Override
    public TrainingData trainingData() {
        List<String> classes = classes();
        List<TrainingClip> clips = train.stream()
                .map(i -> new TrainingClip(i.values(), new ClipLabel(classes.indexOf(i.label()), ClipLabel.NO_PITCH)))
                .toList();
        return new TrainingData(format.values(), clips, classes.size());
    }

    @Override
    public Domain domain() {
        return Domain.IMAGE;
    }

    @Override
    public int valuesPerUnit() {
        return format.values();
    }

    /** One whole image: images are judged whole, whatever clip length a study names. */
    @Override
    public int judgedValues(double clipSeconds) {
        return format.values();
    }

    /** {@link ImageFormat#toString()}, such as {@code 28x28x1}. */
    @Override
    public String layout() {
        return format.toString();
    }

    @Override
    public String sampleExtension() {
        return "png";
    }

    @Override
    public void writeSample(Path file, float[] values) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(ImagePixels.toImage(values, format), "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
