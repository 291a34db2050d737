package io.paretone.evaluators.quality;

/**
 * A proxy's verdict.
 *
 * @param percentMos estimated MOS_model / MOS_ground_truth, clamped to [0, 1]
 * @param distance the raw distance of the generated clips to the reference
 * @param realDistance the same distance for held-out real clips (maps to 1)
 * @param noiseDistance the same distance for white noise (maps to 0)
 */
public record QualityScore(double percentMos, double distance, double realDistance, double noiseDistance) {}
