package io.paretone.evaluators.data.image;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.image.ImageFormat;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Converts between Java images and the flat [-1, 1] values families train on. Every value is
 * quantised to 8 bits, as in a PNG, so that an image read back from a cache equals the one made.
 */
public final class ImagePixels {
    private ImagePixels() {}

    /** The image resized (bilinear) to the format and made grayscale or RGB as it asks. */
    public static float[] of(BufferedImage image, ImageFormat format) {
        int type = format.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage target = new BufferedImage(format.width(), format.height(), type);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, format.width(), format.height(), null);
        g.dispose();
        int plane = format.height() * format.width();
        float[] values = new float[format.values()];
        for (int y = 0; y < format.height(); y++) {
            for (int x = 0; x < format.width(); x++) {
                int i = y * format.width() + x;
                if (format.channels() == 1) {
                    values[i] = fromByte(target.getRaster().getSample(x, y, 0));
                } else {
                    int rgb = target.getRGB(x, y);
                    values[i] = fromByte((rgb >> 16) & 0xff);
                    values[plane + i] = fromByte((rgb >> 8) & 0xff);
                    values[2 * plane + i] = fromByte(rgb & 0xff);
                }
            }
        }
        return values;
    }

    /** The values as a Java image, to save as PNG. */
    public static BufferedImage toImage(float[] values, ImageFormat format) {
        Check.that(
                values.length == format.values(),
                "values",
                values.length,
                "must be " + format.values() + " for " + format);
        int plane = format.height() * format.width();
        int type = format.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(format.width(), format.height(), type);
        for (int y = 0; y < format.height(); y++) {
            for (int x = 0; x < format.width(); x++) {
                int i = y * format.width() + x;
                if (format.channels() == 1) {
                    image.getRaster().setSample(x, y, 0, toByte(values[i]));
                } else {
                    image.setRGB(
                            x,
                            y,
                            toByte(values[i]) << 16 | toByte(values[plane + i]) << 8 | toByte(values[2 * plane + i]));
                }
            }
        }
        return image;
    }

    /** An 8-bit level (0..255) as a value in [-1, 1]. */
    static float fromByte(int level) {
        return level / 127.5f - 1f;
    }

    /** A value in [-1, 1] (clamped) as the nearest 8-bit level. */
    static int toByte(float value) {
        float v = Float.isNaN(value) ? -1f : Math.max(-1f, Math.min(1f, value));
        return Math.round((v + 1f) * 127.5f);
    }
}
