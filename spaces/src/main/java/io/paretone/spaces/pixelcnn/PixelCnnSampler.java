package io.paretone.spaces.pixelcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.image.ImageSampling;
import java.util.SplittableRandom;

/**
 * Samples images pixel by pixel in raster order: a full pass over the batch of images drawn so far,
 * the softmax at the next pixel, a level drawn with a seeded Java generator.
 */
final class PixelCnnSampler implements Sampler {
    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        PixelCnnArchitecture arch = ((PixelCnnBlock) block).architecture();
        int images = request.clips() * ImageSampling.imagesPerClip(request, arch.format());
        int h = arch.format().height();
        int w = arch.format().width();
        int levels = arch.levels();
        float[] canvas = new float[images * h * w];
        java.util.Arrays.fill(canvas, arch.value(0));
        SplittableRandom random = new SplittableRandom(request.seed());
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        for (int pixel = 0; pixel < h * w; pixel++) {
            float[] probabilities;
            try (NDManager manager = owner.newSubManager()) {
                NDArray x = manager.create(canvas, arch.format().batch(images));
                NDArray logits = block.forward(parameters, new NDList(x), false).singletonOrThrow();
                probabilities = logits.get(":, :, " + pixel / w + ", " + pixel % w)
                        .softmax(1)
                        .toFloatArray();
            }
            for (int i = 0; i < images; i++) {
                double u = random.nextDouble();
                int level = levels - 1;
                for (int l = 0; l < levels; l++) {
                    u -= probabilities[i * levels + l];
                    if (u < 0) {
                        level = l;
                        break;
                    }
                }
                canvas[i * h * w + pixel] = arch.value(level);
            }
        }
        return ImageSampling.cut(canvas, request, arch.format());
    }
}
