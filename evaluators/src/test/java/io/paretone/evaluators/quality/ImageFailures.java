package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.image.ImagePixels;
import io.paretone.spaces.image.ImageFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** Rules that draw plausible failures of a 28 x 28 digit generator, each seeded. */
final class ImageFailures {
    private static final int SIZE = 28;

    private ImageFailures() {}

    /** One or two white ellipses, 6 to 18 pixels across, somewhere near the centre: a blob, no digit. */
    static List<float[]> blobs(int count, long seed) {
        return drawn(count, seed, (g, random) -> {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                double w = 6 + 12 * random.nextDouble();
                double h = 6 + 12 * random.nextDouble();
                g.fill(new Ellipse2D.Double(
                        14 + 6 * (random.nextDouble() - 0.5) - w / 2,
                        14 + 6 * (random.nextDouble() - 0.5) - h / 2,
                        w,
                        h));
            }
        });
    }

    /**
     * Two to four random curved strokes of a digit's pen width (2.5 to 4 pixels) inside the box a
     * digit fills: ink like a digit's that forms no digit.
     */
    static List<float[]> strokes(int count, long seed) {
        return drawn(count, seed, (g, random) -> {
            g.setStroke(new BasicStroke(
                    (float) (2.5 + 1.5 * random.nextDouble()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                g.draw(new QuadCurve2D.Double(
                        point(random), point(random), point(random), point(random), point(random), point(random)));
            }
        });
    }

    /** A sinusoidal grating of random orientation and a period of 3 to 8 pixels, in [-1, 1]. */
    static List<float[]> stripes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            double angle = Math.PI * random.nextDouble();
            double period = 3 + 5 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            float[] image = new float[SIZE * SIZE];
            for (int r = 0; r < SIZE; r++) {
                for (int col = 0; col < SIZE; col++) {
                    double u = col * Math.cos(angle) + r * Math.sin(angle);
                    image[r * SIZE + col] = (float) Math.sin(2 * Math.PI * u / period + phase);
                }
            }
            out.add(image);
        }
        return out;
    }

    /** Gaussian pixel noise at the reference's overall mean and spread, clamped to [-1, 1]. */
    static List<float[]> pixelNoise(List<float[]> reference, int count, long seed) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (float[] image : reference) {
            for (float v : image) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] image = new float[SIZE * SIZE];
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) Math.max(-1, Math.min(1, mean + std * random.nextGaussian()));
            }
            out.add(image);
        }
        return out;
    }

    /** Gaussian pixel noise of {@code sigma}, one stream over the images it is applied to, clamped to [-1, 1]. */
    static UnaryOperator<float[]> gaussianNoise(double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return x -> {
            for (int p = 0; p < x.length; p++) {
                x[p] = (float) Math.max(-1, Math.min(1, x[p] + sigma * random.nextGaussian()));
            }
            return x;
        };
    }

    /** Mean over the (2r + 1)^2 square around each pixel, the square cut at the edges. */
    static float[] boxBlur(float[] x, int side, int radius) {
        float[] out = new float[x.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double sum = 0;
                int n = 0;
                for (int dr = -radius; dr <= radius; dr++) {
                    for (int dc = -radius; dc <= radius; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr >= 0 && rr < side && cc >= 0 && cc < side) {
                            sum += x[rr * side + cc];
                            n++;
                        }
                    }
                }
                out[r * side + c] = (float) (sum / n);
            }
        }
        return out;
    }

    private static double point(SplittableRandom random) {
        return 5 + 18 * random.nextDouble();
    }

    private static List<float[]> drawn(int count, long seed, BiConsumer<Graphics2D, SplittableRandom> draw) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            draw.accept(g, random);
            g.dispose();
            out.add(ImagePixels.of(image, ImageFormat.DIGITS));
        }
        return out;
    }
}
