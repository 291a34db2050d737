package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.runtime.DjlRuntime;

/**
 * Ancestral sampling, one sample at a time, all clips of a call in one batch. Each step costs one
 * output position per layer thanks to the cached windows of {@link WaveNetBlock.GenerationState}.
 * Each class is drawn on the device (inverse CDF against a uniform from the engine's generator,
 * seeded with the request's seed, so clips are reproducible on a device) and fed straight back:
 * nothing goes between host and device until the clips are read at the end.
 */
final class WaveNetSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        WaveNetBlock net = (WaveNetBlock) block;
        int count = request.clips();
        int samples = request.samples();
        float[][] audio = new float[count][samples];
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        DjlRuntime.engine().setRandomSeed((int) request.seed());
        try (NDManager manager = owner.newSubManager()) {
            WaveNetBlock.GenerationState state = net.newGenerationState(manager, count);
            NDArray current = manager.full(new Shape(count, 1), MuLaw.encode(0f), DataType.INT64);
            NDList drawn = new NDList(samples);
            for (int t = 0; t < samples; t++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray cumulative = state.step(parameters, current).softmax(1).cumSum(1); // [count, 256]
                    NDArray u = manager.randomUniform(0, 1, new Shape(count, 1));
                    // The first class whose cumulative probability exceeds u, as Categorical.draw.
                    current = cumulative.lte(u).sum(new int[] {1}, true).clip(0, MuLaw.CLASSES - 1)
                            .toType(DataType.INT64, false);
                    NDScope.unregister(current);
                    drawn.add(current);
                }
            }
            long[] classes = NDArrays.concat(drawn, 1).toLongArray(); // [count, samples]
            for (int c = 0; c < count; c++) {
                for (int t = 0; t < samples; t++) {
                    audio[c][t] = MuLaw.decode((int) classes[c * samples + t]);
                }
            }
            state.close();
        }
        return audio;
    }
}
