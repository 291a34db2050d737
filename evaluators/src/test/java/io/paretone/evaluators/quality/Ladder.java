package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A ladder of plausible failures: tiers from best to worst (real, lightly degraded, heavily
 * degraded, structured but wrong, noise), each holding sets of examples built by a rule. The proxy
 * must order every set of a tier above every set of the next, and score every structured failure
 * at most {@value #STRUCTURED_AT_MOST}. Two exceptions, at the ends of the scale. Real and lightly
 * degraded sets that both score within two real-vs-real spreads of 1 need not be ordered
 * ({@link ProxyChecks#indistinguishable}): the proxy states real as {@code 1 +- s} (pixel noise of
 * sigma 0.1 on the digits, themselves rendered with noise up to 0.12, came 0.006 above its real set
 * in the unbounded %MOS). A structured failure may tie with noise at 0: the bounded
 * %MOS cannot go lower, and a proxy whose terms are necessary conditions ({@link TermMean#GEOMETRIC})
 * scores a set that fails one of them as it scores noise.
 */
final class Ladder {
    static final double STRUCTURED_AT_MOST = 0.3;
    static final String REAL = "real";
    static final String LIGHT = "lightly degraded";
    static final String HEAVY = "heavily degraded";
    static final String STRUCTURED = "structured but wrong";
    static final String NOISE = "noise";

    /** One set of examples, built by the rule its name states. */
    record Rung(String tier, String name, float[][] examples) {}

    private final List<Rung> rungs = new ArrayList<>();

    Ladder add(String tier, String name, float[][] examples) {
        rungs.add(new Rung(tier, name, examples));
        return this;
    }

    Ladder add(String tier, String name, List<float[]> examples) {
        return add(tier, name, examples.toArray(new float[0][]));
    }

    List<Rung> rungs() {
        return rungs;
    }

    /** One rung's score, and whether it keeps its place: above the next tier, below the one before, within the ceiling. */
    record Scored(Rung rung, QualityScore score, boolean holds) {}

    /**
     * Every rung scored, each rung's verdict, the failures in words and the table of scores.
     *
     * @param failures empty when the whole ladder holds
     */
    record Verdict(List<Scored> rungs, List<String> failures, String table) {
        boolean holds() {
            return failures.isEmpty();
        }
    }

    /**
     * Scores every rung and checks the order, and the structured failures' ceiling, on the bounded
     * %MOS the objective uses; sets that both reach its bound 1 are ordered by the unbounded %MOS,
     * so a degradation cannot tie with real data by clamping.
     *
     * @return the table of scores, one line per rung
     */
    String assertOrdered(Function<Rung, QualityScore> score) {
        Verdict verdict = verdict(score);
        System.out.print(verdict.table());
        assertTrue(verdict.holds(), String.join("; ", verdict.failures()) + "\n" + verdict.table());
        return verdict.table();
    }

    /** As {@link #assertOrdered}, without asserting: what a benchmark over many seeds counts. */
    Verdict verdict(Function<Rung, QualityScore> score) {
        List<String> tiers = List.of(REAL, LIGHT, HEAVY, STRUCTURED, NOISE);
        StringBuilder table = new StringBuilder();
        double[] worstOfTier = new double[tiers.size()];
        double[] boundedWorst = new double[tiers.size()];
        double[] boundedBest = new double[tiers.size()];
        double realSpread = Double.NaN;
        double[] bestOfTier = new double[tiers.size()];
        java.util.Arrays.fill(worstOfTier, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bestOfTier, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(boundedWorst, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(boundedBest, Double.NEGATIVE_INFINITY);
        List<String> failures = new ArrayList<>();
        List<QualityScore> scores = new ArrayList<>();
        for (Rung r : rungs) {
            QualityScore s = score.apply(r);
            scores.add(s);
            int t = tiers.indexOf(r.tier());
            double key = key(s);
            worstOfTier[t] = Math.min(worstOfTier[t], key);
            bestOfTier[t] = Math.max(bestOfTier[t], key);
            boundedWorst[t] = Math.min(boundedWorst[t], s.percentMos());
            boundedBest[t] = Math.max(boundedBest[t], s.percentMos());
            realSpread = s.realSpread();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.3f | %.3f | %s |%n",
                    r.tier(),
                    r.name(),
                    s.percentMos(),
                    s.rawPercentMos(),
                    terms(s)));
            if (r.tier().equals(STRUCTURED) && s.percentMos() > STRUCTURED_AT_MOST) {
                failures.add(r.name() + " scores " + s.percentMos() + " > " + STRUCTURED_AT_MOST);
            }
        }
        int[] next = new int[tiers.size()];
        int[] previous = new int[tiers.size()];
        for (int t = 0; t < tiers.size(); t++) {
            next[t] = t + 1;
            while (next[t] < tiers.size() && Double.isInfinite(bestOfTier[next[t]])) {
                next[t]++;
            }
            previous[t] = t - 1;
            while (previous[t] >= 0 && Double.isInfinite(worstOfTier[previous[t]])) {
                previous[t]--;
            }
        }
        for (int t = 0; t + 1 < tiers.size(); t++) {
            int n = next[t];
            if (n == tiers.size() || Double.isInfinite(worstOfTier[t])) {
                continue;
            }
            if (!inOrder(
                    tiers.get(t),
                    worstOfTier[t],
                    boundedWorst[t],
                    tiers.get(n),
                    bestOfTier[n],
                    boundedBest[n],
                    realSpread)) {
                failures.add("the worst of " + tiers.get(t) + " (" + worstOfTier[t] + ") is not above the best of "
                        + tiers.get(n) + " (" + bestOfTier[n] + ")");
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            QualityScore s = scores.get(i);
            int t = tiers.indexOf(r.tier());
            boolean holds = !(r.tier().equals(STRUCTURED) && s.percentMos() > STRUCTURED_AT_MOST);
            if (next[t] < tiers.size()) {
                int n = next[t];
                holds &= inOrder(
                        r.tier(), key(s), s.percentMos(), tiers.get(n), bestOfTier[n], boundedBest[n], realSpread);
            }
            if (previous[t] >= 0) {
                int p = previous[t];
                holds &= inOrder(
                        tiers.get(p), worstOfTier[p], boundedWorst[p], r.tier(), key(s), s.percentMos(), realSpread);
            }
            scored.add(new Scored(r, s, holds));
        }
        return new Verdict(scored, failures, table.toString());
    }

    /** The score rungs are ordered by: bounded %MOS, and the unbounded one among sets at the bound 1. */
    private static double key(QualityScore s) {
        return s.percentMos() < 1 ? s.percentMos() : Math.max(1, s.rawPercentMos());
    }

    /**
     * Whether a set of tier {@code upper} scoring {@code low} (bounded {@code boundedLow}) lies above
     * one of the next tier {@code lower} scoring {@code high} (bounded {@code boundedHigh}), with the
     * two allowances at the ends of the scale.
     */
    private static boolean inOrder(
            String upper,
            double low,
            double boundedLow,
            String lower,
            double high,
            double boundedHigh,
            double realSpread) {
        boolean bothReal = upper.equals(REAL)
                && lower.equals(LIGHT)
                && ProxyChecks.indistinguishable(boundedLow, boundedHigh, realSpread);
        boolean bothAtZero = upper.equals(STRUCTURED) && low == 0 && high == 0;
        return low > high || bothReal || bothAtZero;
    }

    private static String terms(QualityScore s) {
        StringBuilder b = new StringBuilder();
        for (QualityTerm t : s.terms()) {
            b.append(String.format(Locale.ROOT, "%s %.2f%s ", t.name(), t.raw(), t.informative() ? "" : " (dropped)"));
        }
        return b.append("memorised ").append(s.memorisedClips()).toString().trim();
    }
}
