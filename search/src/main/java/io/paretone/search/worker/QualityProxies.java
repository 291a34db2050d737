package io.paretone.search.worker;

import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.quality.JudgeProxies;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality proxies a study can name. Workers calibrate their own proxy from the study's data and
 * seed, so a proxy listed here must calibrate deterministically (the judge network trains once,
 * seeded, and is cached for the other workers); {@link #fingerprint} lets the study check that
 * every worker's calibration came out the same.
 */
public final class QualityProxies {
    /** The judge-network proxy of the data's domain, with its default settings seeded by the study. */
    public static final String JUDGE = "judge";

    private QualityProxies() {}

    /** @throws InvalidValueException for an unknown name */
    public static void check(String name) {
        if (!JUDGE.equals(name)) {
            throw new InvalidValueException("quality proxy", name, "the known proxy is " + JUDGE);
        }
    }

    /**
     * Calibrates the named proxy on the study's data.
     *
     * @param clipSamples values of each judged example ({@link DataSplits#judgedValues})
     * @param cacheDir where a trained judge is cached, so the next worker loads it
     * @throws IOException if the judge's cache cannot be read or written
     */
    public static QualityProxy calibrate(
            String name, DataSplits data, int clipCount, int clipSamples, long seed, Path cacheDir) throws IOException {
        check(name);
        return JudgeProxies.calibrate(data, clipCount, clipSamples, seed, cacheDir);
    }

    /**
     * The proxy's verdict on a fixed probe (a decaying sinusoid of 440 periods per unit in every
     * example), every term and its calibration: two proxies calibrated alike give equal numbers.
     *
     * @param valuesPerUnit the data's {@link DataSplits#valuesPerUnit()}
     */
    public static double[] fingerprint(QualityProxy proxy, int valuesPerUnit) {
        float[][] probe = new float[proxy.clipCount()][proxy.clipSamples()];
        for (float[] clip : probe) {
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (float)
                        (0.5 * Math.exp(-3.0 * i / clip.length) * Math.sin(2 * Math.PI * 440 * i / valuesPerUnit));
            }
        }
        QualityScore s = proxy.score(probe);
        List<Double> out =
                new ArrayList<>(List.of(s.percentMos(), s.nearestTrainingDistance(), s.realNearestTrainingDistance()));
        for (QualityTerm t : s.terms()) {
            out.addAll(List.of(t.value(), t.real(), t.noise()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
