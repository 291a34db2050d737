package io.paretone.search.worker;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.spaces.check.Check;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything a worker needs to evaluate candidates exactly as the study would, sent as the first
 * message: typed and explicit, so that a worker depends on no state of the process that started it.
 * The worker reads the study's data from {@code dataFile} (checked against {@code datasetHash}) and
 * calibrates the named quality proxy on it deterministically from the study seed (a proxy that
 * trains a judge network caches it under {@code cacheDir}, so later workers load it); its
 * {@link FromWorker.Ready} reply carries a fingerprint of that calibration, which must match across
 * workers.
 *
 * @param workerId a name for logs and the trial store, such as {@code w1}
 * @param families the study's model families, whose smallest genomes warm the worker up
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param dataFile the study's splits, written by {@link StudyDataFile}
 * @param qualityProxy name of the proxy, see {@link QualityProxies}
 * @param studySeed seeds the proxy's calibration
 * @param energy how the worker meters energy and turns it into CO2e
 * @param cacheDir the study's cache folder
 * @param samplesDir where each trial's first generated example is saved (WAV, PNG: as its data saves them); null for none
 * @param warmUp train and sample each family's smallest genome once before the first trial, so
 *     that engine start-up costs are not charged to a candidate
 */
public record WorkerSetup(
        String workerId,
        List<String> families,
        String device,
        String dataFile,
        String datasetHash,
        String qualityProxy,
        int qualityClips,
        int qualityClipSamples,
        long studySeed,
        Energy energy,
        String cacheDir,
        String samplesDir,
        boolean warmUp) {

    public WorkerSetup {
        Check.notNull("worker id", workerId);
        families = List.copyOf(families);
        Check.notNull("device", device);
        Check.notNull("data file", dataFile);
        Check.notNull("quality proxy", qualityProxy);
        Check.positive("quality clips", qualityClips);
        Check.positive("quality clip samples", qualityClipSamples);
        Check.notNull("energy", energy);
        Check.notNull("cache folder", cacheDir);
    }

    /** This setup for another worker on another device. */
    public WorkerSetup forWorker(String id, String onDevice) {
        return new WorkerSetup(
                id,
                families,
                onDevice,
                dataFile,
                datasetHash,
                qualityProxy,
                qualityClips,
                qualityClipSamples,
                studySeed,
                energy,
                cacheDir,
                samplesDir,
                warmUp);
    }

    /**
     * The study's energy settings and carbon accounting in plain fields, for the wire.
     *
     * @param meter {@code auto}, {@code rapl}, {@code nvml} or {@code estimate}
     * @param wattsPerCpu null unless given
     * @param cpuTdpWatts null unless given
     * @param gpuTdpWatts null unless given
     */
    public record Energy(
            String meter,
            Double wattsPerCpu,
            Double cpuTdpWatts,
            Double gpuTdpWatts,
            double ramWattsPerGb,
            double kgPerKwh,
            double pue,
            String carbonSource) {

        public static Energy of(EnergySettings e, CarbonAccounting c) {
            return new Energy(
                    e.meter().label(),
                    boxed(e.wattsPerCpu()),
                    boxed(e.cpuTdpWatts()),
                    boxed(e.gpuTdpWatts()),
                    e.ramWattsPerGb(),
                    c.kgPerKwh(),
                    c.pue(),
                    c.source());
        }

        public EnergySettings settings() {
            return new EnergySettings(
                    MeterChoice.parse(meter),
                    optional(wattsPerCpu),
                    optional(cpuTdpWatts),
                    optional(gpuTdpWatts),
                    ramWattsPerGb);
        }

        public CarbonAccounting carbon() {
            return new CarbonAccounting(kgPerKwh, pue, carbonSource);
        }

        private static Double boxed(OptionalDouble v) {
            return v.isPresent() ? v.getAsDouble() : null;
        }

        private static OptionalDouble optional(Double v) {
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }
}
