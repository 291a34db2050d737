package io.paretone.evaluators.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.image.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
    @TempDir
    Path root;

    /** A uniform 10 x 6 RGB image of one colour. */
    private static void write(Path file, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    private void fill() throws IOException {
        for (int i = 0; i < 5; i++) {
            write(root.resolve("red/r" + i + ".png"), 0xff0000, "png");
            write(root.resolve("white/w" + i + ".jpg"), 0xffffff, "jpg");
        }
        Files.writeString(root.resolve("red/broken.png"), "not a png");
        Files.writeString(root.resolve("white/notes.txt"), "ignored: not an image name");
    }

    @Test
    void classesComeFromSubFoldersAndUnreadableFilesAreSkippedAndListed() throws IOException {
        fill();
        ImageFolderDataset dataset = new ImageFolderDataset(root, new ImageFormat(3, 4, 4), 1, 0.2);
        ImageSplits splits = dataset.load(root.resolve("cache"));
        assertEquals(List.of("red", "white"), splits.classes());
        // 5 per class, 20 % held out twice: one to validation, one to test, three to train.
        assertEquals(6, splits.train().size());
        assertEquals(2, splits.validation().size());
        assertEquals(2, splits.test().size());
        assertEquals(List.of(Path.of("red", "broken.png").toString()), dataset.skipped());
    }

    /** Pure red resized to 4 x 4 RGB: R plane at +1, G and B planes at -1; white to grayscale is +1. */
    @Test
    void imagesAreResizedAndConvertedToTheConfiguredChannels() throws IOException {
        fill();
        ImageSplits rgb = new ImageFolderDataset(root, new ImageFormat(3, 4, 4), 1, 0.2).load(root);
        float[] red = rgb.train().stream()
                .filter(i -> i.label().equals("red"))
                .findFirst()
                .orElseThrow()
                .values();
        assertEquals(48, red.length);
        assertEquals(1f, red[0], 1e-6);
        assertEquals(-1f, red[16], 1e-6);
        assertEquals(-1f, red[47], 1e-6);
        ImageSplits gray = new ImageFolderDataset(root, new ImageFormat(1, 8, 8), 1, 0.2).load(root);
        float[] white = gray.train().stream()
                .filter(i -> i.label().equals("white"))
                .findFirst()
                .orElseThrow()
                .values();
        assertEquals(64, white.length);
        assertEquals(1f, white[20], 0.02);
    }

    @Test
    void aFolderWithoutImagesSaysWhatItNeeds() throws IOException {
        Files.createDirectories(root.resolve("empty"));
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> new ImageFolderDataset(root, ImageFormat.DIGITS, 1, 0.2).load(root));
        assertEquals(true, e.getMessage().contains("sub-folder"));
    }
}
