package io.paretone.spaces.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler.GenerationRequest;
import java.util.SplittableRandom;

/**
 * How image families answer a generation request of any length: each requested "clip" is whole
 * generated images laid end to end, cut to the requested number of values. A request of exactly
 * one image's {@link ImageFormat#values()} gets one image per clip.
 */
public final class ImageSampling {
    private ImageSampling() {}

    /** Images to generate per clip of the request. */
    public static int imagesPerClip(GenerationRequest request, ImageFormat format) {
        return (request.samples() + format.values() - 1) / format.values();
    }

    /** Cuts {@code clips x imagesPerClip} flat images into the requested clips. */
    public static float[][] cut(float[] images, GenerationRequest request, ImageFormat format) {
        int perClip = imagesPerClip(request, format) * format.values();
        float[][] clips = new float[request.clips()][request.samples()];
        for (int c = 0; c < clips.length; c++) {
            System.arraycopy(images, c * perClip, clips[c], 0, request.samples());
        }
        return clips;
    }

    /**
     * Images from a decoder or generator of latents {@code [B, latent]}, the latents drawn from
     * N(0, I) with a Java generator seeded by the request, so the same seed gives the same images.
     */
    public static float[][] fromPrior(
            Block generator, int latent, ImageFormat format, ParameterStore parameters, GenerationRequest request) {
        int images = request.clips() * imagesPerClip(request, format);
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] z = new float[images * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        NDManager owner = generator.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            float[] values = generator
                    .forward(parameters, new NDList(manager.create(z, new Shape(images, latent))), false)
                    .singletonOrThrow()
                    .toFloatArray();
            return cut(values, request, format);
        }
    }
}
