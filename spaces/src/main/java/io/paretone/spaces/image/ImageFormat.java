package io.paretone.spaces.image;

import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.check.Check;

/**
 * The size of the images a dataset holds and an image family generates. An image travels as one
 * flat {@code float[]} of {@link #values()} values in [-1, 1], channel by channel, row by row
 * (channels x height x width, as DJL's {@code Conv2d} expects), so it fits the same
 * {@link io.paretone.spaces.training.TrainingData} and samplers as an audio clip: a generated
 * "unit" is one image of {@link #values()} values, where audio's is one second of samples.
 *
 * @param channels 1 for grayscale, 3 for RGB
 */
public record ImageFormat(int channels, int height, int width) {
    /** 28 x 28 grayscale, the MNIST size. */
    public static final ImageFormat DIGITS = new ImageFormat(1, 28, 28);

    public ImageFormat {
        Check.that(channels == 1 || channels == 3, "channels", channels, "use 1 (grayscale) or 3 (RGB)");
        Check.that(height >= 4 && height <= 1024, "height", height, "use 4 to 1024 pixels");
        Check.that(width >= 4 && width <= 1024, "width", width, "use 4 to 1024 pixels");
    }

    /** Values of one image: channels x height x width. */
    public int values() {
        return channels * height * width;
    }

    /** The shape of a batch of these images, {@code [batch, channels, height, width]}. */
    public Shape batch(long batchSize) {
        return new Shape(batchSize, channels, height, width);
    }

    /**
     * The format {@link #toString()} wrote.
     *
     * @throws io.paretone.spaces.check.InvalidValueException if it is not {@code WxHxC} or out of range
     */
    public static ImageFormat parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("x");
        Check.that(
                parts.length == 3 && text.strip().matches("\\d+x\\d+x\\d+"),
                "image format",
                text,
                "write width x height x channels, such as 28x28x1");
        return new ImageFormat(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
    }

    /** {@code 28x28x1}, for descriptions and cache keys. */
    @Override
    public String toString() {
        return width + "x" + height + "x" + channels;
    }
}
