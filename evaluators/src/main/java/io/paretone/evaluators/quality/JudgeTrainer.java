package io.paretone.evaluators.quality;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link Judge} on a dataset's training split: random crops of the judged clip length,
 * every label facet of the {@link LabelVocabulary} predicted at once (the loss is the sum of each
 * facet's softmax cross-entropy), Adam for a fixed number of steps. Log-mel bands are normalised
 * by their mean and standard deviation over the training frames. On the CPU ({@link JudgeTraining}
 * says why); a study trains it once.
 *
 * <p>It opens a gradient collector, of which DJL allows one per JVM at a time: train the judge
 * before candidates train, never beside them. A dataset without labels (no facet with two or more
 * classes) gets an untrained judge, whose random convolutional features still embed audio; it says
 * so ({@link Judge#UNTRAINED}) and the proxy drops the class term.
 */
public final class JudgeTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(JudgeTrainer.class);

    /** How long training took and its first and last loss, for the log and the cache's metadata. */
    record Report(double seconds, float firstLoss, float finalLoss) {}

    private Report report;

    /**
     * @param clipSamples the length of the clips the judge will judge, also its training crop
     * @throws IllegalStateException if the loss diverges (the message says to lower the learning rate)
     */
    public Judge train(AudioSplits data, int clipSamples, JudgeSettings settings) {
        long start = System.nanoTime();
        LogMelSpectrogram features = LogMelSpectrogram.forSampleRate(data.sampleRate(), settings.melBands());
        LabelVocabulary vocabulary = LabelVocabulary.of(data.train());
        List<AudioClip> labelled = data.train().stream()
                .filter(c -> Arrays.stream(vocabulary.indices(c)).allMatch(i -> i >= 0))
                .toList();
        List<double[][]> frames = new ArrayList<>();
        for (AudioClip clip : labelled) {
            float[] samples =
                    clip.samples().length >= clipSamples ? clip.samples() : Arrays.copyOf(clip.samples(), clipSamples);
            frames.add(features.compute(ClipSets.sanitised(samples.clone())));
        }
        int bands = features.nMels();
        float[] mean = new float[bands];
        float[] std = new float[bands];
        normalisation(frames, mean, std);
        int cropFrames = features.frameCount(clipSamples);

        DjlRuntime.engine().setRandomSeed((int) settings.seed());
        Model model = Model.newInstance("judge", JudgeTraining.DEVICE);
        model.setBlock(new JudgeBlock(settings.channels(), settings.embeddingSize(), vocabulary.totalClasses()));
        float first = Float.NaN;
        float last = Float.NaN;
        try {
            if (vocabulary.facets().isEmpty() || labelled.isEmpty()) {
                LOG.warn("Judge of {}: {}", data.datasetName(), Judge.UNTRAINED);
                model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, bands, cropFrames));
            } else {
                float[] losses = fit(model, vocabulary, labelled, frames, mean, std, cropFrames, settings);
                first = losses[0];
                last = losses[losses.length - 1];
            }
        } catch (EngineException e) {
            model.close();
            throw new IllegalStateException("the judge could not be trained: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            model.close();
            throw e;
        }
        Judge judge = new Judge(model, features, mean, std, vocabulary, null, List.of());
        List<Double> accuracy = accuracy(judge, data.validation(), clipSamples);
        report = new Report((System.nanoTime() - start) / 1e9, first, last);
        LOG.info(
                "Judge trained on {} clips in {} s: facets {}, loss {} -> {}, validation accuracy {}",
                labelled.size(),
                String.format("%.1f", report.seconds()),
                vocabulary.facets(),
                first,
                last,
                accuracy);
        return new Judge(model, features, mean, std, vocabulary, null, accuracy);
    }

    /** Seconds and losses of the last {@link #train}. */
    Report report() {
        return report;
    }

    private static float[] fit(
            Model model,
            LabelVocabulary vocabulary,
            List<AudioClip> clips,
            List<double[][]> frames,
            float[] mean,
            float[] std,
            int cropFrames,
            JudgeSettings settings) {
        int bands = mean.length;
        int batch = settings.batchSize();
        int classes = vocabulary.totalClasses();
        int[][] labels = new int[clips.size()][];
        for (int c = 0; c < clips.size(); c++) {
            labels[c] = vocabulary.indices(clips.get(c));
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        return JudgeTraining.fit(
                model,
                (float) settings.learningRate(),
                new Shape(batch, bands, cropFrames),
                settings.steps(),
                manager -> {
                    float[] input = new float[batch * bands * cropFrames];
                    float[] target = new float[batch * classes];
                    for (int b = 0; b < batch; b++) {
                        int c = random.nextInt(clips.size());
                        double[][] x = frames.get(c);
                        int startFrame = x.length > cropFrames ? random.nextInt(x.length - cropFrames + 1) : 0;
                        for (int t = 0; t < cropFrames; t++) {
                            double[] frame = x[Math.min(x.length - 1, startFrame + t)];
                            for (int m = 0; m < bands; m++) {
                                input[(b * bands + m) * cropFrames + t] = (float) ((frame[m] - mean[m]) / std[m]);
                            }
                        }
                        for (int f = 0; f < labels[c].length; f++) {
                            target[b * classes + vocabulary.offset(f) + labels[c][f]] = 1;
                        }
                    }
                    return new JudgeTraining.Batch(
                            manager.create(input, new Shape(batch, bands, cropFrames)),
                            manager.create(target, new Shape(batch, classes)));
                },
                (logits, y) -> facetLoss(vocabulary, logits, y),
                (step, loss) -> "the judge's loss became " + loss + " at step " + (step + 1)
                        + "; lower judge.learningRate (now " + settings.learningRate() + ")");
    }

    /** The sum over label facets of each facet's softmax cross-entropy against one-hot targets. */
    private static NDArray facetLoss(LabelVocabulary vocabulary, NDArray logits, NDArray y) {
        NDArray loss = null;
        for (int f = 0; f < vocabulary.facets().size(); f++) {
            String slice = ":, " + vocabulary.offset(f) + ":"
                    + (vocabulary.offset(f) + vocabulary.classes().get(f).size());
            NDArray term = logits.get(slice)
                    .logSoftmax(1)
                    .mul(y.get(slice))
                    .sum(new int[] {1})
                    .neg()
                    .mean();
            loss = loss == null ? term : loss.add(term);
        }
        return loss;
    }

    /** Per facet, the share of {@code clips} (crops from the start) whose class is predicted right. */
    static List<Double> accuracy(Judge judge, List<AudioClip> clips, int clipSamples) {
        LabelVocabulary vocabulary = judge.vocabulary();
        List<Double> out = new ArrayList<>();
        if (clips.isEmpty() || vocabulary.facets().isEmpty()) {
            return out;
        }
        Judge.Judgement j = judge.judge(ClipSets.crops(ClipSets.samplesOf(clips), clips.size(), clipSamples));
        for (int f = 0; f < vocabulary.facets().size(); f++) {
            int right = 0;
            for (int c = 0; c < clips.size(); c++) {
                right += argmax(j.probabilities().get(f)[c]) == vocabulary.indices(clips.get(c))[f] ? 1 : 0;
            }
            out.add((double) right / clips.size());
        }
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Per band, the mean and standard deviation (at least 1e-3) over every frame of every clip. */
    private static void normalisation(List<double[][]> frames, float[] mean, float[] std) {
        int bands = mean.length;
        double[] sum = new double[bands];
        double[] squares = new double[bands];
        long n = 0;
        for (double[][] x : frames) {
            for (double[] frame : x) {
                for (int b = 0; b < bands; b++) {
                    sum[b] += frame[b];
                    squares[b] += frame[b] * frame[b];
                }
                n++;
            }
        }
        for (int b = 0; b < bands; b++) {
            double m = n == 0 ? 0 : sum[b] / n;
            double variance = n == 0 ? 1 : Math.max(0, squares[b] / n - m * m);
            mean[b] = (float) m;
            std[b] = (float) Math.max(1e-3, Math.sqrt(variance));
        }
    }
}
