package io.paretone.search.worker;

import io.paretone.spaces.check.Check;

/**
 * Everything a worker needs to evaluate candidates exactly as the study would, sent as the first
 * message: typed and explicit, so that a worker depends on no state of the process that started it.
 * The worker reads the study's data from {@code dataFile} (checked against {@code datasetHash}) and
 * calibrates the named quality proxy on it deterministically from the study seed; its
 * {@link FromWorker.Ready} reply carries a fingerprint of that calibration, which must match
 * across workers and sessions.
 *
 * @param workerId a name for logs and the trial store, such as {@code w1}
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param dataFile the study's splits, written by {@link StudyDataFile}
 * @param qualityProxy name of the proxy calibration, see {@link QualityProxies}
 * @param studySeed seeds the proxy's calibration
 * @param samplesDir where each trial's first clip is saved as WAV; null for none
 * @param warmUp train and sample the smallest genome once before the first trial, so that engine
 *     start-up costs are not charged to a candidate
 */
public record WorkerSetup(
        String workerId,
        String family,
        String device,
        String dataFile,
        String datasetHash,
        String qualityProxy,
        int qualityClips,
        int qualityClipSamples,
        long studySeed,
        Energy energy,
        String samplesDir,
        boolean warmUp) {

    public WorkerSetup {
        Check.notNull("worker id", workerId);
        Check.notNull("family", family);
        Check.notNull("device", device);
        Check.notNull("data file", dataFile);
        Check.notNull("quality proxy", qualityProxy);
        Check.positive("quality clips", qualityClips);
        Check.positive("quality clip samples", qualityClipSamples);
        Check.notNull("energy", energy);
    }

    /** This setup for another worker on another device. */
    public WorkerSetup forWorker(String id, String onDevice) {
        return new WorkerSetup(id, family, onDevice, dataFile, datasetHash, qualityProxy, qualityClips,
                qualityClipSamples, studySeed, energy, samplesDir, warmUp);
    }

    /**
     * How a worker measures energy and turns it into CO2e.
     *
     * @param wattsPerCore power of one busy core for the CPU-time estimate
     * @param kgPerKwh grid carbon intensity
     * @param pue data-centre PUE
     */
    public record Energy(double wattsPerCore, double kgPerKwh, double pue) {}
}
