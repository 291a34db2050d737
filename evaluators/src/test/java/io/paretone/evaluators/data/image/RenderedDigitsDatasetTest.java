package io.paretone.evaluators.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.ContentHash;
import io.paretone.spaces.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedDigitsDatasetTest {
    @TempDir
    Path cache;

    private static RenderedDigitsSettings small(long seed) {
        return new RenderedDigitsSettings(seed, 3, 2, 1);
    }

    @Test
    void splitsHoldTheRequestedBalancedCountsOfTwentyEightSquareDigits() throws IOException {
        ImageSplits splits = new RenderedDigitsDataset(small(1)).load(cache);
        assertEquals(30, splits.train().size());
        assertEquals(20, splits.validation().size());
        assertEquals(10, splits.test().size());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), splits.classes());
        assertEquals(ImageFormat.DIGITS, splits.format());
        for (LabelledImage image : splits.train()) {
            assertEquals(28 * 28, image.values().length);
        }
    }

    /** A digit is a bright stroke on a dark ground: most pixels near -1, some near +1. */
    @Test
    void digitsAreBrightStrokesOnADarkBackground() throws IOException {
        ImageSplits splits = new RenderedDigitsDataset(small(2)).load(cache);
        for (LabelledImage image : splits.train()) {
            int dark = 0;
            int bright = 0;
            for (float v : image.values()) {
                assertTrue(v >= -1 && v <= 1);
                dark += v < -0.6 ? 1 : 0;
                bright += v > 0.4 ? 1 : 0;
            }
            assertTrue(dark > 784 / 2, "mostly background: " + dark);
            assertTrue(bright > 20, "a visible stroke: " + bright);
        }
    }

    @Test
    void theSameSeedGivesTheSameImagesFreshOrFromTheCacheAndAnotherSeedDiffers() throws IOException {
        RenderedDigitsDataset dataset = new RenderedDigitsDataset(small(3));
        ImageSplits first = dataset.load(cache);
        assertTrue(Files.isRegularFile(dataset.cacheFile(cache)));
        ImageSplits cached = dataset.load(cache);
        ImageSplits fresh = new RenderedDigitsDataset(small(3)).load(cache.resolve("elsewhere"));
        assertEquals(first.contentHash(), cached.contentHash());
        assertEquals(first.contentHash(), fresh.contentHash());
        assertArrayEquals(first.test().get(4).values(), fresh.test().get(4).values());
        assertNotEquals(
                first.contentHash(),
                new RenderedDigitsDataset(small(4)).load(cache).contentHash());
    }

    /** Distortion varies the images: two renderings of the same digit differ. */
    @Test
    void twoImagesOfTheSameDigitDiffer() throws IOException {
        ImageSplits splits = new RenderedDigitsDataset(small(5)).load(cache);
        LabelledImage a = splits.train().get(0);
        LabelledImage b = splits.train().get(10);
        assertEquals(a.label(), b.label());
        assertNotEquals(
                ContentHash.of(List.of(a), List.of(), List.of()), ContentHash.of(List.of(b), List.of(), List.of()));
    }
}
