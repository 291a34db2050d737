package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.TrainingTask;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Next-sample prediction: a crop of n mu-law classes gives inputs 0..n-2 and targets 1..n-1; the
 * loss is the mean cross-entropy over every position.
 */
final class WaveNetTrainingTask implements TrainingTask {

    @Override
    public Batch batch(
            NDManager manager, List<float[]> clips, int batchSize, int cropLength, SplittableRandom random) {
        long[] in = new long[batchSize * (cropLength - 1)];
        long[] out = new long[batchSize * (cropLength - 1)];
        int[] crop = new int[cropLength];
        for (int b = 0; b < batchSize; b++) {
            float[] clip = clips.get(random.nextInt(clips.size()));
            int start = clip.length > cropLength ? random.nextInt(clip.length - cropLength + 1) : 0;
            for (int j = 0; j < cropLength; j++) {
                int k = start + j;
                // Clips shorter than a crop are padded with silence.
                crop[j] = MuLaw.encode(k < clip.length ? clip[k] : 0f);
            }
            for (int j = 0; j < cropLength - 1; j++) {
                in[b * (cropLength - 1) + j] = crop[j];
                out[b * (cropLength - 1) + j] = crop[j + 1];
            }
        }
        Shape shape = new Shape(batchSize, cropLength - 1);
        return new Batch(new NDList(manager.create(in, shape)), new NDList(manager.create(out, shape)));
    }

    @Override
    public NDArray loss(NDList predictions, NDList labels) {
        NDArray logits = predictions.singletonOrThrow(); // [B, 256, T]
        NDArray logProbs = logits.logSoftmax(1);
        NDArray targets = labels.singletonOrThrow().oneHot(MuLaw.CLASSES).transpose(0, 2, 1);
        return logProbs.mul(targets).sum(new int[] {1}).mean().neg();
    }
}
