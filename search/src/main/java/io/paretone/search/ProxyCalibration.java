package io.paretone.search;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.quality.QualityProxy;

/** Builds the study's quality proxy from its data, once, before any candidate is judged. */
@FunctionalInterface
public interface ProxyCalibration {
    QualityProxy calibrate(AudioSplits data, int clipCount, int clipSamples, long seed);
}
