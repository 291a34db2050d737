package io.paretone.evaluators.data.image;

import io.paretone.spaces.image.ImageFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one MNIST-like digit: a glyph of an installed font, scaled so its longer side fills a
 * 20-pixel box centred in 28 x 28 (as MNIST's digits are), then randomly rotated (up to 15 degrees),
 * sheared (up to 0.3), rescaled (0.8 to 1.1) and shifted (up to 2 pixels), filled and stroked with
 * a random pen (0 to 2.5 pixels, for thin and bold strokes), white on black with anti-aliasing,
 * with Gaussian pixel noise of a random level (standard deviation up to 0.06 of the range) on top.
 * Java2D draws offscreen, so it needs no display.
 */
final class DigitRenderer {
    private static final int SIZE = 28;
    private static final double BOX = 20;

    private final List<String> fonts;

    /** Renders with the installed font families that draw all ten digits, sorted by name. */
    DigitRenderer() {
        this(installedDigitFonts());
    }

    DigitRenderer(List<String> fonts) {
        if (fonts.isEmpty()) {
            throw new IllegalStateException("no installed font draws the digits 0-9; install one (e.g. the Debian"
                    + " package fonts-dejavu-core) or use the image-folder dataset");
        }
        this.fonts = List.copyOf(fonts);
    }

    /** The font families used, which with the seed fix the images (part of the cache key). */
    List<String> fonts() {
        return fonts;
    }

    static List<String> installedDigitFonts() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.stream(families)
                .filter(f -> new Font(f, Font.PLAIN, 20).canDisplayUpTo("0123456789") == -1)
                .sorted()
                .toList();
    }

    /** The digit drawn with randomness from {@code random}, as 28 x 28 grayscale values in [-1, 1]. */
    float[] render(int digit, SplittableRandom random) {
        Font font =
                new Font(fonts.get(random.nextInt(fonts.size())), random.nextBoolean() ? Font.BOLD : Font.PLAIN, 64);
        FontRenderContext context = new FontRenderContext(null, true, true);
        Shape glyph = font.createGlyphVector(context, Integer.toString(digit)).getOutline();
        Rectangle2D bounds = glyph.getBounds2D();
        double fit = BOX / Math.max(bounds.getWidth(), bounds.getHeight());

        AffineTransform t = new AffineTransform();
        t.translate(SIZE / 2.0 + uniform(random, -2, 2), SIZE / 2.0 + uniform(random, -2, 2));
        t.rotate(Math.toRadians(uniform(random, -15, 15)));
        t.shear(uniform(random, -0.3, 0.3), 0);
        t.scale(fit * uniform(random, 0.8, 1.1), fit * uniform(random, 0.8, 1.1));
        t.translate(-bounds.getCenterX(), -bounds.getCenterY());
        Shape placed = t.createTransformedShape(glyph);

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(placed);
        float pen = (float) uniform(random, 0, 2.5);
        if (pen > 0.1f) {
            g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(placed);
        }
        g.dispose();

        float[] values = ImagePixels.of(image, ImageFormat.DIGITS);
        double noise = uniform(random, 0, 0.12);
        for (int i = 0; i < values.length; i++) {
            float noisy = (float) (values[i] + noise * random.nextGaussian());
            values[i] = ImagePixels.fromByte(ImagePixels.toByte(noisy));
        }
        return values;
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
