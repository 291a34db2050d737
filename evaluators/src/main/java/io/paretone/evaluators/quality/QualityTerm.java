package io.paretone.evaluators.quality;

/**
 * One term of a quality score, with its calibration. {@code scaled = clamp((value - noise) /
 * (real - noise), 0, 1)}: 1 at or beyond what held-out real audio scores, 0 at or beyond what
 * white noise scores, whichever direction the raw value runs.
 *
 * @param name what the term measures, such as {@code embedding_frechet}
 * @param value the raw value for the judged clips
 * @param real the raw value for held-out real audio (maps to 1)
 * @param noise the raw value for white noise at the data's loudness (maps to 0)
 * @param scaled the value mapped to [0, 1]; 0 when the term is not informative
 * @param informative whether real and noise differ, so the term can count towards %MOS
 */
public record QualityTerm(String name, double value, double real, double noise, double scaled, boolean informative) {

    /** The term of a raw value under a calibration; informative only if real and noise differ. */
    static QualityTerm of(String name, double value, double real, double noise) {
        boolean informative = Double.isFinite(real) && Double.isFinite(noise) && real != noise;
        double scaled = informative ? (value - noise) / (real - noise) : 0;
        scaled = Double.isNaN(scaled) ? 0 : Math.max(0, Math.min(1, scaled));
        return new QualityTerm(name, value, real, noise, scaled, informative);
    }
}
