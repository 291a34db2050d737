package io.paretone.evaluators.data.image;

import io.paretone.evaluators.data.ContentHash;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.image.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code image-folder}: the user's own PNG or JPEG images, one class per sub-folder of
 * {@link #folder} (the sub-folder's name is the label). Each image is read with ImageIO and resized
 * (bilinear) to the configured format, grayscale or RGB. Files ImageIO cannot read are skipped and
 * listed together in one warning ({@link #skipped()}). Each class is shuffled with the seed and
 * dealt to validation and test by the given fractions (at least one image each where the class has
 * three or more), the rest to train. Reading is cheap, so nothing is cached.
 */
public final class ImageFolderDataset implements ImageDataset {
    public static final String NAME = "image-folder";
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private final Path folder;
    private final ImageFormat format;
    private final long seed;
    private final double heldOutFraction;
    private final List<String> skipped = new ArrayList<>();

    /**
     * @param heldOutFraction the share of each class for validation, and the same share for test
     */
    public ImageFolderDataset(Path folder, ImageFormat format, long seed, double heldOutFraction) {
        this.folder = Check.notNull("folder", folder);
        this.format = Check.notNull("format", format);
        this.seed = seed;
        this.heldOutFraction = Check.inRange("held-out fraction", heldOutFraction, 0.01, 0.45);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Files of the last {@link #load} that could not be read as images, relative to the folder. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The unreadable files of the last {@link #load}, in one line; none when every file was read. */
    @Override
    public List<String> notices() {
        return skipped.isEmpty()
                ? List.of()
                : List.of("skipped " + skipped.size() + " file(s) that are not readable images: "
                        + String.join(", ", skipped));
    }

    @Override
    public ImageSplits load(Path cacheDir) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidValueException(
                    "image folder", folder, "give a folder with one sub-folder of images per class");
        }
        skipped.clear();
        List<Path> classes;
        try (Stream<Path> s = Files.list(folder)) {
            classes = s.filter(Files::isDirectory).sorted().toList();
        }
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> validation = new ArrayList<>();
        List<LabelledImage> test = new ArrayList<>();
        for (Path classFolder : classes) {
            String label = classFolder.getFileName().toString();
            List<LabelledImage> images = new ArrayList<>();
            for (Path file : imageFiles(classFolder)) {
                BufferedImage image = readOrNull(file);
                if (image == null) {
                    skipped.add(folder.relativize(file).toString());
                } else {
                    images.add(new LabelledImage(ImagePixels.of(image, format), label));
                }
            }
            Collections.shuffle(images, new Random(seed ^ label.hashCode()));
            int heldOut = images.size() >= 3 ? Math.max(1, (int) Math.floor(images.size() * heldOutFraction)) : 0;
            validation.addAll(images.subList(0, heldOut));
            test.addAll(images.subList(heldOut, 2 * heldOut));
            train.addAll(images.subList(2 * heldOut, images.size()));
        }
        if (!skipped.isEmpty()) {
            LOG.warn(
                    "Skipped {} file(s) of {} that are not readable PNG or JPEG images: {}",
                    skipped.size(),
                    folder,
                    String.join(", ", skipped));
        }
        if (train.isEmpty() || validation.isEmpty() || test.isEmpty()) {
            throw new InvalidValueException(
                    "image folder",
                    folder,
                    "needs at least one class sub-folder with three or"
                            + " more readable PNG or JPEG images (found "
                            + (train.size() + validation.size() + test.size())
                            + " in " + classes.size() + " sub-folders)");
        }
        return new ImageSplits(NAME, format, train, validation, test, ContentHash.of(train, validation, test));
    }

    private static List<Path> imageFiles(Path classFolder) throws IOException {
        try (Stream<Path> s = Files.list(classFolder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(e)))
                    .sorted()
                    .toList();
        }
    }

    private static BufferedImage readOrNull(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot read {}", file, e);
            return null;
        }
    }
}
