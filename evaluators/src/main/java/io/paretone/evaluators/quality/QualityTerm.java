package io.paretone.evaluators.quality;

/**
 * One term of a quality score, with its calibration. {@code raw = (value - noise) / (real - noise)}:
 * 1 at what held-out real audio scores on average, 0 at what the noise anchor scores, whichever
 * direction the raw value runs, and beyond either end when the judged set lies beyond it (a set
 * that beats the real anchor has {@code raw > 1}). {@code scaled} is {@code raw} bounded to [0, 1],
 * the %MOS people read; {@link #ordered()} is the value the objective uses.
 *
 * <p>A term is informative, and counts towards %MOS, only when its real-noise gap is larger than
 * twice the spread of the real anchor ({@code |real - noise| > 2 realSpread}): a gap within the
 * real-vs-real spread cannot tell real audio from noise.
 *
 * @param name what the term measures, such as {@code embedding_frechet}
 * @param value the raw value for the judged clips
 * @param real the mean raw value over disjoint subsets of held-out real audio (maps to 1)
 * @param realSpread the standard deviation of the raw value over those subsets (0 with one subset)
 * @param noise the raw value of the noise anchor (maps to 0)
 * @param raw the value mapped linearly, unbounded; 0 when the term is not informative
 * @param scaled {@code raw} bounded to [0, 1]; 0 when the term is not informative
 * @param informative whether the real-noise gap exceeds twice the real spread
 */
public record QualityTerm(
        String name,
        double value,
        double real,
        double realSpread,
        double noise,
        double raw,
        double scaled,
        boolean informative) {

    /** The term of a raw value under a calibration with a known real spread. */
    static QualityTerm of(String name, double value, double real, double realSpread, double noise) {
        double spread = Double.isFinite(realSpread) ? realSpread : 0;
        boolean informative =
                Double.isFinite(real) && Double.isFinite(noise) && real != noise && Math.abs(real - noise) > 2 * spread;
        double raw = informative ? (value - noise) / (real - noise) : 0;
        raw = Double.isNaN(raw) ? 0 : raw;
        return new QualityTerm(name, value, real, spread, noise, raw, Math.max(0, Math.min(1, raw)), informative);
    }

    /**
     * The raw value as the objective orders it: unchanged from the noise anchor up (above 1 too), and
     * below noise {@code -ln(1 - raw)}. For a distance term, {@code 1 - raw} is how many times the noise
     * anchor's distance beyond real's the judged set lies, so the objective's {@code 1 - ordered} is
     * {@code 1 + ln} of that multiple: every set worse than noise keeps its order, and one that is a
     * thousand times as far (silence on a log-mel distance) counts about 8, not a thousand, so it
     * does not flatten the differences among the others. Continuous, with slope 1, at the noise anchor.
     */
    public double ordered() {
        return raw >= 0 ? raw : -Math.log1p(-raw);
    }

    /** The term of a raw value under a calibration whose real anchor has no measured spread. */
    static QualityTerm of(String name, double value, double real, double noise) {
        return of(name, value, real, 0, noise);
    }
}
