package io.paretone.evaluators.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The calibration of a proxy's terms: per term, the real anchor as the mean over disjoint subsets of
 * held-out real examples, the spread of those subsets, and the noise anchor; and the spread of
 * %MOS itself over the real subsets ("real = 1 +- s").
 *
 * @param names the terms, in the order their values are given
 * @param real per term, the mean over the real subsets
 * @param spread per term, the sample standard deviation over the real subsets (0 with one subset)
 * @param noise per term, the noise anchor's value
 * @param percentMosSpread the sample standard deviation of each real subset's unbounded %MOS
 *     ({@link QualityScore#rawPercentMos}) under these anchors; NaN with one subset
 * @param subsets how many real subsets the anchor averages
 * @param mean how the terms combine into %MOS
 */
record TermAnchors(
        List<String> names,
        double[] real,
        double[] spread,
        double[] noise,
        double percentMosSpread,
        int subsets,
        TermMean mean) {

    /** As {@link #of(List, List, double[], TermMean)}, the terms combined by their arithmetic mean. */
    static TermAnchors of(List<String> names, List<double[]> realSubsets, double[] noise) {
        return of(names, realSubsets, noise, TermMean.ARITHMETIC);
    }

    /**
     * @param realSubsets per subset, the raw value of every term
     * @param noise the raw value of every term on the noise anchor
     */
    static TermAnchors of(List<String> names, List<double[]> realSubsets, double[] noise, TermMean combination) {
        int terms = names.size();
        int k = realSubsets.size();
        double[] mean = new double[terms];
        double[] spread = new double[terms];
        for (int t = 0; t < terms; t++) {
            for (double[] s : realSubsets) {
                mean[t] += s[t] / k;
            }
            for (double[] s : realSubsets) {
                spread[t] += k < 2 ? 0 : (s[t] - mean[t]) * (s[t] - mean[t]) / (k - 1);
            }
            spread[t] = Math.sqrt(spread[t]);
        }
        TermAnchors partial = new TermAnchors(names, mean, spread, noise, Double.NaN, k, combination);
        if (k < 2) {
            return partial;
        }
        double[] q = new double[k];
        double qMean = 0;
        for (int s = 0; s < k; s++) {
            q[s] = combination.of(partial.terms(realSubsets.get(s)), QualityTerm::raw);
            qMean += q[s] / k;
        }
        double variance = 0;
        for (double v : q) {
            variance += (v - qMean) * (v - qMean) / (k - 1);
        }
        return new TermAnchors(names, mean, spread, noise, Math.sqrt(variance), k, combination);
    }

    /** The calibrated terms of raw values given in the order of {@link #names}. */
    List<QualityTerm> terms(double[] values) {
        List<QualityTerm> out = new ArrayList<>(names.size());
        for (int t = 0; t < names.size(); t++) {
            out.add(QualityTerm.of(names.get(t), values[t], real[t], spread[t], noise[t]));
        }
        return out;
    }

    /** "real = 1 +- s over k disjoint subsets", and the terms dropped because real and noise are too close. */
    String summary() {
        StringBuilder b = new StringBuilder(
                k() < 2
                        ? "real = 1 (one real subset: spread unknown)"
                        : String.format(
                                java.util.Locale.ROOT,
                                "real = 1 +- %.3f over %d disjoint real subsets",
                                percentMosSpread,
                                k()));
        for (QualityTerm t : terms(real)) {
            if (!t.informative()) {
                b.append("; term ")
                        .append(t.name())
                        .append(" dropped: its real-noise gap ")
                        .append(String.format(java.util.Locale.ROOT, "%.4g", Math.abs(t.real() - t.noise())))
                        .append(" is within twice the real spread ")
                        .append(String.format(java.util.Locale.ROOT, "%.4g", t.realSpread()))
                        .append(" (or undefined)");
            }
        }
        return b.toString();
    }

    private int k() {
        return subsets;
    }
}
