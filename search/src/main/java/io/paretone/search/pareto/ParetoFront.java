package io.paretone.search.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pareto extraction for minimised objectives: a point is kept when no other point is at least as
 * good on every objective and strictly better on one. Exact duplicates are all kept.
 */
public final class ParetoFront {
    private ParetoFront() {}

    /** True if {@code a} dominates {@code b}. */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictlyBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                strictlyBetter = true;
            }
        }
        return strictlyBetter;
    }

    /** The non-dominated items, in their original order. */
    public static <T> List<T> nonDominated(List<T> items, Function<T, double[]> objectives) {
        List<T> front = new ArrayList<>();
        for (T candidate : items) {
            double[] c = objectives.apply(candidate);
            boolean dominated = false;
            for (T other : items) {
                if (other != candidate && dominates(objectives.apply(other), c)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front;
    }
}
