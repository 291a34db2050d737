package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The ladder of plausible failures of each domain, built by rules from one seed and from real
 * examples the proxy never calibrated on: the CI tests build them here for a few seeds, and
 * {@link LadderBench} for many.
 */
final class Ladders {
    private Ladders() {}

    /**
     * The audio ladder from held-out real crops off the calibration grid ({@link ProxyChecks#heldOutCrops}):
     * light is white noise at SNR 30 dB or a 4 kHz low-pass, heavy SNR 20 dB or a 2 kHz low-pass;
     * the structured failures are a steady tone at each clip's pitch, clicks, and noise with the
     * data's spectrum; noise is white noise at each clip's RMS. (The wrong-class clip is a
     * conditional failure, checked by {@code JudgeQualityProxyTest}.)
     */
    static Ladder audio(AudioSplits data, int clips, int clipSamples, long seed) {
        List<float[]> real = ProxyChecks.heldOutCrops(data, clips, clipSamples, seed);
        return new Ladder()
                .add(Ladder.REAL, "held-out real crops", real)
                .add(Ladder.LIGHT, "white noise at SNR 30 dB", SyntheticAudio.withNoise(real, 30, seed))
                .add(Ladder.LIGHT, "low-passed at 4 kHz", SyntheticAudio.lowPassed(real, 4000, data.sampleRate()))
                .add(Ladder.HEAVY, "white noise at SNR 20 dB", SyntheticAudio.withNoise(real, 20, seed))
                .add(Ladder.HEAVY, "low-passed at 2 kHz", SyntheticAudio.lowPassed(real, 2000, data.sampleRate()))
                .add(
                        Ladder.STRUCTURED,
                        "steady tone at the note's pitch",
                        AudioFailures.steadyTones(real, data.sampleRate(), seed))
                .add(Ladder.STRUCTURED, "clicks", AudioFailures.clicks(real, data.sampleRate(), seed))
                .add(
                        Ladder.STRUCTURED,
                        "noise with the data's spectrum",
                        ClipSets.spectrumNoise(real, clips, clipSamples, 500 + seed))
                .add(Ladder.NOISE, "white noise", AudioFailures.whiteNoise(real, 600 + seed));
    }

    /**
     * The image ladder: real digits rendered with seed {@code 100 + seed} (never the calibration's
     * when the data's seed is another); light is Gaussian pixel noise of sigma 0.1 or a radius-1
     * blur, heavy sigma 0.5 or a radius-2 blur; the structured failures are blobs, strokes that form
     * no digit, stripes, and one class for every image (real digits of class {@code seed mod 10},
     * rendered with seed {@code 200 + seed}); noise is pixel noise at the reference's mean and spread.
     *
     * @param renders where the independent digits are rendered (and cached)
     */
    static Ladder image(ImageSplits digits, int images, long seed, Path renders) throws IOException {
        List<float[]> real = independentDigits(images, 100 + seed, renders);
        ImageSplits other = new RenderedDigitsDataset(new RenderedDigitsSettings(200 + seed, images, 1, 1))
                .load(renders.resolve("proxy-digits-" + (200 + seed)));
        String digit = other.classes()
                .get((int) Math.floorMod(seed, (long) other.classes().size()));
        List<float[]> oneClass = other.train().stream()
                .filter(i -> i.label().equals(digit))
                .limit(images)
                .map(LabelledImage::values)
                .toList();
        List<float[]> validation =
                digits.validation().stream().map(LabelledImage::values).toList();
        return new Ladder()
                .add(Ladder.REAL, "independent real digits", real)
                .add(Ladder.LIGHT, "Gaussian noise sigma 0.1", changed(real, ImageFailures.gaussianNoise(0.1, seed)))
                .add(Ladder.LIGHT, "blur radius 1", changed(real, x -> ImageFailures.boxBlur(x, 28, 1)))
                .add(Ladder.HEAVY, "Gaussian noise sigma 0.5", changed(real, ImageFailures.gaussianNoise(0.5, seed)))
                .add(Ladder.HEAVY, "blur radius 2", changed(real, x -> ImageFailures.boxBlur(x, 28, 2)))
                .add(Ladder.STRUCTURED, "blobs", ImageFailures.blobs(images, seed))
                .add(Ladder.STRUCTURED, "strokes that form no digit", ImageFailures.strokes(images, seed))
                .add(Ladder.STRUCTURED, "stripes", ImageFailures.stripes(images, seed))
                .add(Ladder.STRUCTURED, "one class for every image", oneClass)
                .add(Ladder.NOISE, "pixel noise", ImageFailures.pixelNoise(validation, images, 300 + seed));
    }

    /**
     * The digits an image ladder's proxy calibrates on: a study's default training and validation
     * splits ({@link RenderedDigitsSettings#ofSeed}), and 30 held-out digits per class, so that the
     * real anchor averages 5 disjoint subsets of the 60 images a ladder's sets hold (a study judging
     * its default 32 images gets 6 from the default 20 per class).
     */
    static RenderedDigitsSettings imageData(long seed) {
        RenderedDigitsSettings defaults = RenderedDigitsSettings.ofSeed(seed);
        return new RenderedDigitsSettings(seed, defaults.trainPerClass(), defaults.validationPerClass(), 30);
    }

    /** {@code images} real digits rendered with {@code seed}, every class in turn: images no proxy calibrated on. */
    static List<float[]> independentDigits(int images, long seed, Path renders) throws IOException {
        int perClass = (images + 9) / 10;
        ImageSplits other = new RenderedDigitsDataset(new RenderedDigitsSettings(seed, perClass, 1, 1))
                .load(renders.resolve("proxy-digits-" + seed));
        return other.train().stream().limit(images).map(i -> i.values().clone()).toList();
    }

    private static float[][] changed(List<float[]> images, UnaryOperator<float[]> change) {
        return images.stream().map(x -> change.apply(x.clone())).toArray(float[][]::new);
    }
}
