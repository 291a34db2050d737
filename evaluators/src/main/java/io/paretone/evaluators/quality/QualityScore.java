package io.paretone.evaluators.quality;

import java.util.List;

/**
 * A proxy's verdict on a set of generated clips.
 *
 * @param percentMos the %MOS estimate Q in [0, 1]: the mean of the informative terms' scaled
 *     values (held-out real audio 1, white noise 0); the objective is {@code 1 - percentMos}
 * @param terms every term with its raw value and calibration, informative or not
 * @param memorisedClips generated clips that lie closer to a training clip than any held-out real
 *     clip does (see {@link #memorised()})
 * @param nearestTrainingDistance the smallest distance from a generated clip to a training clip
 * @param realNearestTrainingDistance the smallest distance from a held-out real clip to a training
 *     clip: the threshold below which a generated clip counts as memorised
 */
public record QualityScore(
        double percentMos,
        List<QualityTerm> terms,
        int memorisedClips,
        double nearestTrainingDistance,
        double realNearestTrainingDistance) {

    public QualityScore {
        terms = List.copyOf(terms);
    }

    /** Whether any generated clip looks copied from the training data. */
    public boolean memorised() {
        return memorisedClips > 0;
    }

    /** The term of that name. */
    public QualityTerm term(String name) {
        return terms.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quality term " + name + " in " + terms));
    }
}
