package io.paretone.search.testing;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.search.worker.QualityProxies;
import io.paretone.search.worker.StudyDataFile;
import io.paretone.search.worker.WorkerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The set-up of a CPU worker on {@link SineDataset}, for tests that drive workers without a study:
 * WaveNets judged by the judge proxy on two clips of 0.1 s, seed 42, default energy settings.
 */
public final class SineWorkerSetup {
    private SineWorkerSetup() {}

    /**
     * Writes the data file under {@code dir} (the judge is cached in {@code dir/cache}).
     *
     * @param samplesDir where the worker saves each trial's first clip; null for none
     * @param warmUp whether the worker trains the smallest genome once before the first trial
     */
    public static WorkerSetup write(Path dir, String samplesDir, boolean warmUp) throws IOException {
        AudioSplits data = new SineDataset().load(dir);
        Path dataFile = StudyDataFile.export(data, dir);
        return new WorkerSetup(
                "w0",
                List.of("wavenet"),
                "cpu",
                dataFile.toString(),
                data.contentHash(),
                QualityProxies.JUDGE,
                2,
                1600,
                42,
                WorkerSetup.Energy.of(EnergySettings.defaults(), CarbonAccounting.worldAverage()),
                dir.resolve("cache").toString(),
                samplesDir,
                warmUp);
    }
}
