package io.paretone.evaluators.quality;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A classifier trained on an image dataset's training split, then frozen: it turns images into
 * embeddings and class probabilities, as the audio judge does for clips. Training opens a gradient
 * collector (one per JVM in DJL): train the judge before candidates train, never beside them.
 * Close it to free its weights.
 */
public final class ImageJudge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImageJudge.class);
    static final int EMBEDDING = 64;
    private static final int BATCH = 32;
    private static final int INFERENCE_BATCH = 256;

    private final JudgeNetwork network;
    private final ImageFormat format;
    private final int classes;
    private final String weightsSha256;

    /** @param weightsSha256 the SHA-256 of the saved weights; null for a judge never saved */
    ImageJudge(Model model, ImageFormat format, int classes, String weightsSha256) {
        this.network = new JudgeNetwork(model);
        this.format = format;
        this.classes = classes;
        this.weightsSha256 = weightsSha256;
    }

    /** The judge's network for {@code classes} classes (at least two outputs). */
    static ImageJudgeBlock block(int classes) {
        return new ImageJudgeBlock(EMBEDDING, Math.max(2, classes));
    }

    Model model() {
        return network.model();
    }

    int classes() {
        return classes;
    }

    /** The SHA-256 of the saved weights, or null for a judge never saved. */
    String weightsSha256() {
        return weightsSha256;
    }

    /** What the judge makes of some images: embeddings {@code [image][dimension]} and probabilities {@code [image][class]}. */
    public record Judgement(double[][] embeddings, double[][] probabilities) {}

    /**
     * Trains the judge with Adam (learning rate 1e-3) on batches of 32 training images drawn with
     * the seed, for the given number of steps.
     *
     * @throws IllegalStateException if the loss is not finite (the message says what to change)
     */
    public static ImageJudge train(ImageSplits data, int steps, long seed) {
        List<String> classes = data.classes();
        List<LabelledImage> train = data.train();
        DjlRuntime.engine().setRandomSeed((int) seed);
        Model model = Model.newInstance("image-judge", JudgeTraining.DEVICE);
        model.setBlock(block(classes.size()));
        ImageFormat format = data.format();
        SplittableRandom random = new SplittableRandom(seed);
        Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
        float first = Float.NaN;
        float last = Float.NaN;
        try {
            float[] losses = JudgeTraining.fit(
                    model,
                    1e-3f,
                    format.batch(BATCH),
                    steps,
                    manager -> {
                        float[] x = new float[BATCH * format.values()];
                        float[] y = new float[BATCH];
                        for (int b = 0; b < BATCH; b++) {
                            LabelledImage image = train.get(random.nextInt(train.size()));
                            System.arraycopy(image.values(), 0, x, b * format.values(), format.values());
                            y[b] = classes.indexOf(image.label());
                        }
                        return new JudgeTraining.Batch(
                                manager.create(x, format.batch(BATCH)), manager.create(y, new Shape(BATCH)));
                    },
                    (logits, labels) -> crossEntropy.evaluate(new NDList(labels), new NDList(logits)),
                    (step, loss) -> "the image judge's loss became " + loss + " at step " + step
                            + "; check that the training images are finite values in [-1, 1]");
            if (steps > 0) {
                first = losses[0];
                last = losses[steps - 1];
            }
        } catch (EngineException | IllegalStateException e) {
            model.close();
            throw e instanceof IllegalStateException ise
                    ? ise
                    : new IllegalStateException("the image judge could not be trained: " + e.getMessage(), e);
        }
        ImageJudge judge = new ImageJudge(model, data.format(), classes.size(), null);
        LOG.info(
                "Image judge trained on {} images for {} steps: loss {} -> {}, validation accuracy {}",
                train.size(),
                steps,
                first,
                last,
                String.format("%.3f", judge.accuracy(data.validation(), classes)));
        return judge;
    }

    /** Judges images of the judge's format. */
    public Judgement judge(List<float[]> images) {
        int outputs = Math.max(2, classes);
        JudgeNetwork.Output out = network.judge(
                images.size(),
                INFERENCE_BATCH,
                (manager, from, to) -> manager.create(batch(images, from, to), format.batch(to - from)),
                List.of(new JudgeNetwork.Logits(0, outputs)));
        double[][] probabilities = out.probabilities().get(0);
        // The network has two outputs at least; a judge of fewer classes keeps only theirs.
        int kept = Math.max(classes, 1);
        if (kept < outputs) {
            for (int i = 0; i < probabilities.length; i++) {
                probabilities[i] = Arrays.copyOf(probabilities[i], kept);
            }
        }
        return new Judgement(out.embeddings(), probabilities);
    }

    /**
     * A diagonal Gaussian fitted to the activations of the judge's first convolution over the images,
     * each image one vector of channel x row x column values: what the images look like locally,
     * below the level of digits. Accumulated batch by batch, so a large reference split never
     * holds all its activations at once.
     */
    public DiagonalGaussian firstLayerStatistics(List<float[]> images) {
        Model model = network.model();
        ImageJudgeBlock block = (ImageJudgeBlock) model.getBlock();
        double[] sum = null;
        double[] squares = null;
        for (int from = 0; from < images.size(); from += INFERENCE_BATCH) {
            int to = Math.min(images.size(), from + INFERENCE_BATCH);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                float[] a = block.firstLayer(
                                new ParameterStore(manager, false),
                                new NDList(manager.create(batch(images, from, to), format.batch(to - from))),
                                false)
                        .toFloatArray();
                int size = a.length / (to - from);
                sum = sum == null ? new double[size] : sum;
                squares = squares == null ? new double[size] : squares;
                for (int i = 0; i < a.length; i++) {
                    sum[i % size] += a[i];
                    squares[i % size] += (double) a[i] * a[i];
                }
            }
        }
        if (sum == null) {
            throw new IllegalArgumentException("no images to fit the first layer's statistics to");
        }
        double[] mean = new double[sum.length];
        double[] std = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            mean[k] = sum[k] / images.size();
            std[k] = Math.sqrt(Math.max(0, squares[k] / images.size() - mean[k] * mean[k]));
        }
        return new DiagonalGaussian(mean, std);
    }

    /** Images {@code from} to {@code to} (exclusive) laid out one after another, as a batch's values. */
    private float[] batch(List<float[]> images, int from, int to) {
        float[] x = new float[(to - from) * format.values()];
        for (int i = from; i < to; i++) {
            System.arraycopy(images.get(i), 0, x, (i - from) * format.values(), format.values());
        }
        return x;
    }

    /** The share of images whose most likely class is their label. */
    double accuracy(List<LabelledImage> images, List<String> classes) {
        Judgement j = judge(images.stream().map(LabelledImage::values).toList());
        int right = 0;
        for (int i = 0; i < images.size(); i++) {
            double[] p = j.probabilities()[i];
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            right += best == classes.indexOf(images.get(i).label()) ? 1 : 0;
        }
        return (double) right / images.size();
    }

    @Override
    public void close() {
        network.close();
    }
}
