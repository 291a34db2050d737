package io.paretone.evaluators.quality;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.runtime.DjlRuntime;
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

    private final Model model;
    private final ImageFormat format;
    private final int classes;
    private final String weightsSha256;

    /** @param weightsSha256 the SHA-256 of the saved weights; null for a judge never saved */
    ImageJudge(Model model, ImageFormat format, int classes, String weightsSha256) {
        this.model = model;
        this.format = format;
        this.classes = classes;
        this.weightsSha256 = weightsSha256;
    }

    /** The judge's network for {@code classes} classes (at least two outputs). */
    static ImageJudgeBlock block(int classes) {
        return new ImageJudgeBlock(EMBEDDING, Math.max(2, classes));
    }

    Model model() {
        return model;
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
        DefaultTrainingConfig config = JudgeTraining.config(model.getNDManager().getDevice(), 1e-3f);
        SplittableRandom random = new SplittableRandom(seed);
        float first = Float.NaN;
        float last = Float.NaN;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(data.format().batch(BATCH));
            for (int step = 0; step < steps; step++) {
                float[] x = new float[BATCH * data.format().values()];
                float[] y = new float[BATCH];
                for (int b = 0; b < BATCH; b++) {
                    LabelledImage image = train.get(random.nextInt(train.size()));
                    System.arraycopy(
                            image.values(),
                            0,
                            x,
                            b * data.format().values(),
                            data.format().values());
                    y[b] = classes.indexOf(image.label());
                }
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDArray input = manager.create(x, data.format().batch(BATCH));
                    NDArray labels = manager.create(y, new Shape(BATCH));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(input)).get(1);
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                        last = loss.getFloat();
                        if (!Float.isFinite(last)) {
                            throw new IllegalStateException("the image judge's loss became " + last + " at step " + step
                                    + "; check that the training images are finite values in [-1, 1]");
                        }
                        first = step == 0 ? last : first;
                        collector.backward(loss);
                    }
                    trainer.step();
                }
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
        int n = images.size();
        double[][] embeddings = new double[n][];
        double[][] probabilities = new double[n][];
        for (int from = 0; from < n; from += INFERENCE_BATCH) {
            int to = Math.min(n, from + INFERENCE_BATCH);
            float[] x = batch(images, from, to);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDList out = model.getBlock()
                        .forward(
                                new ParameterStore(manager, false),
                                new NDList(manager.create(x, format.batch(to - from))),
                                false);
                float[] e = out.get(0).toFloatArray();
                float[] p = out.get(1).softmax(1).toFloatArray();
                int k = (int) out.get(1).getShape().get(1);
                for (int i = from; i < to; i++) {
                    embeddings[i] = slice(e, (i - from) * EMBEDDING, EMBEDDING);
                    probabilities[i] = slice(p, (i - from) * k, Math.min(k, Math.max(classes, 1)));
                }
            }
        }
        return new Judgement(embeddings, probabilities);
    }

    /**
     * A diagonal Gaussian fitted to the activations of the judge's first convolution over the images,
     * each image one vector of channel x row x column values: what the images look like locally,
     * below the level of digits. Accumulated batch by batch, so a large reference split never
     * holds all its activations at once.
     */
    public DiagonalGaussian firstLayerStatistics(List<float[]> images) {
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

    private static double[] slice(float[] values, int from, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = values[from + i];
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
