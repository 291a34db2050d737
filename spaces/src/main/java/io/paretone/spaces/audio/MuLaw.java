package io.paretone.spaces.audio;

/** mu-law companding to and from 256 classes, as in WaveNet (van den Oord et al. 2016). */
public final class MuLaw {
    public static final int CLASSES = 256;
    private static final double MU = CLASSES - 1;

    private MuLaw() {}

    /** A sample in [-1, 1] to its class in [0, 255]. */
    public static int encode(float sample) {
        double x = Math.max(-1.0, Math.min(1.0, sample));
        double f = Math.signum(x) * Math.log1p(MU * Math.abs(x)) / Math.log1p(MU);
        return (int) Math.round((f + 1) / 2 * MU);
    }

    /** A class in [0, 255] back to a sample in [-1, 1]. */
    public static float decode(int cls) {
        double f = 2.0 * cls / MU - 1;
        return (float) (Math.signum(f) * (Math.pow(1 + MU, Math.abs(f)) - 1) / MU);
    }
}
