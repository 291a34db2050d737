package io.paretone.evaluators.data.image;

import io.paretone.evaluators.data.ContentHash;
import io.paretone.spaces.image.ImageFormat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code digits-rendered}: MNIST-like 28 x 28 grayscale digits 0-9 that paretone draws itself from
 * the fonts installed on the machine ({@link DigitRenderer}), so an image study needs no download.
 * Image {@code i} of a split comes from its own generator split off the seed by split and index, so
 * the same settings and fonts give the same images. They are cached under
 * {@code cacheDir/digits-rendered-<key>.bin} (8-bit pixels), keyed by the settings and the fonts.
 */
public final class RenderedDigitsDataset implements ImageDataset {
    public static final String NAME = "digits-rendered";
    private static final int SCHEMA_VERSION = 1;
    private static final int CLASSES = 10;

    private final RenderedDigitsSettings settings;
    private final DigitRenderer renderer;

    public RenderedDigitsDataset(RenderedDigitsSettings settings) {
        this(settings, new DigitRenderer());
    }

    RenderedDigitsDataset(RenderedDigitsSettings settings, DigitRenderer renderer) {
        this.settings = settings;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ImageSplits load(Path cacheDir) throws IOException {
        Path file = cacheFile(cacheDir);
        List<List<LabelledImage>> splits = Files.isRegularFile(file) ? read(file) : render();
        if (!Files.isRegularFile(file)) {
            write(file, splits);
        }
        return new ImageSplits(
                NAME,
                ImageFormat.DIGITS,
                splits.get(0),
                splits.get(1),
                splits.get(2),
                ContentHash.of(splits.get(0), splits.get(1), splits.get(2)));
    }

    Path cacheFile(Path cacheDir) {
        String key = ContentHash.ofText(
                "schema=" + SCHEMA_VERSION + ";" + settings.canonical() + ";fonts=" + renderer.fonts());
        return cacheDir.resolve(NAME + "-" + key.substring(0, 16) + ".bin");
    }

    private List<List<LabelledImage>> render() {
        int[] perClass = {settings.trainPerClass(), settings.validationPerClass(), settings.testPerClass()};
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<List<LabelledImage>> splits = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            SplittableRandom splitRandom = root.split();
            List<LabelledImage> images = new ArrayList<>();
            // Classes interleaved (0, 1, ..., 9, 0, ...) so any prefix of a split is balanced.
            for (int i = 0; i < perClass[s] * CLASSES; i++) {
                int digit = i % CLASSES;
                images.add(new LabelledImage(renderer.render(digit, splitRandom.split()), Integer.toString(digit)));
            }
            splits.add(images);
        }
        return splits;
    }

    private static void write(Path file, List<List<LabelledImage>> splits) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(SCHEMA_VERSION);
            for (List<LabelledImage> split : splits) {
                out.writeInt(split.size());
                for (LabelledImage image : split) {
                    out.writeUTF(image.label());
                    for (float v : image.values()) {
                        out.writeByte(ImagePixels.toByte(v));
                    }
                }
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<List<LabelledImage>> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != SCHEMA_VERSION) {
                throw new IOException(
                        "the digit cache " + file + " has another schema version; delete it to render again");
            }
            List<List<LabelledImage>> splits = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                int n = in.readInt();
                List<LabelledImage> images = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String label = in.readUTF();
                    float[] values = new float[ImageFormat.DIGITS.values()];
                    for (int p = 0; p < values.length; p++) {
                        values[p] = ImagePixels.fromByte(in.readUnsignedByte());
                    }
                    images.add(new LabelledImage(values, label));
                }
                splits.add(images);
            }
            return splits;
        }
    }
}
