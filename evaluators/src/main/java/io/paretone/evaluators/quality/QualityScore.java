package io.paretone.evaluators.quality;

import java.util.List;

/**
 * A proxy's verdict on a set of generated clips.
 *
 * <p>The rule: every memorised clip is scored as noise. With {@code m} of the {@code N} clips
 * memorised, {@code percentMos = (1 - m / N) x mean of the informative terms' scaled values} (the
 * proxy's {@link TermMean}: geometric for both judge proxies), so a
 * generator that returns its training data scores 0 however real its clips sound. A conditional
 * model's clips that the judge does not recognise as the labels asked for count as noise too: the
 * score is further multiplied by the class term's scaled value (label accuracy, real 1, noise 0).
 *
 * @param percentMos the %MOS estimate Q in [0, 1], the figure people read: the mean of the
 *     informative terms' bounded values ({@link QualityTerm#scaled}), times the share of clips not
 *     memorised
 * @param rawPercentMos the same from the unbounded values ({@link QualityTerm#raw}): above 1 for a
 *     set that beats the real anchor, below 0 for one worse than the noise anchor; stored, not optimised
 * @param objectivePercentMos the same from the values as the objective orders them
 *     ({@link QualityTerm#ordered}): the objective is {@code 1 - objectivePercentMos}, 0 at the real
 *     anchor, 1 at the noise anchor, above 1 (log-compressed) for sets worse than noise, so that a
 *     search whose candidates all sound like noise still tells the less bad ones from the worse
 * @param realSpread the standard deviation of %MOS over disjoint held-out real subsets: real scores
 *     {@code 1 +- realSpread}; NaN when the proxy had a single real subset
 * @param terms every term with its raw value and calibration, informative or not
 * @param clips how many clips were judged
 * @param memorisedClips generated clips that lie closer to a training clip than half the distance of
 *     the closest held-out real clip ({@link Memorisation})
 * @param nearestTrainingDistance the smallest distance from a generated clip to a training clip
 * @param realNearestTrainingDistance the threshold below which a generated clip counts as
 *     memorised: half the smallest distance from a held-out real clip to a training clip
 */
public record QualityScore(
        double percentMos,
        double rawPercentMos,
        double objectivePercentMos,
        double realSpread,
        List<QualityTerm> terms,
        int clips,
        int memorisedClips,
        double nearestTrainingDistance,
        double realNearestTrainingDistance) {

    public QualityScore {
        terms = List.copyOf(terms);
    }

    /**
     * The verdict on {@code clips} clips of which {@code memorisedClips} are memorised, by the rule
     * above; {@code recognised} is the share of clips that count (1, or a conditional model's
     * calibrated label accuracy).
     */
    static QualityScore of(
            List<QualityTerm> terms,
            TermMean mean,
            double realSpread,
            int clips,
            int memorisedClips,
            double nearestTrainingDistance,
            double realNearestTrainingDistance,
            double recognised) {
        double kept = (clips == 0 ? 0 : 1 - (double) memorisedClips / clips) * recognised;
        return new QualityScore(
                kept * mean.of(terms, QualityTerm::scaled),
                discounted(kept, mean.of(terms, QualityTerm::raw)),
                discounted(kept, mean.of(terms, QualityTerm::ordered)),
                realSpread,
                terms,
                clips,
                memorisedClips,
                nearestTrainingDistance,
                realNearestTrainingDistance);
    }

    /**
     * A value with the memorised (and unrecognised) clips counted as noise, 0: the share {@code kept}
     * of it above noise; below noise the set keeps its own value, so that copying training clips
     * never lifts a set that is worse than noise up to noise.
     */
    private static double discounted(double kept, double value) {
        return value >= 0 ? kept * value : value;
    }

    /** The minimised quality objective, {@code 1 - objectivePercentMos}: 0 like real data, 1 like noise, above 1 worse. */
    public double oneMinusPercentMos() {
        return 1 - objectivePercentMos;
    }

    /** Whether any generated clip looks copied from the training data. */
    public boolean memorised() {
        return memorisedClips > 0;
    }

    /** The term of that name. */
    public QualityTerm term(String name) {
        return terms.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quality term " + name + " in " + terms));
    }
}
