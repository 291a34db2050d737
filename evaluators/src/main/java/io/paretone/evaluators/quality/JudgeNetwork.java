package io.paretone.evaluators.quality;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen network inside either judge, and the inference both run: examples forwarded in
 * batches, the first output kept as embeddings, ranges of the second (the logits) turned into
 * class probabilities. What an example is (a clip's normalised log-mel frames, an image's pixels)
 * is the domain's {@link Inputs}; {@link Judge} and {@link ImageJudge} hold one of these each.
 */
final class JudgeNetwork implements AutoCloseable {
    /** Turns a domain's examples into the network's input, one batch at a time. */
    interface Inputs {
        /** Examples {@code from} to {@code to} (exclusive) as one input batch. */
        NDArray batch(NDManager manager, int from, int to);
    }

    /**
     * A run of logits softmaxed together: one label facet of the audio judge, all classes of the
     * image judge.
     */
    record Logits(int offset, int width) {}

    /**
     * @param embeddings {@code [example][dimension]}
     * @param probabilities per range of {@link Logits}, {@code [example][class]}, rows summing to 1
     */
    record Output(double[][] embeddings, List<double[][]> probabilities) {}

    private final Model model;

    /** @param model a model whose block outputs the embedding, then the logits */
    JudgeNetwork(Model model) {
        this.model = model;
    }

    /** Forwards {@code count} examples, {@code batchSize} at a time, without gradients. */
    Output judge(int count, int batchSize, Inputs inputs, List<Logits> ranges) {
        double[][] embeddings = new double[count][];
        List<double[][]> probabilities = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            probabilities.add(new double[count][]);
        }
        for (int from = 0; from < count; from += batchSize) {
            int to = Math.min(count, from + batchSize);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDList out = model.getBlock()
                        .forward(
                                new ParameterStore(manager, false), new NDList(inputs.batch(manager, from, to)), false);
                float[] embedding = out.get(0).toFloatArray();
                int e = (int) out.get(0).getShape().get(1);
                for (int i = from; i < to; i++) {
                    embeddings[i] = toDouble(embedding, (i - from) * e, e);
                }
                for (int r = 0; r < ranges.size(); r++) {
                    Logits range = ranges.get(r);
                    NDArray logits = out.get(1).get(":, " + range.offset() + ":" + (range.offset() + range.width()));
                    float[] p = logits.softmax(1).toFloatArray();
                    for (int i = from; i < to; i++) {
                        probabilities.get(r)[i] = toDouble(p, (i - from) * range.width(), range.width());
                    }
                }
            }
        }
        return new Output(embeddings, probabilities);
    }

    Model model() {
        return model;
    }

    private static double[] toDouble(float[] values, int from, int length) {
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
