package io.paretone.evaluators.quality;

import java.util.List;
import java.util.Map;

/**
 * An automatic stand-in for a listening test: a %MOS estimate for generated audio, calibrated so
 * that held-out real audio scores 1 (within a stated spread) and noise scores 0.
 */
public interface QualityProxy {
    String name();

    /** What exactly judges, for provenance (such as the judge's weights hash); the name by default. */
    default String description() {
        return name();
    }

    /** Scores clips that must be as many and as long as {@link #clipCount()} and {@link #clipSamples()}. */
    QualityScore score(float[][] generated);

    /**
     * Scores a conditional model's clips, clip {@code i} generated for the labels
     * {@code requested.get(i)} (facet name to value, as the dataset's clips carry them). Proxies
     * that cannot check labels score the audio alone.
     */
    default QualityScore scoreConditional(float[][] generated, List<Map<String, String>> requested) {
        return score(generated);
    }

    /** How many clips every candidate (and every reference) is judged on. */
    int clipCount();

    /** How long each judged clip is, in samples. */
    int clipSamples();
}
