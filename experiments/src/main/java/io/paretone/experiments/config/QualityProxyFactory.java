package io.paretone.experiments.config;

import io.paretone.evaluators.quality.JudgeQualityProxy;
import io.paretone.evaluators.quality.JudgeSettings;
import io.paretone.search.ProxyCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Builds the study's quality proxy: the judge-network proxy, its judge cached under the study's cache folder. */
public final class QualityProxyFactory {
    private QualityProxyFactory() {}

    /** Calibration that trains (or loads from {@code cacheDir}) the judge with its default settings, seeded by the study. */
    public static ProxyCalibration judge(Path cacheDir) {
        return (data, clipCount, clipSamples, seed) -> {
            try {
                return JudgeQualityProxy.calibrate(data, clipCount, clipSamples, seed, cacheDir,
                        JudgeSettings.builder().setSeed(seed).build());
            } catch (IOException e) {
                throw new UncheckedIOException("could not train or load the quality judge: " + e.getMessage(), e);
            }
        };
    }
}
