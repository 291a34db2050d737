package io.paretone.spaces.wavegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * WaveGAN's phase shuffle: shifts a discriminator's activations {@code [B, C, L]} in time by n
 * samples, n drawn uniformly from [-radius, radius] once per call (as the reference implementation
 * does, one shift per batch), filling the gap by reflection. It keeps the discriminator from
 * telling real and generated audio apart by the phase of periodic artefacts. The shift comes from
 * the engine's generator, seeded per candidate.
 */
final class PhaseShuffle {
    private PhaseShuffle() {}

    static NDArray apply(NDArray x, int radius) {
        if (radius == 0) {
            return x;
        }
        int n = x.getManager()
                .randomInteger(-radius, radius + 1, new Shape(1), DataType.INT32)
                .toIntArray()[0];
        return shift(x, n);
    }

    /** out[t] = x[t - n], reflecting at the edges. */
    static NDArray shift(NDArray x, int n) {
        long length = x.getShape().get(2);
        if (n == 0) {
            return x;
        }
        if (n > 0) {
            return x.get(":, :, 1:" + (n + 1)).flip(2).concat(x.get(":, :, 0:" + (length - n)), 2);
        }
        int m = -n;
        return x.get(":, :, " + m + ":")
                .concat(x.get(":, :, " + (length - m - 1) + ":" + (length - 1)).flip(2), 2);
    }
}
