package io.paretone.search.worker;

import io.paretone.evaluators.quality.LogMelFrechetProxy;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.search.ProxyCalibration;
import io.paretone.spaces.check.InvalidValueException;
import java.util.Map;

/**
 * The quality proxies a study can name. A worker calibrates its own proxy from the study's data and
 * seed, so a proxy listed here must calibrate deterministically; {@link #fingerprint} lets the
 * study check that every worker's calibration came out the same.
 */
public final class QualityProxies {
    public static final String LOG_MEL_FRECHET = "log-mel-frechet";
    private static final Map<String, ProxyCalibration> BY_NAME = Map.of(LOG_MEL_FRECHET, LogMelFrechetProxy::calibrate);

    private QualityProxies() {}

    public static ProxyCalibration byName(String name) {
        ProxyCalibration c = BY_NAME.get(name);
        if (c == null) {
            throw new InvalidValueException("quality proxy", name, "known proxies are " + BY_NAME.keySet());
        }
        return c;
    }

    /**
     * The proxy's verdict on a fixed probe (a decaying 440 Hz tone in every clip): two proxies
     * calibrated alike give equal numbers.
     */
    public static double[] fingerprint(QualityProxy proxy, int sampleRate) {
        float[][] probe = new float[proxy.clipCount()][proxy.clipSamples()];
        for (float[] clip : probe) {
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (float) (0.5 * Math.exp(-3.0 * i / clip.length) * Math.sin(2 * Math.PI * 440 * i / sampleRate));
            }
        }
        QualityScore s = proxy.score(probe);
        return new double[] {s.percentMos(), s.distance(), s.realDistance(), s.noiseDistance()};
    }
}
